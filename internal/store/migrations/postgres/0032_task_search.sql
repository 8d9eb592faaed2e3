-- 0032: the task search index. Chinese has no spaces between words and a
-- query is often two characters (养老, 河长), too short for a trigram
-- index; so each task's title, text, unit names and progress reports are
-- cut into search terms — every two adjacent Han characters (bigrams) and
-- every run of latin letters or digits, lowercased — kept as one line of
-- space-separated terms per task, indexed by GIN as an array of terms. A
-- query is cut the same way and asks for all its terms (@>). The store
-- keeps the line on every write of those texts and fills it for tasks
-- stored before this migration when it opens the database.
CREATE TABLE task_search (
    task_id BIGINT PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
    terms   TEXT NOT NULL
);

CREATE INDEX task_search_terms ON task_search USING gin (string_to_array(terms, ' '));
