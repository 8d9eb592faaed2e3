-- 0038: 守信践诺. The government's public commitments (a 政府工作报告's
-- 民生实事, a project list, a 承诺书), each with its responsible unit,
-- target and deadline, and its public progress. A commitment is closed
-- as fulfilled or as broken; a broken one carries its reason and its
-- rectification, the 政务诚信档案's entry. Late is not stored: it
-- follows today.

CREATE TABLE commitments (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('work_report', 'project', 'pledge')),
    source_ref    TEXT NOT NULL,
    unit_id       INTEGER NOT NULL REFERENCES units (id),
    target        TEXT NOT NULL,
    deadline      DATE NOT NULL,
    closed        TEXT NOT NULL DEFAULT '' CHECK (closed IN ('', 'fulfilled', 'broken')),
    reason        TEXT NOT NULL DEFAULT '',
    rectification TEXT NOT NULL DEFAULT '',
    closed_on     DATE,
    created_by    TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX commitments_deadline ON commitments (deadline);

CREATE TABLE commitment_progress (
    id            INTEGER PRIMARY KEY,
    commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('progress', 'fulfilled', 'broken')),
    body          TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    rectification TEXT NOT NULL DEFAULT '',
    on_date       DATE NOT NULL,
    actor         TEXT NOT NULL,
    at            TIMESTAMP NOT NULL
);
CREATE INDEX commitment_progress_commitment ON commitment_progress (commitment_id);
