-- 0008: evidence with a 整改反馈. The answer is a step of the task's
-- history (task_events, kind 'answer'), and its files are attachments of
-- that step; the notice points at it. SQLite cannot change a CHECK in
-- place, so attachments is rebuilt with 'answer' allowed.

CREATE TABLE attachments_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_type   TEXT NOT NULL CHECK (owner_type IN ('report', 'close', 'answer')),
    owner_id     INTEGER NOT NULL,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL
);
INSERT INTO attachments_new (id, owner_type, owner_id, filename, content_type, size, sha256, created_at)
    SELECT id, owner_type, owner_id, filename, content_type, size, sha256, created_at FROM attachments;
DROP TABLE attachments;
ALTER TABLE attachments_new RENAME TO attachments;
CREATE INDEX attachments_owner ON attachments (owner_type, owner_id);

ALTER TABLE supervision_events ADD COLUMN answer_event INTEGER REFERENCES task_events (id) ON DELETE SET NULL;
