-- 0016: photos and files a caller or an agent attaches to a 12345 ticket,
-- kept by content in the files store; only staff who may read the ticket
-- download them.

CREATE TABLE ticket_files (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL
);

CREATE INDEX ticket_files_ticket ON ticket_files (ticket_id);
