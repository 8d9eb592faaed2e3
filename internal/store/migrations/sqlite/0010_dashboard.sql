-- 0010: the dashboard's counts. Each unit's lights are counted over
-- task_units alone — a province has 400,000 of them, and looking every
-- one up in tasks made the count take seconds — so task_units carries a
-- copy of its task's status and next due date, kept by triggers on every
-- change, and both tables get the covering indexes the counts read.

ALTER TABLE task_units ADD COLUMN status TEXT NOT NULL DEFAULT 'draft';
ALTER TABLE task_units ADD COLUMN next_due DATE;

UPDATE task_units SET status = (SELECT t.status FROM tasks t WHERE t.id = task_units.task_id),
    next_due = (SELECT t.next_due FROM tasks t WHERE t.id = task_units.task_id);

CREATE TRIGGER tasks_lights_to_units AFTER UPDATE OF status, next_due ON tasks
BEGIN
    UPDATE task_units SET status = NEW.status, next_due = NEW.next_due WHERE task_id = NEW.id;
END;

CREATE TRIGGER task_units_lights_from_task AFTER INSERT ON task_units
BEGIN
    UPDATE task_units SET status = (SELECT t.status FROM tasks t WHERE t.id = NEW.task_id),
        next_due = (SELECT t.next_due FROM tasks t WHERE t.id = NEW.task_id)
    WHERE task_id = NEW.task_id AND seq = NEW.seq;
END;

CREATE INDEX task_units_lights ON task_units (unit_id, status, next_due);
CREATE INDEX tasks_lights ON tasks (plan_id, status, next_due);
