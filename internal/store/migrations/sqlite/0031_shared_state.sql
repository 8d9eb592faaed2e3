-- 0031: state several instances share. Attachments kept in the database
-- (file_objects: one row a file, written last; file_chunks: its content
-- in pieces of 1 MiB) and rate-limit counters per fixed window
-- (rate_counts), so that every duban on one PostgreSQL sees the same
-- files and the same limits. A SQLite database has one duban, which keeps
-- its files in the data folder and its counters in memory: the tables are
-- made here too so that both schemas stay the same.

CREATE TABLE file_objects (
    sha256     TEXT PRIMARY KEY,
    size       INTEGER NOT NULL,
    chunks     INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE file_chunks (
    sha256 TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    data   BLOB NOT NULL,
    PRIMARY KEY (sha256, seq)
);

CREATE TABLE rate_counts (
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    window_start TIMESTAMP NOT NULL,
    count        INTEGER NOT NULL,
    PRIMARY KEY (scope, key, window_start)
);
CREATE INDEX rate_counts_window ON rate_counts (window_start);
