-- 0021: the crypto suite (cryptosuite: "default" or "gm") a database was
-- begun with. The store records it at the first start and refuses to open
-- the database with the other suite: the audit chain's hashes and the
-- encrypted personal columns hold only under the suite that wrote them. A
-- database that already holds audit entries was begun before there was a
-- choice, so with the default.

CREATE TABLE crypto_suite (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL CHECK (name IN ('default', 'gm')),
    -- the data key's keyed digest of a fixed text, so that a wrong key
    -- is refused at start rather than found at the first read
    key_check TEXT NOT NULL DEFAULT ''
);

INSERT INTO crypto_suite (id, name) SELECT 1, 'default' FROM audit_head WHERE id = 1 AND seq > 0;

-- Keyed digests (HMAC-SM3 under gm; empty under the default, which looks
-- up the clear column) beside the encrypted columns that are looked up by
-- equality: a caller's phone, an applicant's ID number and phone.
ALTER TABLE tickets ADD COLUMN caller_phone_idx TEXT NOT NULL DEFAULT '';
CREATE INDEX tickets_caller_phone_idx ON tickets (caller_phone_idx);
ALTER TABLE foia_requests ADD COLUMN applicant_id_idx TEXT NOT NULL DEFAULT '';
ALTER TABLE foia_requests ADD COLUMN applicant_phone_idx TEXT NOT NULL DEFAULT '';
CREATE INDEX foia_requests_applicant_id_idx ON foia_requests (applicant_id_idx);
CREATE INDEX foia_requests_applicant_phone_idx ON foia_requests (applicant_phone_idx);
