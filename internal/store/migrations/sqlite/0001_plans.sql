-- 0001: plans imported from documents and the tasks they list.
--
-- Types stay in the subset SQLite and PostgreSQL share (DATE, TIMESTAMP,
-- BOOLEAN, REAL, TEXT). The PostgreSQL twin of this file will differ in
-- id generation (IDENTITY), REAL (DOUBLE PRECISION there: PostgreSQL's
-- REAL is 4 bytes) and TIMESTAMPTZ. Calendar dates (成文日期, deadlines) are DATE,
-- not instants. AUTOINCREMENT keeps SQLite, like a PostgreSQL identity,
-- from handing a deleted plan's id to a new one: ids appear in links.

CREATE TABLE plans (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    title         TEXT NOT NULL,
    doc_number    TEXT NOT NULL,
    issuer        TEXT NOT NULL,
    issued_on     DATE,
    year          INTEGER NOT NULL,
    source_name   TEXT NOT NULL,
    source_sha256 TEXT NOT NULL UNIQUE,
    format        TEXT NOT NULL,
    imported_at   TIMESTAMP NOT NULL
);

CREATE TABLE tasks (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id  INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    path     TEXT NOT NULL,
    title    TEXT NOT NULL,
    text     TEXT NOT NULL,
    weight   REAL CHECK (weight IS NULL OR weight >= 0),
    optional BOOLEAN NOT NULL,
    UNIQUE (plan_id, seq)
);

CREATE TABLE task_units (
    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    name    TEXT NOT NULL,
    is_lead BOOLEAN NOT NULL,
    PRIMARY KEY (task_id, seq)
);

-- "What is unit X responsible for" is the ledger's most common question.
CREATE INDEX task_units_name ON task_units (name);

CREATE TABLE task_deadlines (
    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    due     DATE,
    every   TEXT CHECK (every IS NULL OR every IN ('year', 'half-year', 'quarter', 'month')),
    PRIMARY KEY (task_id, seq)
);

CREATE TABLE task_targets (
    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    value   REAL NOT NULL,
    unit    TEXT NOT NULL,
    PRIMARY KEY (task_id, seq)
);

CREATE TABLE task_milestones (
    task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    due     DATE,
    PRIMARY KEY (task_id, seq)
);
