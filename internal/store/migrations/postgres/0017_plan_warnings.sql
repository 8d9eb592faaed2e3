-- 0017: the PostgreSQL twin of migrations/sqlite/0017_plan_warnings.sql.
-- What the parse of a plan's document did not read, kept with the plan
-- for the review screen: a JSON array of plandoc.Warning.

ALTER TABLE plans ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
