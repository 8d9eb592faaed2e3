-- 0040: each task's list entry kept ready. task_entries holds, per task,
-- the JSON of what the task list shows that does not move with the date
-- (the ledger service builds it; shape names the form it was built in),
-- and rev, which every change to the task, its units, deadlines, targets
-- or milestones, or its plan's source moves, clearing entry. A reader
-- stores an entry it built only where rev is still the one it read with
-- the task (or, where there was no row, only if none has appeared since),
-- so an entry never outlives a change, whatever the order of the two.
-- Rows are made by the first change or the first entry stored; a task
-- without one has no entry yet.

CREATE TABLE task_entries (
    task_id INTEGER PRIMARY KEY,
    rev     INTEGER NOT NULL,
    shape   TEXT NOT NULL DEFAULT '',
    entry   TEXT
);

CREATE TRIGGER task_entries_task_update AFTER UPDATE ON tasks
BEGIN
    INSERT INTO task_entries (task_id, rev) VALUES (NEW.id, 1)
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL;
END;

CREATE TRIGGER task_entries_task_delete AFTER DELETE ON tasks
BEGIN
    DELETE FROM task_entries WHERE task_id = OLD.id;
END;

CREATE TRIGGER task_entries_plan_source AFTER UPDATE OF source ON plans
WHEN OLD.source IS NOT NEW.source
BEGIN
    INSERT INTO task_entries (task_id, rev) SELECT id, 1 FROM tasks WHERE plan_id = NEW.id
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL;
END;

-- A child row names its task; the task must still be there (a cascade
-- from the task's deletion leaves no row behind).
CREATE TRIGGER task_entries_units_insert AFTER INSERT ON task_units
BEGIN
    INSERT INTO task_entries (task_id, rev) SELECT id, 1 FROM tasks WHERE id = NEW.task_id
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL;
END;
CREATE TRIGGER task_entries_units_delete AFTER DELETE ON task_units
BEGIN
    INSERT INTO task_entries (task_id, rev) SELECT id, 1 FROM tasks WHERE id = OLD.task_id
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL;
END;
-- Not on status and next_due, which 0010's trigger copies from the task
-- (whose own change has moved rev already).
CREATE TRIGGER task_entries_units_update AFTER UPDATE OF task_id, seq, name, is_lead, unit_id ON task_units
BEGIN
    INSERT INTO task_entries (task_id, rev) SELECT id, 1 FROM tasks WHERE id IN (OLD.task_id, NEW.task_id)
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL;
END;

CREATE TRIGGER task_entries_deadlines_insert AFTER INSERT ON task_deadlines
BEGIN
    INSERT INTO task_entries (task_id, rev) SELECT id, 1 FROM tasks WHERE id = NEW.task_id
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL;
END;
CREATE TRIGGER task_entries_deadlines_delete AFTER DELETE ON task_deadlines
BEGIN
    INSERT INTO task_entries (task_id, rev) SELECT id, 1 FROM tasks WHERE id = OLD.task_id
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL;
END;
CREATE TRIGGER task_entries_deadlines_update AFTER UPDATE ON task_deadlines
BEGIN
    INSERT INTO task_entries (task_id, rev) SELECT id, 1 FROM tasks WHERE id IN (OLD.task_id, NEW.task_id)
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL;
END;

CREATE TRIGGER task_entries_targets_insert AFTER INSERT ON task_targets
BEGIN
    INSERT INTO task_entries (task_id, rev) SELECT id, 1 FROM tasks WHERE id = NEW.task_id
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL;
END;
CREATE TRIGGER task_entries_targets_delete AFTER DELETE ON task_targets
BEGIN
    INSERT INTO task_entries (task_id, rev) SELECT id, 1 FROM tasks WHERE id = OLD.task_id
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL;
END;
CREATE TRIGGER task_entries_targets_update AFTER UPDATE ON task_targets
BEGIN
    INSERT INTO task_entries (task_id, rev) SELECT id, 1 FROM tasks WHERE id IN (OLD.task_id, NEW.task_id)
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL;
END;

CREATE TRIGGER task_entries_milestones_insert AFTER INSERT ON task_milestones
BEGIN
    INSERT INTO task_entries (task_id, rev) SELECT id, 1 FROM tasks WHERE id = NEW.task_id
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL;
END;
CREATE TRIGGER task_entries_milestones_delete AFTER DELETE ON task_milestones
BEGIN
    INSERT INTO task_entries (task_id, rev) SELECT id, 1 FROM tasks WHERE id = OLD.task_id
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL;
END;
CREATE TRIGGER task_entries_milestones_update AFTER UPDATE ON task_milestones
BEGIN
    INSERT INTO task_entries (task_id, rev) SELECT id, 1 FROM tasks WHERE id IN (OLD.task_id, NEW.task_id)
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL;
END;

-- The list in plan order reads, besides the entry, what moves with the
-- date: from this index alone, without a seek into each task's row.
-- (PostgreSQL would read the rows anyway unless freshly vacuumed.)
CREATE INDEX tasks_listing ON tasks (plan_id, seq, status, next_due, percent);
