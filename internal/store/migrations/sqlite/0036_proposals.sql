-- 0036: 建议提案办理. A session's 人大代表建议 and 政协委员提案 are taken in
-- (from the 人大/政协 list or one by one), 交办 to a 主办 unit with 会办
-- units, answered by letter (A/B/C), rated by the representative and,
-- when 不满意, handled again. The statutory time limit is computed at
-- 交办 and kept as a date. The representative's phone is personal data,
-- sealed like a caller's. A B-class answer's commitment is a task of the
-- ledger (task_id), a 督办件 of the kind 'commitment'. Every step — 面商,
-- 交办 disputes, opinions, answers, feedback, 重新办理 — is a row of
-- proposal_events, so the history of each round stays.

INSERT INTO matter_kinds (code, name, source, seq, created_at) VALUES
    ('commitment', '建议提案承诺事项', 'assignment', 6, CURRENT_TIMESTAMP);

CREATE TABLE proposals (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    year         INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('suggestion', 'proposal')),
    number       TEXT NOT NULL,
    title        TEXT NOT NULL,
    content      TEXT NOT NULL,
    category     TEXT NOT NULL DEFAULT '',
    proposers    TEXT NOT NULL,
    delegation   TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    key_item     BOOLEAN NOT NULL DEFAULT FALSE,
    urgent       BOOLEAN NOT NULL DEFAULT FALSE,
    no_publish   BOOLEAN NOT NULL DEFAULT FALSE,
    state        TEXT NOT NULL CHECK (state IN ('received', 'assigned', 'answered', 'done')),
    lead_unit_id INTEGER REFERENCES units (id),
    assigned_on  DATE,
    due          DATE,
    round        INTEGER NOT NULL DEFAULT 1,
    class        TEXT NOT NULL DEFAULT '' CHECK (class IN ('', 'A', 'B', 'C')),
    answer       TEXT NOT NULL DEFAULT '',
    signer       TEXT NOT NULL DEFAULT '',
    contact      TEXT NOT NULL DEFAULT '',
    answered_on  DATE,
    satisfaction TEXT NOT NULL DEFAULT '' CHECK (satisfaction IN ('', 'satisfied', 'basic', 'unsatisfied')),
    feedback     TEXT NOT NULL DEFAULT '',
    task_id      INTEGER REFERENCES tasks (id) ON DELETE SET NULL,
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    UNIQUE (year, kind, number)
);

CREATE INDEX proposals_lead ON proposals (lead_unit_id, state);
CREATE INDEX proposals_due ON proposals (state, due);

CREATE TABLE proposal_units (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    opinion     TEXT NOT NULL DEFAULT '',
    opinion_at  TIMESTAMP,
    PRIMARY KEY (proposal_id, unit_id)
);

CREATE TABLE proposal_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    round       INTEGER NOT NULL,
    unit_id     INTEGER REFERENCES units (id) ON DELETE SET NULL,
    text        TEXT NOT NULL DEFAULT '',
    on_day      DATE,
    actor       TEXT NOT NULL,
    at          TIMESTAMP NOT NULL
);

CREATE INDEX proposal_events_proposal ON proposal_events (proposal_id, id);
