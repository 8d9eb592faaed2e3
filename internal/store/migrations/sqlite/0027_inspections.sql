-- 0027: field inspections (实地督查、专项督查、对账督查、明察暗访). The office
-- keeps a yearly plan of inspections; an inspection record says when,
-- where, who and how; each finding names the unit that must rectify it
-- by a date and becomes a task of the ledger (task_id), so its 整改 is
-- reported, lit, escalated and 销号 like every task. A 复查 is a row of
-- its own: passed, or failed with the new date.

CREATE TABLE inspection_plans (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    year       INTEGER NOT NULL,
    title      TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('field', 'special', 'reconcile', 'covert')),
    month      INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    planned_on DATE,
    notes      TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX inspection_plans_year ON inspection_plans (year, month);

CREATE TABLE inspection_plan_units (
    entry_id INTEGER NOT NULL REFERENCES inspection_plans (id) ON DELETE CASCADE,
    unit_id  INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    PRIMARY KEY (entry_id, unit_id)
);

CREATE TABLE inspections (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_entry_id INTEGER REFERENCES inspection_plans (id) ON DELETE SET NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('field', 'special', 'reconcile', 'covert')),
    title         TEXT NOT NULL,
    held_on       DATE NOT NULL,
    place         TEXT NOT NULL DEFAULT '',
    inspectors    TEXT NOT NULL DEFAULT '',
    method        TEXT NOT NULL DEFAULT '',
    summary       TEXT NOT NULL DEFAULT '',
    created_by    TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL
);

CREATE INDEX inspections_held ON inspections (held_on);

CREATE TABLE inspection_findings (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    description   TEXT NOT NULL,
    unit_id       INTEGER NOT NULL REFERENCES units (id),
    due           DATE NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('rectifying', 'passed')),
    task_id       INTEGER REFERENCES tasks (id) ON DELETE SET NULL,
    created_by    TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL
);

CREATE INDEX inspection_findings_inspection ON inspection_findings (inspection_id);
CREATE INDEX inspection_findings_unit ON inspection_findings (unit_id, state);

CREATE TABLE finding_files (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    finding_id   INTEGER NOT NULL REFERENCES inspection_findings (id) ON DELETE CASCADE,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL
);

CREATE INDEX finding_files_finding ON finding_files (finding_id);

CREATE TABLE finding_rechecks (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    finding_id INTEGER NOT NULL REFERENCES inspection_findings (id) ON DELETE CASCADE,
    held_on    DATE NOT NULL,
    passed     BOOLEAN NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    new_due    DATE,
    actor      TEXT NOT NULL,
    at         TIMESTAMP NOT NULL
);

CREATE INDEX finding_rechecks_finding ON finding_rechecks (finding_id, id);
