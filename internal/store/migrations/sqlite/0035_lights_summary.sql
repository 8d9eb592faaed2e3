-- 0035: the dashboard's counts kept as they change. A province has
-- 200,000 tasks and 400,000 unit shares; counting them on every cold read
-- took a second. task_lights and unit_lights hold, per plan (per unit)
-- and status, how many tasks fall due in each month; a task whose due
-- date no light reads (closed, draft, revoked) counts under month ''.
-- event_days holds the supervision events per day and kind. Triggers keep
-- all three on every insert, delete and change (a count that falls to
-- nought is deleted, so old months do not pile up), so every writer — the
-- store, a unit merge, a cascade from a deleted plan — keeps them true.
-- The dashboard reads the months wholly before today's from the summary
-- and counts the few tasks due from the first of this month to the
-- due-soon limit from the tasks themselves (store/summary_read.go).

CREATE TABLE task_lights (
    plan_id INTEGER NOT NULL,
    status  TEXT NOT NULL,
    month   TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (plan_id, status, month)
);

CREATE TABLE unit_lights (
    unit    INTEGER NOT NULL, -- not unit_id: triggers move it, a unit merge need not
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

INSERT INTO task_lights (plan_id, status, month, n)
SELECT plan_id, status, CASE WHEN status IN ('closed', 'draft', 'revoked') OR next_due IS NULL THEN '' ELSE substr(next_due, 1, 7) END, COUNT(*)
FROM tasks GROUP BY 1, 2, 3;

INSERT INTO unit_lights (unit, status, month, n)
SELECT unit_id, status, CASE WHEN status IN ('closed', 'draft', 'revoked') OR next_due IS NULL THEN '' ELSE substr(next_due, 1, 7) END, COUNT(*)
FROM task_units WHERE unit_id IS NOT NULL GROUP BY 1, 2, 3;

INSERT INTO event_days (on_day, kind, n) SELECT on_day, kind, COUNT(*) FROM supervision_events GROUP BY 1, 2;

CREATE TRIGGER task_lights_insert AFTER INSERT ON tasks
BEGIN
    INSERT INTO task_lights (plan_id, status, month, n)
    VALUES (NEW.plan_id, NEW.status, CASE WHEN NEW.status IN ('closed', 'draft', 'revoked') OR NEW.next_due IS NULL THEN '' ELSE substr(NEW.next_due, 1, 7) END, 1)
    ON CONFLICT (plan_id, status, month) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER task_lights_delete AFTER DELETE ON tasks
BEGIN
    UPDATE task_lights SET n = n - 1 WHERE plan_id = OLD.plan_id AND status = OLD.status
        AND month = CASE WHEN OLD.status IN ('closed', 'draft', 'revoked') OR OLD.next_due IS NULL THEN '' ELSE substr(OLD.next_due, 1, 7) END;
    DELETE FROM task_lights WHERE plan_id = OLD.plan_id AND status = OLD.status
        AND month = CASE WHEN OLD.status IN ('closed', 'draft', 'revoked') OR OLD.next_due IS NULL THEN '' ELSE substr(OLD.next_due, 1, 7) END AND n = 0;
END;

CREATE TRIGGER task_lights_update AFTER UPDATE OF plan_id, status, next_due ON tasks
WHEN OLD.plan_id <> NEW.plan_id OR OLD.status <> NEW.status OR OLD.next_due IS NOT NEW.next_due
BEGIN
    UPDATE task_lights SET n = n - 1 WHERE plan_id = OLD.plan_id AND status = OLD.status
        AND month = CASE WHEN OLD.status IN ('closed', 'draft', 'revoked') OR OLD.next_due IS NULL THEN '' ELSE substr(OLD.next_due, 1, 7) END;
    DELETE FROM task_lights WHERE plan_id = OLD.plan_id AND status = OLD.status
        AND month = CASE WHEN OLD.status IN ('closed', 'draft', 'revoked') OR OLD.next_due IS NULL THEN '' ELSE substr(OLD.next_due, 1, 7) END AND n = 0;
    INSERT INTO task_lights (plan_id, status, month, n)
    VALUES (NEW.plan_id, NEW.status, CASE WHEN NEW.status IN ('closed', 'draft', 'revoked') OR NEW.next_due IS NULL THEN '' ELSE substr(NEW.next_due, 1, 7) END, 1)
    ON CONFLICT (plan_id, status, month) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER unit_lights_insert AFTER INSERT ON task_units WHEN NEW.unit_id IS NOT NULL
BEGIN
    INSERT INTO unit_lights (unit, status, month, n)
    VALUES (NEW.unit_id, NEW.status, CASE WHEN NEW.status IN ('closed', 'draft', 'revoked') OR NEW.next_due IS NULL THEN '' ELSE substr(NEW.next_due, 1, 7) END, 1)
    ON CONFLICT (unit, status, month) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER unit_lights_delete AFTER DELETE ON task_units WHEN OLD.unit_id IS NOT NULL
BEGIN
    UPDATE unit_lights SET n = n - 1 WHERE unit = OLD.unit_id AND status = OLD.status
        AND month = CASE WHEN OLD.status IN ('closed', 'draft', 'revoked') OR OLD.next_due IS NULL THEN '' ELSE substr(OLD.next_due, 1, 7) END;
    DELETE FROM unit_lights WHERE unit = OLD.unit_id AND status = OLD.status
        AND month = CASE WHEN OLD.status IN ('closed', 'draft', 'revoked') OR OLD.next_due IS NULL THEN '' ELSE substr(OLD.next_due, 1, 7) END AND n = 0;
END;

CREATE TRIGGER unit_lights_update AFTER UPDATE OF unit_id, status, next_due ON task_units
WHEN OLD.unit_id IS NOT NEW.unit_id OR OLD.status <> NEW.status OR OLD.next_due IS NOT NEW.next_due
BEGIN
    UPDATE unit_lights SET n = n - 1 WHERE OLD.unit_id IS NOT NULL AND unit = OLD.unit_id AND status = OLD.status
        AND month = CASE WHEN OLD.status IN ('closed', 'draft', 'revoked') OR OLD.next_due IS NULL THEN '' ELSE substr(OLD.next_due, 1, 7) END;
    DELETE FROM unit_lights WHERE OLD.unit_id IS NOT NULL AND unit = OLD.unit_id AND status = OLD.status
        AND month = CASE WHEN OLD.status IN ('closed', 'draft', 'revoked') OR OLD.next_due IS NULL THEN '' ELSE substr(OLD.next_due, 1, 7) END AND n = 0;
    INSERT INTO unit_lights (unit, status, month, n)
    SELECT NEW.unit_id, NEW.status, CASE WHEN NEW.status IN ('closed', 'draft', 'revoked') OR NEW.next_due IS NULL THEN '' ELSE substr(NEW.next_due, 1, 7) END, 1
    WHERE NEW.unit_id IS NOT NULL
    ON CONFLICT (unit, status, month) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER event_days_insert AFTER INSERT ON supervision_events
BEGIN
    INSERT INTO event_days (on_day, kind, n) VALUES (NEW.on_day, NEW.kind, 1)
    ON CONFLICT (on_day, kind) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER event_days_delete AFTER DELETE ON supervision_events
BEGIN
    UPDATE event_days SET n = n - 1 WHERE on_day = OLD.on_day AND kind = OLD.kind;
    DELETE FROM event_days WHERE on_day = OLD.on_day AND kind = OLD.kind AND n = 0;
END;

CREATE TRIGGER event_days_update AFTER UPDATE OF on_day, kind ON supervision_events
WHEN OLD.on_day <> NEW.on_day OR OLD.kind <> NEW.kind
BEGIN
    UPDATE event_days SET n = n - 1 WHERE on_day = OLD.on_day AND kind = OLD.kind;
    DELETE FROM event_days WHERE on_day = OLD.on_day AND kind = OLD.kind AND n = 0;
    INSERT INTO event_days (on_day, kind, n) VALUES (NEW.on_day, NEW.kind, 1)
    ON CONFLICT (on_day, kind) DO UPDATE SET n = n + 1;
END;

-- 0010's copy of a task's state into its units' rows, only when the
-- state or the next due date changed: a progress report rewrites them,
-- mostly to the same values.
DROP TRIGGER tasks_lights_to_units;
CREATE TRIGGER tasks_lights_to_units AFTER UPDATE OF status, next_due ON tasks
WHEN OLD.status IS NOT NEW.status OR OLD.next_due IS NOT NEW.next_due
BEGIN
    UPDATE task_units SET status = NEW.status, next_due = NEW.next_due WHERE task_id = NEW.id;
END;

-- The tasks due from the first of this month to the due-soon limit, read
-- beside the summary; and the open notices the dashboard counts.
CREATE INDEX tasks_due_lights ON tasks (next_due, plan_id, status);
CREATE INDEX task_units_due_lights ON task_units (next_due, unit_id, status);
CREATE INDEX supervision_events_unanswered ON supervision_events (task_id) WHERE deadline IS NOT NULL AND answered_at IS NULL;
