-- 0035: the dashboard's counts kept as they change; the PostgreSQL twin
-- of migrations/sqlite/0035_lights_summary.sql. task_lights and
-- unit_lights hold, per plan (per unit) and status, how many tasks fall
-- due in each month ('' where no light reads the date: closed, draft,
-- revoked); event_days the supervision events per day and kind. Row
-- triggers keep them. A change that moves a count from one summary row to
-- another touches the two rows in a fixed order, so two writers moving
-- counts in opposite directions never wait on each other in a circle.

CREATE TABLE task_lights (
    plan_id BIGINT NOT NULL,
    status  TEXT NOT NULL,
    month   TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (plan_id, status, month)
);

CREATE TABLE unit_lights (
    unit    BIGINT NOT NULL, -- not unit_id: triggers move it, a unit merge need not
    status  TEXT NOT NULL,
    month   TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (unit, status, month)
);

CREATE TABLE event_days (
    on_day DATE NOT NULL,
    kind   TEXT NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (on_day, kind)
);

CREATE FUNCTION lights_month(status TEXT, next_due DATE) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN status IN ('closed', 'draft', 'revoked') OR next_due IS NULL THEN '' ELSE to_char(next_due, 'YYYY-MM') END
$$;

INSERT INTO task_lights (plan_id, status, month, n)
SELECT plan_id, status, lights_month(status, next_due), COUNT(*) FROM tasks GROUP BY 1, 2, 3;

INSERT INTO unit_lights (unit, status, month, n)
SELECT unit_id, status, lights_month(status, next_due), COUNT(*) FROM task_units WHERE unit_id IS NOT NULL GROUP BY 1, 2, 3;

INSERT INTO event_days (on_day, kind, n) SELECT on_day, kind, COUNT(*) FROM supervision_events GROUP BY 1, 2;

