-- 0019: passwords a person chose themselves are not reused (the last five
-- are kept, as argon2id hashes, never the passwords), and an account whose
-- password was made for it (a one-time password at creation or reset)
-- must change it before it may do anything else.

ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE password_history (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    password_hash TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL
);

CREATE INDEX password_history_user ON password_history (user_id, id);
