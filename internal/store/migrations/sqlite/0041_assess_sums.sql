-- 0041: the ranking's sums kept as the ledger changes. A province's
-- ranking read every task, share and event of the period (90,000 tasks,
-- 180,000 shares, 100,000 events a year) and took over a second cold.
--
-- assess_due and assess_events hold, per unit, role (co: 配合, else 牵头)
-- and month, what assess.Tally counts: the tasks that fall due (by how
-- they ended, their weights and open percents, in thousandths) and the
-- supervision events that cost points (by kind and level). They are
-- scheme-free: a new scheme reads the same sums. assess_folded holds each
-- task's parts as last added to the sums (JSON, see store/assess_sums.go),
-- so that a task that changes can be taken out and put back.
--
-- The arithmetic lives in Go (assess.Parts, the same code that scores
-- tasks read one by one), so the triggers here only mark: every change to
-- a task, its units, its 销号 decisions or its events, and a unit's kind,
-- moves the task's rev in assess_dirty. `duban serve` folds the marked
-- tasks into the sums each minute, and a ranking read adds the marked
-- tasks as they now are and takes out what they added before (in one
-- snapshot), so it is exact whether or not the fold has run.

CREATE TABLE assess_dirty (
    task_id INTEGER PRIMARY KEY,
    rev     INTEGER NOT NULL
);

CREATE TABLE assess_folded (
    task_id INTEGER PRIMARY KEY,
    parts   TEXT NOT NULL
);

CREATE TABLE assess_due (
    unit    INTEGER NOT NULL, -- not unit_id: the fold moves it, a unit merge need not
    co      BOOLEAN NOT NULL,
    month   INTEGER NOT NULL, -- 202603
    n_on    INTEGER NOT NULL,
    n_late  INTEGER NOT NULL,
    n_open  INTEGER NOT NULL,
    d_on    INTEGER NOT NULL,
    d_late  INTEGER NOT NULL,
    d_open  INTEGER NOT NULL,
    w_on    INTEGER NOT NULL,
    w_late  INTEGER NOT NULL,
    w_open  INTEGER NOT NULL,
    p_open  INTEGER NOT NULL,
    wp_open INTEGER NOT NULL,
    PRIMARY KEY (unit, co, month)
) WITHOUT ROWID; -- read in the key's order, a row where the key is

CREATE TABLE assess_events (
    unit  INTEGER NOT NULL,
    co    BOOLEAN NOT NULL,
    kind  TEXT NOT NULL,
    level TEXT NOT NULL,
    month INTEGER NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (unit, co, kind, level, month)
) WITHOUT ROWID;

-- The few tasks whose folded parts may not be what a ranking counts:
-- revoked after the period's end, or completed after the day it is read
-- for.
CREATE INDEX tasks_revoked ON tasks (revoked_on) WHERE revoked_on IS NOT NULL;
CREATE INDEX close_requests_closed ON close_requests (created_at) WHERE decision = 'closed';

-- Every task is to be folded once.
INSERT INTO assess_dirty (task_id, rev) SELECT id, 1 FROM tasks;

-- A task adds to the sums only through its units, whose triggers below
-- mark it when it is made or deleted (its units go with it); on tasks
-- only a change of what the scores read marks it.
CREATE TRIGGER assess_task_update AFTER UPDATE OF status, due, weight, percent, revoked_on ON tasks
WHEN OLD.status IS NOT NEW.status OR OLD.due IS NOT NEW.due OR OLD.weight IS NOT NEW.weight
    OR OLD.percent IS NOT NEW.percent OR OLD.revoked_on IS NOT NEW.revoked_on
BEGIN
    INSERT INTO assess_dirty (task_id, rev) VALUES (NEW.id, 1)
    ON CONFLICT (task_id) DO UPDATE SET rev = assess_dirty.rev + 1;
END;

CREATE TRIGGER assess_units_insert AFTER INSERT ON task_units
BEGIN
    INSERT INTO assess_dirty (task_id, rev) VALUES (NEW.task_id, 1)
    ON CONFLICT (task_id) DO UPDATE SET rev = assess_dirty.rev + 1;
