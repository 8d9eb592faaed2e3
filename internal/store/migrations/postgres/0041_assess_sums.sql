-- 0041: the ranking's sums kept as the ledger changes; the PostgreSQL
-- twin of migrations/sqlite/0041_assess_sums.sql, which says what the
-- tables hold. Inserts and deletes mark their tasks once a statement (an
-- import inserts thousands); updates, row by row, only when a column the
-- scores read changed.

CREATE TABLE assess_dirty (
    task_id BIGINT PRIMARY KEY,
    rev     BIGINT NOT NULL
);

CREATE TABLE assess_folded (
    task_id BIGINT PRIMARY KEY,
    parts   TEXT NOT NULL
);

CREATE TABLE assess_due (
    unit    BIGINT NOT NULL,
    co      BOOLEAN NOT NULL,
    month   INTEGER NOT NULL,
    n_on    BIGINT NOT NULL,
    n_late  BIGINT NOT NULL,
    n_open  BIGINT NOT NULL,
    d_on    BIGINT NOT NULL,
    d_late  BIGINT NOT NULL,
    d_open  BIGINT NOT NULL,
    w_on    BIGINT NOT NULL,
    w_late  BIGINT NOT NULL,
    w_open  BIGINT NOT NULL,
    p_open  BIGINT NOT NULL,
    wp_open BIGINT NOT NULL,
    PRIMARY KEY (unit, co, month)
);

CREATE TABLE assess_events (
    unit  BIGINT NOT NULL,
    co    BOOLEAN NOT NULL,
    kind  TEXT NOT NULL,
    level TEXT NOT NULL,
    month INTEGER NOT NULL,
    n     BIGINT NOT NULL,
    PRIMARY KEY (unit, co, kind, level, month)
);

CREATE INDEX tasks_revoked ON tasks (revoked_on) WHERE revoked_on IS NOT NULL;
CREATE INDEX close_requests_closed ON close_requests (created_at) WHERE decision = 'closed';

INSERT INTO assess_dirty (task_id, rev) SELECT id, 1 FROM tasks;

-- assess_stale marks the tasks listed, in their order (two writers never
-- wait on each other in a circle).
CREATE FUNCTION assess_stale(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO assess_dirty (task_id, rev)
    SELECT DISTINCT id, 1 FROM unnest(ids) AS id WHERE id IS NOT NULL ORDER BY id
    ON CONFLICT (task_id) DO UPDATE SET rev = assess_dirty.rev + 1
$$;

-- The rows a statement inserted or deleted, as the transition table
-- changed.
CREATE FUNCTION assess_children_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM assess_stale(ARRAY(SELECT task_id FROM changed));
    RETURN NULL;
END $$;
CREATE FUNCTION assess_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'tasks' THEN
        PERFORM assess_stale(ARRAY[NEW.id]);
    ELSE
        PERFORM assess_stale(ARRAY[OLD.task_id, NEW.task_id]);
    END IF;
    RETURN NULL;
END $$;

-- A task adds to the sums only through its units, whose triggers below
-- mark it when it is made or deleted (its units go with it); on tasks
-- only a change of what the scores read marks it.
CREATE TRIGGER assess_task_update AFTER UPDATE OF status, due, weight, percent, revoked_on ON tasks
    FOR EACH ROW WHEN ((OLD.status, OLD.due, OLD.weight, OLD.percent, OLD.revoked_on) IS DISTINCT FROM (NEW.status, NEW.due, NEW.weight, NEW.percent, NEW.revoked_on))
    EXECUTE FUNCTION assess_row_changed();

CREATE TRIGGER assess_units_insert AFTER INSERT ON task_units
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION assess_children_changed();
CREATE TRIGGER assess_units_delete AFTER DELETE ON task_units
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION assess_children_changed();
CREATE TRIGGER assess_units_update AFTER UPDATE OF task_id, is_lead, unit_id ON task_units
    FOR EACH ROW WHEN ((OLD.task_id, OLD.is_lead, OLD.unit_id) IS DISTINCT FROM (NEW.task_id, NEW.is_lead, NEW.unit_id))
    EXECUTE FUNCTION assess_row_changed();

CREATE TRIGGER assess_close_insert AFTER INSERT ON close_requests
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION assess_children_changed();
CREATE TRIGGER assess_close_delete AFTER DELETE ON close_requests
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION assess_children_changed();
CREATE TRIGGER assess_close_update AFTER UPDATE OF task_id, decision, created_at ON close_requests
    FOR EACH ROW WHEN ((OLD.task_id, OLD.decision, OLD.created_at) IS DISTINCT FROM (NEW.task_id, NEW.decision, NEW.created_at))
    EXECUTE FUNCTION assess_row_changed();

CREATE TRIGGER assess_events_insert AFTER INSERT ON supervision_events
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION assess_children_changed();
CREATE TRIGGER assess_events_delete AFTER DELETE ON supervision_events
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION assess_children_changed();
CREATE TRIGGER assess_events_update AFTER UPDATE OF task_id, kind, level, on_day ON supervision_events
    FOR EACH ROW WHEN ((OLD.task_id, OLD.kind, OLD.level, OLD.on_day) IS DISTINCT FROM (NEW.task_id, NEW.kind, NEW.level, NEW.on_day))
    EXECUTE FUNCTION assess_row_changed();

CREATE FUNCTION assess_unit_kind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM assess_stale(ARRAY(SELECT task_id FROM task_units WHERE unit_id = NEW.id));
    RETURN NULL;
END $$;
CREATE TRIGGER assess_unit_kind AFTER UPDATE OF kind ON units
    FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION assess_unit_kind();
