-- 0002: the unit registry, people and their roles, sessions and API
-- tokens, and the hash-chained audit log.
--
-- The PostgreSQL twin differs in id generation (IDENTITY), TIMESTAMPTZ and
-- the append-only guard (a trigger function there).

CREATE TABLE units (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE,
    parent_id  INTEGER REFERENCES units (id) ON DELETE RESTRICT,
    kind       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX units_parent ON units (parent_id);

-- Another name for a unit (市法制办 for 市政府法制办公室); one alias names
-- one unit only.
CREATE TABLE unit_aliases (
    alias   TEXT PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE
);

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    username             TEXT NOT NULL UNIQUE,
    display_name         TEXT NOT NULL,
    -- '' is an account the system administrator made and the security
    -- administrator has not yet granted a role.
    role                 TEXT NOT NULL CHECK (role IN ('', 'sysadmin', 'secadmin', 'auditadmin', 'office', 'liaison', 'leader')),
    password_hash        TEXT NOT NULL,
    disabled             BOOLEAN NOT NULL,
    failed_logins        INTEGER NOT NULL,
    locked_until         TIMESTAMP,
    -- Sessions and tokens issued before this instant are void: "sign out
    -- everywhere" and a password reset move it forward.
    sessions_valid_after TIMESTAMP NOT NULL,
    password_changed_at  TIMESTAMP NOT NULL,
    created_at           TIMESTAMP NOT NULL
);

-- The units a liaison answers for.
CREATE TABLE user_units (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, unit_id)
);

-- Web sessions and API tokens; only the token's SHA-256 is kept.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('web', 'api')),
    name         TEXT NOT NULL,
    ip           TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL
);

CREATE INDEX sessions_user ON sessions (user_id);

-- One-time links of the first-run setup.
CREATE TABLE setup_tokens (
    token_hash TEXT PRIMARY KEY,
    expires_at TIMESTAMP NOT NULL
);

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    at          TIMESTAMP NOT NULL,
    actor_id    INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    ip          TEXT NOT NULL,
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json  TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);

CREATE INDEX audit_log_at ON audit_log (at);

-- The chain's head, kept apart so that entries cut off the end are noticed.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');

-- The log is append-only for duban itself; the hash chain catches whoever
-- goes around these guards with direct access to the file.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;

-- A task's unit names, matched to the registry where they can be.
ALTER TABLE task_units ADD COLUMN unit_id INTEGER REFERENCES units (id) ON DELETE SET NULL;

CREATE INDEX task_units_unit ON task_units (unit_id);

-- Where a task stands; the ledger derives the finer states from dates.
ALTER TABLE tasks ADD COLUMN status TEXT NOT NULL DEFAULT 'not_started';
