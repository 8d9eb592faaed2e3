-- 0032: the task search index. Chinese has no spaces between words and a
-- query is often two characters (养老, 河长), too short for a trigram
-- index; so each task's title, text, unit names and progress reports are
-- cut into search terms — every two adjacent Han characters (bigrams) and
-- every run of latin letters or digits, lowercased — kept as one line of
-- space-separated terms per task (rowid = task id, repeated unindexed in
-- task_id as PostgreSQL names it) in an FTS5 table, whose unicode61
-- tokenizer splits that line on the spaces again. A query is cut
-- the same way and asks for all its terms. The store keeps the line on
-- every write of those texts and fills it for tasks stored before this
-- migration when it opens the database.
CREATE VIRTUAL TABLE task_search USING fts5(task_id UNINDEXED, terms, tokenize = 'unicode61', detail = none);

CREATE TRIGGER task_search_gone AFTER DELETE ON tasks BEGIN
    DELETE FROM task_search WHERE rowid = old.id;
END;
