-- 0034: 双随机一公开. The directories (名录库): 检查对象 (tens of thousands
-- of rows, imported in bulk, one row per 统一社会信用代码) and 执法检查人员
-- with their qualifications, areas and ties (回避: the entities they must
-- never draw). A 抽查计划 of a department freezes its snapshot of the
-- directory and commits to a secret seed when it is created (their
-- hashes are published); its draw reveals the seed and keeps the whole
-- record, once (drawn_at set refuses another). Each drawn entity is a
-- check whose result is entered and published by publish_due.

CREATE TABLE random_entities (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL DEFAULT '',
    area       TEXT NOT NULL DEFAULT '',
    industry   TEXT NOT NULL DEFAULT '',
    grade      TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE random_inspectors (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT NOT NULL,
    cert           TEXT NOT NULL UNIQUE,
    unit_name      TEXT NOT NULL DEFAULT '',
    qualifications TEXT NOT NULL DEFAULT '',
    areas          TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMP NOT NULL
);

CREATE TABLE random_ties (
    inspector_id INTEGER NOT NULL REFERENCES random_inspectors (id) ON DELETE CASCADE,
    entity_code  TEXT NOT NULL,
    PRIMARY KEY (inspector_id, entity_code)
);

CREATE TABLE random_plans (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id         INTEGER NOT NULL REFERENCES units (id),
    title           TEXT NOT NULL,
    year            INTEGER NOT NULL,
    matter          TEXT NOT NULL DEFAULT '',
    publish_days    INTEGER NOT NULL DEFAULT 20,
    config          TEXT NOT NULL,
    plan_sha256     TEXT NOT NULL,
    snapshot        TEXT NOT NULL,
    snapshot_sha256 TEXT NOT NULL,
    seed            TEXT NOT NULL,
    seed_sha256     TEXT NOT NULL,
    committed_at    TIMESTAMP NOT NULL,
    created_by      TEXT NOT NULL,
    drawn_at        TIMESTAMP,
    drawn_by        TEXT NOT NULL DEFAULT '',
    record          TEXT NOT NULL DEFAULT '',
    record_sha256   TEXT NOT NULL DEFAULT ''
);

CREATE INDEX random_plans_unit ON random_plans (unit_id, year);

CREATE TABLE random_checks (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id        INTEGER NOT NULL REFERENCES random_plans (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    entity_code    TEXT NOT NULL,
    entity_name    TEXT NOT NULL,
    inspector_keys TEXT NOT NULL,
    inspectors     TEXT NOT NULL,
    checked_on     DATE,
    category       TEXT NOT NULL DEFAULT '',
    findings       TEXT NOT NULL DEFAULT '',
    follow_up      TEXT NOT NULL DEFAULT '',
    rectify_due    DATE,
    task_id        INTEGER REFERENCES tasks (id) ON DELETE SET NULL,
    publish_due    DATE,
    published_at   TIMESTAMP,
    entered_by     TEXT NOT NULL DEFAULT '',
    entered_at     TIMESTAMP,
    UNIQUE (plan_id, seq)
);