-- The add functions count d more (fewer) in one summary row; a row
-- that falls to nought is deleted, so old months do not pile up.
CREATE FUNCTION task_lights_add(p BIGINT, s TEXT, m TEXT, d INT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF d > 0 THEN
        INSERT INTO task_lights (plan_id, status, month, n) VALUES (p, s, m, d)
        ON CONFLICT (plan_id, status, month) DO UPDATE SET n = task_lights.n + EXCLUDED.n;
    ELSE
        DELETE FROM task_lights WHERE plan_id = p AND status = s AND month = m AND n + d <= 0;
        IF NOT FOUND THEN
            UPDATE task_lights SET n = n + d WHERE plan_id = p AND status = s AND month = m;
        END IF;
    END IF;
END $$;

CREATE FUNCTION unit_lights_add(u BIGINT, s TEXT, m TEXT, d INT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF d > 0 THEN
        INSERT INTO unit_lights (unit, status, month, n) VALUES (u, s, m, d)
        ON CONFLICT (unit, status, month) DO UPDATE SET n = unit_lights.n + EXCLUDED.n;
    ELSE
        DELETE FROM unit_lights WHERE unit = u AND status = s AND month = m AND n + d <= 0;
        IF NOT FOUND THEN
            UPDATE unit_lights SET n = n + d WHERE unit = u AND status = s AND month = m;
        END IF;
    END IF;
END $$;

CREATE FUNCTION event_days_add(o DATE, k TEXT, d INT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF d > 0 THEN
        INSERT INTO event_days (on_day, kind, n) VALUES (o, k, d)
        ON CONFLICT (on_day, kind) DO UPDATE SET n = event_days.n + EXCLUDED.n;
    ELSE
        DELETE FROM event_days WHERE on_day = o AND kind = k AND n + d <= 0;
        IF NOT FOUND THEN
            UPDATE event_days SET n = n + d WHERE on_day = o AND kind = k;
        END IF;
    END IF;
END $$;

CREATE FUNCTION task_lights_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    om TEXT; nm TEXT;
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM task_lights_add(NEW.plan_id, NEW.status, lights_month(NEW.status, NEW.next_due), 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM task_lights_add(OLD.plan_id, OLD.status, lights_month(OLD.status, OLD.next_due), -1);
    ELSE
        om := lights_month(OLD.status, OLD.next_due);
        nm := lights_month(NEW.status, NEW.next_due);
        IF (OLD.plan_id, OLD.status, om) = (NEW.plan_id, NEW.status, nm) THEN
            RETURN NULL;
        ELSIF (OLD.plan_id, OLD.status, om) < (NEW.plan_id, NEW.status, nm) THEN
            PERFORM task_lights_add(OLD.plan_id, OLD.status, om, -1);
            PERFORM task_lights_add(NEW.plan_id, NEW.status, nm, 1);
        ELSE
            PERFORM task_lights_add(NEW.plan_id, NEW.status, nm, 1);
            PERFORM task_lights_add(OLD.plan_id, OLD.status, om, -1);
        END IF;
    END IF;
    RETURN NULL;
END $$;

-- The update triggers fire only when a counted value changed: a progress
-- report rewrites a task's state and dates, mostly to the same values.
CREATE TRIGGER task_lights_keep AFTER INSERT OR DELETE ON tasks
    FOR EACH ROW EXECUTE FUNCTION task_lights_keep();
CREATE TRIGGER task_lights_keep_update AFTER UPDATE OF plan_id, status, next_due ON tasks
    FOR EACH ROW WHEN (OLD.plan_id IS DISTINCT FROM NEW.plan_id OR OLD.status IS DISTINCT FROM NEW.status OR OLD.next_due IS DISTINCT FROM NEW.next_due)
    EXECUTE FUNCTION task_lights_keep();

CREATE FUNCTION unit_lights_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    om TEXT; nm TEXT;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.unit_id IS NOT NULL THEN
            PERFORM unit_lights_add(NEW.unit_id, NEW.status, lights_month(NEW.status, NEW.next_due), 1);
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF OLD.unit_id IS NOT NULL THEN
            PERFORM unit_lights_add(OLD.unit_id, OLD.status, lights_month(OLD.status, OLD.next_due), -1);
        END IF;
    ELSE
        om := lights_month(OLD.status, OLD.next_due);
        nm := lights_month(NEW.status, NEW.next_due);
        IF (OLD.unit_id IS NULL AND NEW.unit_id IS NULL) OR (OLD.unit_id, OLD.status, om) = (NEW.unit_id, NEW.status, nm) THEN
            RETURN NULL;
        ELSIF OLD.unit_id IS NULL THEN
            PERFORM unit_lights_add(NEW.unit_id, NEW.status, nm, 1);
        ELSIF NEW.unit_id IS NULL THEN
            PERFORM unit_lights_add(OLD.unit_id, OLD.status, om, -1);
        ELSIF (OLD.unit_id, OLD.status, om) < (NEW.unit_id, NEW.status, nm) THEN
            PERFORM unit_lights_add(OLD.unit_id, OLD.status, om, -1);
            PERFORM unit_lights_add(NEW.unit_id, NEW.status, nm, 1);
        ELSE
            PERFORM unit_lights_add(NEW.unit_id, NEW.status, nm, 1);
            PERFORM unit_lights_add(OLD.unit_id, OLD.status, om, -1);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER unit_lights_keep AFTER INSERT OR DELETE ON task_units
    FOR EACH ROW EXECUTE FUNCTION unit_lights_keep();
CREATE TRIGGER unit_lights_keep_update AFTER UPDATE OF unit_id, status, next_due ON task_units
    FOR EACH ROW WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.status IS DISTINCT FROM NEW.status OR OLD.next_due IS DISTINCT FROM NEW.next_due)
    EXECUTE FUNCTION unit_lights_keep();

-- 0010's copy of a task's state into its units' rows, likewise only when
-- the state or the next due date changed, not on every report.
DROP TRIGGER tasks_lights_to_units ON tasks;
CREATE TRIGGER tasks_lights_to_units AFTER UPDATE OF status, next_due ON tasks
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.next_due IS DISTINCT FROM NEW.next_due)
    EXECUTE FUNCTION tasks_lights_to_units();

CREATE FUNCTION event_days_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM event_days_add(NEW.on_day, NEW.kind, 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM event_days_add(OLD.on_day, OLD.kind, -1);
    ELSIF (OLD.on_day, OLD.kind) <> (NEW.on_day, NEW.kind) THEN
        IF (OLD.on_day, OLD.kind) < (NEW.on_day, NEW.kind) THEN
            PERFORM event_days_add(OLD.on_day, OLD.kind, -1);
            PERFORM event_days_add(NEW.on_day, NEW.kind, 1);
        ELSE
            PERFORM event_days_add(NEW.on_day, NEW.kind, 1);
            PERFORM event_days_add(OLD.on_day, OLD.kind, -1);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER event_days_keep AFTER INSERT OR DELETE ON supervision_events
    FOR EACH ROW EXECUTE FUNCTION event_days_keep();
CREATE TRIGGER event_days_keep_update AFTER UPDATE OF on_day, kind ON supervision_events
    FOR EACH ROW WHEN (OLD.on_day IS DISTINCT FROM NEW.on_day OR OLD.kind IS DISTINCT FROM NEW.kind)
    EXECUTE FUNCTION event_days_keep();

CREATE INDEX tasks_due_lights ON tasks (next_due, plan_id, status);
CREATE INDEX task_units_due_lights ON task_units (next_due, unit_id, status);
CREATE INDEX supervision_events_unanswered ON supervision_events (task_id) WHERE deadline IS NOT NULL AND answered_at IS NULL;
