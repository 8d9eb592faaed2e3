-- 0015: major incidents and their disclosure duties (seed 004: 特别重大、
-- 重大突发事件 最迟5小时内发布权威信息、24小时内举行新闻发布会). An incident
-- is a task with clocks in hours; each duty done is a row with its time
-- and the evidence (the link to what was published).

CREATE TABLE incidents (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    title       TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('especially_major', 'major', 'larger', 'general')),
    occurred_at TIMESTAMP NOT NULL,
    unit_id     INTEGER REFERENCES units (id) ON DELETE SET NULL,
    summary     TEXT NOT NULL DEFAULT '',
    created_by  TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);

CREATE INDEX incidents_occurred ON incidents (occurred_at);

CREATE TABLE incident_duties (
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    done_at     TIMESTAMP NOT NULL,
    evidence    TEXT NOT NULL,
    actor       TEXT NOT NULL,
    at          TIMESTAMP NOT NULL,
    PRIMARY KEY (incident_id, kind)
);
