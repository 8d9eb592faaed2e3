-- 0040: each task's list entry kept ready; the PostgreSQL twin of
-- migrations/sqlite/0040_task_entries.sql, which says what the table
-- holds. Inserts and deletes of child rows move rev once a statement
-- (an import inserts thousands); updates, row by row, only when a
-- column the list shows changed.

CREATE TABLE task_entries (
    task_id BIGINT PRIMARY KEY,
    rev     BIGINT NOT NULL,
    shape   TEXT NOT NULL DEFAULT '',
    entry   TEXT
);

-- task_entries_stale moves rev of the tasks listed that still exist, in
-- their order (two writers never wait on each other in a circle).
CREATE FUNCTION task_entries_stale(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO task_entries (task_id, rev)
    SELECT t.id, 1 FROM tasks t WHERE t.id = ANY(ids) ORDER BY t.id
    ON CONFLICT (task_id) DO UPDATE SET rev = task_entries.rev + 1, entry = NULL
$$;

CREATE FUNCTION task_entries_task_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM task_entries_stale(ARRAY[NEW.id]);
    RETURN NULL;
END $$;
CREATE TRIGGER task_entries_task_update AFTER UPDATE ON tasks
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION task_entries_task_update();

CREATE FUNCTION task_entries_task_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM task_entries WHERE task_id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER task_entries_task_delete AFTER DELETE ON tasks
    FOR EACH ROW EXECUTE FUNCTION task_entries_task_delete();

CREATE FUNCTION task_entries_plan_source() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM task_entries_stale(ARRAY(SELECT id FROM tasks WHERE plan_id = NEW.id));
    RETURN NULL;
END $$;
CREATE TRIGGER task_entries_plan_source AFTER UPDATE OF source ON plans
    FOR EACH ROW WHEN (OLD.source IS DISTINCT FROM NEW.source) EXECUTE FUNCTION task_entries_plan_source();

-- The child tables: the rows a statement inserted or deleted, as the
-- transition table changed.
CREATE FUNCTION task_entries_children() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM task_entries_stale(ARRAY(SELECT DISTINCT task_id FROM changed));
    RETURN NULL;
END $$;

CREATE FUNCTION task_entries_child_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM task_entries_stale(ARRAY[OLD.task_id, NEW.task_id]);
    RETURN NULL;
END $$;

CREATE TRIGGER task_entries_units_insert AFTER INSERT ON task_units
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION task_entries_children();
CREATE TRIGGER task_entries_units_delete AFTER DELETE ON task_units
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION task_entries_children();
-- Not on status and next_due, which 0010's trigger copies from the task.
CREATE TRIGGER task_entries_units_update AFTER UPDATE OF task_id, seq, name, is_lead, unit_id ON task_units
    FOR EACH ROW WHEN ((OLD.task_id, OLD.seq, OLD.name, OLD.is_lead, OLD.unit_id) IS DISTINCT FROM (NEW.task_id, NEW.seq, NEW.name, NEW.is_lead, NEW.unit_id))
    EXECUTE FUNCTION task_entries_child_update();

CREATE TRIGGER task_entries_deadlines_insert AFTER INSERT ON task_deadlines
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION task_entries_children();
CREATE TRIGGER task_entries_deadlines_delete AFTER DELETE ON task_deadlines
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION task_entries_children();
CREATE TRIGGER task_entries_deadlines_update AFTER UPDATE ON task_deadlines
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION task_entries_child_update();

CREATE TRIGGER task_entries_targets_insert AFTER INSERT ON task_targets
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION task_entries_children();
CREATE TRIGGER task_entries_targets_delete AFTER DELETE ON task_targets
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION task_entries_children();
CREATE TRIGGER task_entries_targets_update AFTER UPDATE ON task_targets
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION task_entries_child_update();

CREATE TRIGGER task_entries_milestones_insert AFTER INSERT ON task_milestones
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION task_entries_children();
CREATE TRIGGER task_entries_milestones_delete AFTER DELETE ON task_milestones
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION task_entries_children();
CREATE TRIGGER task_entries_milestones_update AFTER UPDATE ON task_milestones
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION task_entries_child_update();
