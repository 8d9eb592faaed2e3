-- 0007: e-mail for supervision messages. A unit may name the mailbox(es)
-- its liaison reads; each e-mail notification is queued for one unit, to
-- the addresses it had when the event happened.

ALTER TABLE units ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN recipient TEXT NOT NULL DEFAULT '';
