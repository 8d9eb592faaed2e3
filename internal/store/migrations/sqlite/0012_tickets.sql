-- 0012: 12345 tickets (工单). ticket_services is the category tree — the
-- services of Open311 — with the 权责清单: the unit responsible for a
-- matter, if one is clearly responsible, and the words that recognise it.
-- A ticket keeps its caller's personal data apart in its own columns, so
-- that nothing public ever reads them; every step is in ticket_events.

CREATE TABLE ticket_services (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    path     TEXT NOT NULL,
    type     TEXT NOT NULL CHECK (type IN ('consult', 'help', 'complaint', 'report', 'suggest')),
    unit_id  INTEGER REFERENCES units (id) ON DELETE SET NULL,
    keywords TEXT NOT NULL DEFAULT '',
    active   BOOLEAN NOT NULL
);

CREATE TABLE tickets (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    service_code TEXT REFERENCES ticket_services (code),
    type         TEXT NOT NULL CHECK (type IN ('consult', 'help', 'complaint', 'report', 'suggest')),
    urgency      TEXT NOT NULL CHECK (urgency IN ('normal', 'urgent', 'emergency')),
    channel      TEXT NOT NULL,
    description  TEXT NOT NULL,
    address      TEXT NOT NULL DEFAULT '',
    lat          REAL,
    lon          REAL,
    caller_name  TEXT NOT NULL DEFAULT '',
    caller_phone TEXT NOT NULL DEFAULT '',
    caller_email TEXT NOT NULL DEFAULT '',
    state        TEXT NOT NULL,
    unit_id      INTEGER REFERENCES units (id) ON DELETE SET NULL,
    assigned_at  TIMESTAMP,
    signed_at    TIMESTAMP,
    due_at       TIMESTAMP NOT NULL,
    extension    INTEGER NOT NULL DEFAULT 0,
    reopened     INTEGER NOT NULL DEFAULT 0,
    answer       TEXT NOT NULL DEFAULT '',
    verdict      TEXT NOT NULL DEFAULT '',
    resolved     BOOLEAN NOT NULL DEFAULT FALSE,
    redirect_to  TEXT NOT NULL DEFAULT '',
    received_at  TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);

CREATE INDEX tickets_state ON tickets (state, unit_id);
CREATE INDEX tickets_received ON tickets (received_at);

CREATE TABLE ticket_events (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    at        TIMESTAMP NOT NULL,
    actor     TEXT NOT NULL,
    kind      TEXT NOT NULL,
    unit_id   INTEGER,
    note      TEXT NOT NULL DEFAULT ''
);

CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);
