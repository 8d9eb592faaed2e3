-- 0017: what the parse of a plan's document did not read (an annex, a
-- table or a paragraph that gave no task), kept with the plan so that the
-- review screen can show it beside the source text for as long as the
-- draft is reviewed. A JSON array of plandoc.Warning; the warnings about
-- the task list itself are recomputed from the tasks, not kept.

ALTER TABLE plans ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
