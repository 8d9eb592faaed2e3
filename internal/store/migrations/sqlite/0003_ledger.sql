-- 0003: the execution ledger. Plans are reviewed as drafts and confirmed
-- (挂号); tasks carry the 五落实 fields and their derived dates; units
-- report progress with attachments; 销号 is applied for and decided; every
-- step lands in the task's history.

ALTER TABLE plans ADD COLUMN status TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('draft', 'confirmed'));
ALTER TABLE plans ADD COLUMN source_text TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN confirmed_at TIMESTAMP;

-- 五落实: goal, time limit (the deadlines), owner, requirement, measure.
ALTER TABLE tasks ADD COLUMN goal TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN requirement TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN measure TEXT NOT NULL DEFAULT '';
-- Derived from the deadlines and milestones whenever they change, so that
-- lists filter and sort by them in SQL: the final deadline, the next open
-- checkpoint, and the reporting cadence.
ALTER TABLE tasks ADD COLUMN due DATE;
ALTER TABLE tasks ADD COLUMN next_due DATE;
ALTER TABLE tasks ADD COLUMN every TEXT;
ALTER TABLE tasks ADD COLUMN percent REAL;
ALTER TABLE tasks ADD COLUMN registered_at TIMESTAMP;
ALTER TABLE tasks ADD COLUMN last_report_at TIMESTAMP;

UPDATE tasks SET status = 'registered' WHERE status = 'not_started';

CREATE INDEX tasks_status ON tasks (status);
-- Unit names not yet matched to the registry, which every import and every
-- new unit looks up: a partial index keeps that lookup from scanning the
-- names already matched.
CREATE INDEX task_units_unlinked ON task_units (name) WHERE unit_id IS NULL;
-- A unit's tasks, answered from the index alone (the ledger's most common
-- question, and every liaison's task list).
CREATE INDEX task_units_unit_task ON task_units (unit_id, task_id);
CREATE INDEX tasks_next_due ON tasks (next_due);

ALTER TABLE task_milestones ADD COLUMN done_at TIMESTAMP;

CREATE TABLE progress_reports (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id    INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    unit_id    INTEGER REFERENCES units (id) ON DELETE SET NULL,
    author_id  INTEGER NOT NULL REFERENCES users (id),
    period     TEXT NOT NULL,
    text       TEXT NOT NULL,
    percent    REAL CHECK (percent IS NULL OR (percent >= 0 AND percent <= 100)),
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX progress_reports_task ON progress_reports (task_id, created_at);

-- Target values a report says were reached, by the target's place in the task.
CREATE TABLE progress_targets (
    report_id  INTEGER NOT NULL REFERENCES progress_reports (id) ON DELETE CASCADE,
    target_seq INTEGER NOT NULL,
    value      REAL NOT NULL,
    PRIMARY KEY (report_id, target_seq)
);

CREATE TABLE close_requests (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id      INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    unit_id      INTEGER REFERENCES units (id) ON DELETE SET NULL,
    requester_id INTEGER NOT NULL REFERENCES users (id),
    text         TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    decision     TEXT CHECK (decision IS NULL OR decision IN ('closed', 'returned')),
    decider_id   INTEGER REFERENCES users (id),
    reason       TEXT NOT NULL DEFAULT '',
    decided_at   TIMESTAMP
);

CREATE INDEX close_requests_task ON close_requests (task_id);

-- Evidence: files kept by content (their SHA-256) in the data folder,
-- described here and tied to a progress report or a close request.
CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_type   TEXT NOT NULL CHECK (owner_type IN ('report', 'close')),
    owner_id     INTEGER NOT NULL,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL
);

CREATE INDEX attachments_owner ON attachments (owner_type, owner_id);

-- A task's history, oldest first: registered, edited, progress, 销号
-- applied for, closed or returned.
CREATE TABLE task_events (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id  INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    at       TIMESTAMP NOT NULL,
    actor_id INTEGER NOT NULL,
    actor    TEXT NOT NULL,
    kind     TEXT NOT NULL,
    summary  TEXT NOT NULL,
    ref_id   INTEGER
);

CREATE INDEX task_events_task ON task_events (task_id, id);
