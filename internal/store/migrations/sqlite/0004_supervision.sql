-- 0004: supervision. Each event the rules call for (reminder, 催办, a
-- 督办 notice, a missing report) is recorded once, under its key, with the
-- working day it was due and whether it was recorded on that day; each
-- notification it sends waits in an outbox, once per channel, until it is
-- delivered or given up.

CREATE TABLE supervision_events (
    key         TEXT PRIMARY KEY,
    task_id     INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    level       TEXT NOT NULL,
    label       TEXT NOT NULL,
    due         DATE,
    period      TEXT NOT NULL,
    on_day      DATE NOT NULL,
    deadline    DATE,
    basis       DATE,
    workdays    INTEGER NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    on_time     BOOLEAN NOT NULL,
    answered_at TIMESTAMP,
    answer      TEXT NOT NULL DEFAULT ''
);

CREATE INDEX supervision_events_task ON supervision_events (task_id, on_day);

CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    key         TEXT NOT NULL,
    channel     TEXT NOT NULL,
    task_id     INTEGER REFERENCES tasks (id) ON DELETE CASCADE,
    unit_id     INTEGER REFERENCES units (id) ON DELETE SET NULL,
    title       TEXT NOT NULL,
    text        TEXT NOT NULL,
    link        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
    attempts    INTEGER NOT NULL,
    next_at     TIMESTAMP NOT NULL,
    lease_until TIMESTAMP,
    last_error  TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    sent_at     TIMESTAMP,
    UNIQUE (key, channel)
);

CREATE INDEX notifications_due ON notifications (status, next_at);
CREATE INDEX notifications_unit ON notifications (unit_id, channel);
