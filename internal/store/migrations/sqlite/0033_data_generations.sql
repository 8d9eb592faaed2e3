-- 0033: a generation number per scope of data, moved in the same
-- transaction as the audit entry of every change: "ledger" by any change
-- to plans, tasks and what they show, "plan:<id>" by a change to one
-- plan's tasks, "ledger:other" by a ledger change of no single plan
-- (units, users, the calendar…), and one scope per other area ("hotline",
-- "foia", "incident", "auth"). A response cache keyed on the
-- generations an answer depends on keeps it through changes elsewhere: a
-- progress report on one plan no longer expires the other plans' lists,
-- nor a sign-in every list.
CREATE TABLE data_generations (
    scope TEXT PRIMARY KEY,
    gen   INTEGER NOT NULL
) WITHOUT ROWID;
