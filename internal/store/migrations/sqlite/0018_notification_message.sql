-- 0018: a notification's title and text as messages of the catalogue (a
-- JSON array of i18n.Message: the title's first, then the text's, a line
-- each), so that the inbox shows them in the reader's language. The title
-- and text columns keep what was sent, in zh-CN, as the record of it;
-- messages stored before have '[]' and show those.

ALTER TABLE notifications ADD COLUMN message TEXT NOT NULL DEFAULT '[]';
