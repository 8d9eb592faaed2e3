-- 0014: 依申请公开 requests. A request keeps the applicant's personal data
-- in its own columns (only the disclosure office reads them); its
-- handling is a list of dated steps from which internal/foia works out
-- the statutory clock every time — nothing derived is stored but the
-- state and the deadline kept for lists, which every step rewrites.

CREATE TABLE foia_requests (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    applicant_kind  TEXT NOT NULL CHECK (applicant_kind IN ('person', 'business', 'research', 'charity', 'legal', 'other')),
    applicant_name  TEXT NOT NULL,
    applicant_id_no TEXT NOT NULL DEFAULT '',
    applicant_phone TEXT NOT NULL DEFAULT '',
    applicant_email TEXT NOT NULL DEFAULT '',
    applicant_addr  TEXT NOT NULL DEFAULT '',
    channel         TEXT NOT NULL CHECK (channel IN ('in_person', 'registered', 'mail', 'online', 'fax')),
    received_on     DATE NOT NULL,
    content         TEXT NOT NULL,
    form            TEXT NOT NULL DEFAULT '',
    state           TEXT NOT NULL,
    due_on          DATE,
    reply           TEXT NOT NULL DEFAULT '',
    withheld        INTEGER NOT NULL DEFAULT -1,
    reply_text      TEXT NOT NULL DEFAULT '',
    fee             INTEGER NOT NULL DEFAULT 0,
    concluded_on    DATE,
    follow_hash     TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);

CREATE INDEX foia_requests_received ON foia_requests (received_on);
CREATE INDEX foia_requests_state ON foia_requests (state, due_on);

CREATE TABLE foia_steps (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id INTEGER NOT NULL REFERENCES foia_requests (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    on_day     DATE NOT NULL,
    days       INTEGER NOT NULL DEFAULT 0,
    note       TEXT NOT NULL DEFAULT '',
    actor      TEXT NOT NULL,
    at         TIMESTAMP NOT NULL
);

CREATE INDEX foia_steps_request ON foia_steps (request_id, id);
