-- 0026: 督办件 entered by hand, each with its source. A plan now says
-- where its tasks came from: a plan document ('plan', every plan so far)
-- or a register of matters of one source and year (2026年领导批示事项),
-- created on first use. A matter's source record (the 批示 and its
-- leader, the meeting and its 纪要, the 交办 letter) is kept beside its
-- task; its kind is data the office extends.

ALTER TABLE plans ADD COLUMN source TEXT NOT NULL DEFAULT 'plan'
    CHECK (source IN ('plan', 'instruction', 'meeting', 'assignment', 'inspection', 'other'));
CREATE INDEX plans_source_year ON plans (source, year);

CREATE TABLE matter_kinds (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    source     TEXT NOT NULL CHECK (source IN ('instruction', 'meeting', 'assignment', 'inspection', 'other')),
    seq        INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);

INSERT INTO matter_kinds (code, name, source, seq, created_at) VALUES
    ('instruction', '领导批示', 'instruction', 1, CURRENT_TIMESTAMP),
    ('meeting', '会议议定事项', 'meeting', 2, CURRENT_TIMESTAMP),
    ('assignment', '交办件', 'assignment', 3, CURRENT_TIMESTAMP),
    ('inspection', '督查发现问题', 'inspection', 4, CURRENT_TIMESTAMP),
    ('other', '其他', 'other', 5, CURRENT_TIMESTAMP);

CREATE TABLE matters (
    task_id     INTEGER PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL REFERENCES matter_kinds (code),
    source_text TEXT NOT NULL,
    leader      TEXT NOT NULL,
    meeting     TEXT NOT NULL,
    minutes_no  TEXT NOT NULL,
    minutes_on  DATE,
    letter_ref  TEXT NOT NULL,
    report_back BOOLEAN NOT NULL DEFAULT FALSE,
    created_by  TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX matters_kind ON matters (kind);
