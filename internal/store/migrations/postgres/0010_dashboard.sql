-- 0010: the dashboard's counts; the PostgreSQL twin of
-- migrations/sqlite/0010_dashboard.sql. task_units carries a copy of its
-- task's status and next due date, kept by triggers, so that each unit's
-- lights are counted over task_units alone with a covering index.

ALTER TABLE task_units ADD COLUMN status TEXT NOT NULL DEFAULT 'draft';
ALTER TABLE task_units ADD COLUMN next_due DATE;

UPDATE task_units SET status = t.status, next_due = t.next_due FROM tasks t WHERE t.id = task_units.task_id;

CREATE FUNCTION tasks_lights_to_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE task_units SET status = NEW.status, next_due = NEW.next_due WHERE task_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER tasks_lights_to_units AFTER UPDATE OF status, next_due ON tasks
    FOR EACH ROW EXECUTE FUNCTION tasks_lights_to_units();

CREATE FUNCTION task_units_lights_from_task() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT t.status, t.next_due INTO NEW.status, NEW.next_due FROM tasks t WHERE t.id = NEW.task_id;
    RETURN NEW;
END $$;

CREATE TRIGGER task_units_lights_from_task BEFORE INSERT ON task_units
    FOR EACH ROW EXECUTE FUNCTION task_units_lights_from_task();

CREATE INDEX task_units_lights ON task_units (unit_id, status, next_due);
CREATE INDEX tasks_lights ON tasks (plan_id, status, next_due);
