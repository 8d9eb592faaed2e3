-- 0023: sub-tasks (任务分解); see migrations/sqlite/0022_subtasks.sql.

ALTER TABLE tasks ADD COLUMN parent_id BIGINT REFERENCES tasks (id) ON DELETE CASCADE;
ALTER TABLE tasks ADD COLUMN part_weight DOUBLE PRECISION NOT NULL DEFAULT 1 CHECK (part_weight > 0);

CREATE INDEX tasks_parent ON tasks (parent_id) WHERE parent_id IS NOT NULL;
