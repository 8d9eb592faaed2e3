-- 0031: state several instances share; see migrations/sqlite/0031_shared_state.sql.

CREATE TABLE file_objects (
    sha256     TEXT PRIMARY KEY,
    size       BIGINT NOT NULL,
    chunks     INTEGER NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE file_chunks (
    sha256 TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    data   BYTEA NOT NULL,
    PRIMARY KEY (sha256, seq)
);

CREATE TABLE rate_counts (
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    count        INTEGER NOT NULL,
    PRIMARY KEY (scope, key, window_start)
);
CREATE INDEX rate_counts_window ON rate_counts (window_start);