END;
CREATE TRIGGER assess_units_delete AFTER DELETE ON task_units
BEGIN
    INSERT INTO assess_dirty (task_id, rev) VALUES (OLD.task_id, 1)
    ON CONFLICT (task_id) DO UPDATE SET rev = assess_dirty.rev + 1;
END;
CREATE TRIGGER assess_units_update AFTER UPDATE OF task_id, is_lead, unit_id ON task_units
WHEN OLD.task_id IS NOT NEW.task_id OR OLD.is_lead IS NOT NEW.is_lead OR OLD.unit_id IS NOT NEW.unit_id
BEGIN
    INSERT INTO assess_dirty (task_id, rev) SELECT id, 1 FROM (SELECT OLD.task_id AS id UNION SELECT NEW.task_id) WHERE true
    ON CONFLICT (task_id) DO UPDATE SET rev = assess_dirty.rev + 1;
END;

CREATE TRIGGER assess_close_insert AFTER INSERT ON close_requests
BEGIN
    INSERT INTO assess_dirty (task_id, rev) VALUES (NEW.task_id, 1)
    ON CONFLICT (task_id) DO UPDATE SET rev = assess_dirty.rev + 1;
END;
CREATE TRIGGER assess_close_delete AFTER DELETE ON close_requests
BEGIN
    INSERT INTO assess_dirty (task_id, rev) VALUES (OLD.task_id, 1)
    ON CONFLICT (task_id) DO UPDATE SET rev = assess_dirty.rev + 1;
END;
CREATE TRIGGER assess_close_update AFTER UPDATE OF task_id, decision, created_at ON close_requests
WHEN OLD.task_id IS NOT NEW.task_id OR OLD.decision IS NOT NEW.decision OR OLD.created_at IS NOT NEW.created_at
BEGIN
    INSERT INTO assess_dirty (task_id, rev) SELECT id, 1 FROM (SELECT OLD.task_id AS id UNION SELECT NEW.task_id) WHERE true
    ON CONFLICT (task_id) DO UPDATE SET rev = assess_dirty.rev + 1;
END;

CREATE TRIGGER assess_events_insert AFTER INSERT ON supervision_events
BEGIN
    INSERT INTO assess_dirty (task_id, rev) VALUES (NEW.task_id, 1)
    ON CONFLICT (task_id) DO UPDATE SET rev = assess_dirty.rev + 1;
END;
CREATE TRIGGER assess_events_delete AFTER DELETE ON supervision_events
BEGIN
    INSERT INTO assess_dirty (task_id, rev) VALUES (OLD.task_id, 1)
    ON CONFLICT (task_id) DO UPDATE SET rev = assess_dirty.rev + 1;
END;
CREATE TRIGGER assess_events_update AFTER UPDATE OF task_id, kind, level, on_day ON supervision_events
WHEN OLD.task_id IS NOT NEW.task_id OR OLD.kind IS NOT NEW.kind OR OLD.level IS NOT NEW.level OR OLD.on_day IS NOT NEW.on_day
BEGIN
    INSERT INTO assess_dirty (task_id, rev)
    SELECT id, 1 FROM (SELECT OLD.task_id AS id UNION SELECT NEW.task_id) WHERE true
    ON CONFLICT (task_id) DO UPDATE SET rev = assess_dirty.rev + 1;
END;

-- A unit that becomes a group (市级有关部门) stops being scored, and its
-- tasks' other units may become their leads.
CREATE TRIGGER assess_unit_kind AFTER UPDATE OF kind ON units
WHEN OLD.kind IS NOT NEW.kind
BEGIN
    INSERT INTO assess_dirty (task_id, rev) SELECT DISTINCT task_id, 1 FROM task_units WHERE unit_id = NEW.id
    ON CONFLICT (task_id) DO UPDATE SET rev = assess_dirty.rev + 1;
END;
