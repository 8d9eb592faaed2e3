-- 0008: evidence with a 整改反馈; the PostgreSQL twin of
-- migrations/sqlite/0008_answer_evidence.sql. The answer is a step of the
-- task's history (task_events, kind 'answer'), and its files are
-- attachments of that step; the notice points at it.

ALTER TABLE attachments DROP CONSTRAINT attachments_owner_type_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_owner_type_check CHECK (owner_type IN ('report', 'close', 'answer'));

ALTER TABLE supervision_events ADD COLUMN answer_event BIGINT REFERENCES task_events (id) ON DELETE SET NULL;
