-- 0025: a progress report says, besides 进展情况, its 存在问题 (what holds
-- the task back) and 下步计划 (what the unit does next), as the offices'
-- own report forms and ledgers have them. Reports made before say neither.

ALTER TABLE progress_reports ADD COLUMN problems TEXT NOT NULL DEFAULT '';
ALTER TABLE progress_reports ADD COLUMN next_steps TEXT NOT NULL DEFAULT '';
