-- 0011: the public portal (政务公开). A plan the office publishes is shown
-- to everyone without sign-in from published_at on; NULL keeps it inside.

ALTER TABLE plans ADD COLUMN published_at TIMESTAMP;
