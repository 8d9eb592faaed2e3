-- 0029: 提级督办. A higher office takes over the supervision of a task
-- (分级督查): from then on only offices at the taker's level or above
-- supervise it, close it or change it. One take-over per task; the
-- taker's level is their account's unit binding (none: the city).

CREATE TABLE task_takeovers (
    task_id INTEGER PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    actor   TEXT NOT NULL,
    at      TIMESTAMP NOT NULL
);
