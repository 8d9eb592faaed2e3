-- 0023: sub-tasks (任务分解). The lead unit, or the office, splits a
-- registered task into sub-tasks for itself and its 配合 units; each is a
-- task of the same plan in the ledger, pointing at its parent. A sub-task
-- is never split again (two levels), which the store checks. part_weight
-- is the sub-task's share in its parent's progress (the roll-up,
-- ledger.RollUp); the parent's percent is kept rolled up from its parts.

ALTER TABLE tasks ADD COLUMN parent_id INTEGER REFERENCES tasks (id) ON DELETE CASCADE;
ALTER TABLE tasks ADD COLUMN part_weight REAL NOT NULL DEFAULT 1 CHECK (part_weight > 0);

CREATE INDEX tasks_parent ON tasks (parent_id) WHERE parent_id IS NOT NULL;
