-- 0018: the PostgreSQL twin of migrations/sqlite/0018_notification_message.sql.
-- A notification's title and text as messages of the catalogue (a JSON
-- array of i18n.Message: the title's first, then the text's lines), for
-- the inbox to show in the reader's language; title and text keep what
-- was sent, in zh-CN.

ALTER TABLE notifications ADD COLUMN message TEXT NOT NULL DEFAULT '[]';
