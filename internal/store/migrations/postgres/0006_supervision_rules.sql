-- 0006 (PostgreSQL twin of the SQLite file): the supervision rules as the office sets them: the default for
-- every plan (plan_id 0) and a plan's own, as the JSON of supervise.Rules.
-- A plan without a row follows the default; without a default row, duban's
-- built-in rules apply.

CREATE TABLE supervision_rules (
    plan_id    BIGINT PRIMARY KEY,
    rules      TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
