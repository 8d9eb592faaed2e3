-- 0024: unit groups (县市区, 市直部门, 乡镇街道 …): named sets of units that
-- are ranked, circulated and, later, assigned to as one. A unit may sit in
-- several groups — a county government is one of 县市区 for the ranking
-- and of 各县（市、区）政府 for a task passed down — so membership is a
-- table of pairs, not a column of the unit; a ranking asks one group at a
-- time and places a unit among that group's members only.

CREATE TABLE unit_groups (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE,
    note       TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE unit_group_members (
    group_id INTEGER NOT NULL REFERENCES unit_groups (id) ON DELETE CASCADE,
    unit_id  INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, unit_id)
);

CREATE INDEX unit_group_members_unit ON unit_group_members (unit_id);
