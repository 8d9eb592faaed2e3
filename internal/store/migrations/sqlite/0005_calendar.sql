-- 0005: the calendar as an administrator changes it at run time. Each
-- change (a year's schedule uploaded, a single day corrected) is kept with
-- who made it and why; the days it set are laid over the embedded calendar
-- in two layers (national, then the locality's own); and every running
-- 限期整改 deadline it moved is recorded with the change that moved it, so
-- that the deadline can explain itself.

CREATE TABLE calendar_changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    scope      TEXT NOT NULL CHECK (scope IN ('national', 'local')),
    source     TEXT NOT NULL,
    reason     TEXT NOT NULL,
    days       INTEGER NOT NULL,
    moved      INTEGER NOT NULL,
    actor_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    actor_name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE calendar_days (
    scope       TEXT NOT NULL CHECK (scope IN ('national', 'local')),
    day         DATE NOT NULL,
    off         BOOLEAN NOT NULL,
    name        TEXT NOT NULL,
    notice_year INTEGER NOT NULL,
    change_id   INTEGER NOT NULL REFERENCES calendar_changes (id),
    PRIMARY KEY (scope, day)
);

CREATE TABLE deadline_moves (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    event_key    TEXT NOT NULL REFERENCES supervision_events (key) ON DELETE CASCADE,
    change_id    INTEGER NOT NULL REFERENCES calendar_changes (id),
    old_deadline DATE NOT NULL,
    new_deadline DATE NOT NULL
);

CREATE INDEX deadline_moves_event ON deadline_moves (event_key);
CREATE INDEX deadline_moves_change ON deadline_moves (change_id);
