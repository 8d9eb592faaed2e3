-- 0029: 提级督办; see migrations/sqlite/0025_task_takeovers.sql.

CREATE TABLE task_takeovers (
    task_id BIGINT PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    actor   TEXT NOT NULL,
    at      TIMESTAMPTZ NOT NULL
);
