-- 0013: following a ticket. A caller who files a ticket on the public
-- form gets a secret link to follow it and rate the answer; only the
-- link's hash is kept.

ALTER TABLE tickets ADD COLUMN follow_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX tickets_follow ON tickets (follow_hash);
