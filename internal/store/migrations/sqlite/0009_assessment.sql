-- 0009: assessment. The office's scoring scheme (assess.Scheme as JSON):
-- one draft being edited, and every version it published, the latest in
-- force. 激励/问责 records about units, each linked to the tasks and the
-- notices behind it; a record is revoked, not deleted, so that a
-- published bulletin can still be explained.

CREATE TABLE assessment_schemes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    scheme       TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    saved_by     TEXT NOT NULL,
    saved_at     TIMESTAMP NOT NULL,
    published_at TIMESTAMP
);

CREATE TABLE assessment_records (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id       INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('highlight', 'innovation', 'commendation', 'accountability')),
    title         TEXT NOT NULL,
    on_day        DATE NOT NULL,
    basis         TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL DEFAULT '',
    created_by    TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    revoked_by    TEXT NOT NULL DEFAULT '',
    revoked_at    TIMESTAMP,
    revoke_reason TEXT NOT NULL DEFAULT ''
);

CREATE INDEX assessment_records_unit ON assessment_records (unit_id, on_day);
CREATE INDEX assessment_records_day ON assessment_records (on_day);

CREATE TABLE assessment_record_links (
    record_id INTEGER NOT NULL REFERENCES assessment_records (id) ON DELETE CASCADE,
    task_id   INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    event_key TEXT REFERENCES supervision_events (key) ON DELETE SET NULL
);

CREATE INDEX assessment_record_links_record ON assessment_record_links (record_id);
CREATE INDEX supervision_events_day ON supervision_events (on_day);
CREATE INDEX tasks_due ON tasks (due);
