-- 0022: tasks that change, with their history kept (issue 15). A unit's
-- 延期申请 and the office's decision on it, the office's 调整 (units,
-- deadline, content) and 撤销 are each a row: who, when, why, what the
-- task was before and after (JSON), and the day the change applies. An
-- extension request is open (state 'open') until decided; a task has at
-- most one open request.

CREATE TABLE task_changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id    INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('extension_request', 'extension_approved', 'extension_refused', 'adjusted', 'revoked')),
    actor_id   INTEGER NOT NULL,
    actor      TEXT NOT NULL,
    at         TIMESTAMP NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    before_json TEXT NOT NULL DEFAULT '{}',
    after_json TEXT NOT NULL DEFAULT '{}',
    effective  DATE,
    -- an extension request: the unit asking, the date asked for, and
    -- where it stands; a decision points at its request
    unit_id    INTEGER REFERENCES units (id) ON DELETE SET NULL,
    new_due    DATE,
    state      TEXT NOT NULL DEFAULT '' CHECK (state IN ('', 'open', 'approved', 'refused')),
    request_id INTEGER REFERENCES task_changes (id) ON DELETE CASCADE
);

CREATE INDEX task_changes_task ON task_changes (task_id, id);
CREATE UNIQUE INDEX task_changes_open ON task_changes (task_id) WHERE state = 'open';

-- The day a task was revoked (撤销): from then on it leaves the lights,
-- the desk, the ladder and the assessment, and stays readable.
ALTER TABLE tasks ADD COLUMN revoked_on DATE;
