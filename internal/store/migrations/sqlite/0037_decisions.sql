-- 0037: 重大行政决策. A year's catalogue (目录) is drafted, approved and
-- published; each decision in it has its 承办单位 and planned time, and
-- passes the procedure's gates, each step recorded with its documents.
-- The public comments on a decision keep the commenter's name and
-- contact sealed, as a ticket's caller's. Changes to a published
-- catalogue are its adjustments, each with its reason.

CREATE TABLE decision_catalogues (
    year         INTEGER PRIMARY KEY,
    state        TEXT NOT NULL CHECK (state IN ('draft', 'approved', 'published')),
    note         TEXT NOT NULL DEFAULT '',
    approved_by  TEXT NOT NULL DEFAULT '',
    approved_at  TIMESTAMP,
    published_at TIMESTAMP,
    created_at   TIMESTAMP NOT NULL
);

CREATE TABLE decisions (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL REFERENCES decision_catalogues (year),
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL,
    unit_id      INTEGER NOT NULL REFERENCES units (id),
    planned      TEXT NOT NULL,
    status       TEXT NOT NULL,
    exec_task_id INTEGER REFERENCES tasks (id) ON DELETE SET NULL,
    eval_task_id INTEGER REFERENCES tasks (id) ON DELETE SET NULL,
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX decisions_year ON decisions (year);

CREATE TABLE decision_steps (
    id          INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    gate        TEXT NOT NULL DEFAULT '',
    from_on     DATE,
    to_on       DATE,
    result      TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL,
    at          TIMESTAMP NOT NULL
);
CREATE INDEX decision_steps_decision ON decision_steps (decision_id);

CREATE TABLE decision_files (
    id           INTEGER PRIMARY KEY,
    step_id      INTEGER NOT NULL REFERENCES decision_steps (id) ON DELETE CASCADE,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX decision_files_step ON decision_files (step_id);

CREATE TABLE decision_comments (
    id          INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    contact     TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX decision_comments_decision ON decision_comments (decision_id);

CREATE TABLE decision_adjustments (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL REFERENCES decision_catalogues (year),
    decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('added', 'withdrawn')),
    reason      TEXT NOT NULL,
    actor       TEXT NOT NULL,
    at          TIMESTAMP NOT NULL
);
