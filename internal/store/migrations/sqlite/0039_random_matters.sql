-- 抽查事项清单: the check items each department keeps (issue 21).
CREATE TABLE random_matters (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    name        TEXT NOT NULL,
    object_type TEXT NOT NULL DEFAULT '',
    basis       TEXT NOT NULL DEFAULT '',
    method      TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL
);

CREATE INDEX random_matters_unit ON random_matters (unit_id);
