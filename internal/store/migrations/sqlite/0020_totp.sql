-- 0020: the second factor (RFC 6238 TOTP). totp_secret is the base32
-- secret of an enrolment, '' when none; totp_enabled is set once a code
-- from the authenticator app has confirmed it; totp_last_step is the
-- last time step that signed in, so the same code is not taken twice.
-- Recovery codes are single-use and stored only as SHA-256 hashes.

ALTER TABLE users ADD COLUMN totp_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN totp_enabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;

CREATE TABLE totp_recovery_codes (
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   TIMESTAMP,
    PRIMARY KEY (user_id, code_hash)
);
