-- 0028: catch-all units passed down (分解下达). A catch-all unit named in
-- plans (各县（市、区）政府, 市级有关单位, 各乡镇) may name the unit group
-- whose members it stands for; a task assigned to it is passed down as one
-- sub-task per member. No foreign key, so that an older schema can drop
-- the column on SQLite: deleting a group unlinks its units (store).

ALTER TABLE units ADD COLUMN members_group_id INTEGER;
