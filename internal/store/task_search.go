package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
)

// The task search index (migration 0032) keeps, per task, one line of
// space-separated search terms cut from its title, text, unit names and
// progress reports: every two adjacent Han (or kana, hangul) characters,
// and every run of other letters or digits, lowercased. Bigrams find the
// two-character words Chinese queries are made of (养老, 河长), which a
// trigram index cannot; a query is cut the same way and matches the
// tasks that have all its terms. SQLite keeps the lines in an FTS5 table,
// PostgreSQL in a table with a GIN index over the terms as an array.

// searchTerms cuts texts into the index's terms, each once.
func searchTerms(texts ...string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, s := range texts {
		eachRun(s, func(run []rune, cjk bool) {
			if !cjk {
				add(string(run))
				return
			}
			for i := 0; i+1 < len(run); i++ {
				add(string(run[i : i+2]))
			}
		})
	}
	return out
}

// queryTerms cuts a query into the terms a match must all have. A single
// Han character standing alone is left out when other terms remain: no
// bigram holds it in every place it can stand. ok is false when nothing is
// left to ask the index; the caller then scans the texts instead.
func queryTerms(q string) (terms []string, ok bool) {
	seen := map[string]bool{}
	eachRun(q, func(run []rune, cjk bool) {
		if cjk && len(run) == 1 {
			return
		}
		for _, t := range searchTerms(string(run)) {
			if !seen[t] {
				seen[t] = true
				terms = append(terms, t)
			}
		}
	})
	return terms, len(terms) > 0
}

// eachRun hands each run of Han characters, and each run of other letters
// and digits (lowercased, full-width forms folded to ASCII), to fn.
func eachRun(s string, fn func(run []rune, cjk bool)) {
	var run []rune
	var runCJK bool
	flush := func() {
		if len(run) > 0 {
			fn(run, runCJK)
		}
		run = nil
	}
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII: Ａ１ → A1
			r -= 0xFEE0
		}
		switch {
		case isCJK(r):
			if !runCJK {
				flush()
			}
			run, runCJK = append(run, r), true
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if runCJK {
				flush()
			}
			run, runCJK = append(run, unicode.ToLower(r)), false
		default:
			flush()
		}
	}
	flush()
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// searchKey is the task id's column in task_search.
func (db *DB) searchKey() string {
	if db.dialect.name == "sqlite" {
		return "rowid"
	}
	return "task_id"
}

// searchFrom is the WITH clause that finds the query's matches through
// the index, as m (id), and its argument; ok is false for a query with no
// index term (a lone Han character), which taskWhere scans for. The
// matches are materialised first and the tasks joined to them: left to
// themselves, the planners walked all tasks in list order and probed the
// index for each (PostgreSQL's estimate of an array match knows nothing
// of the terms, least of all in a prepared statement's generic plan).
func (db *DB) searchFrom(q string) (with string, arg any, ok bool) {
	terms, ok := queryTerms(q)
	if !ok {
		return "", nil, false
	}
	if db.dialect.name == "sqlite" {
		// Terms hold only letters and digits: quoting each makes it a
		// plain FTS5 string, and strings side by side are an AND.
		return `WITH m AS MATERIALIZED (SELECT s.rowid AS id FROM task_search s WHERE task_search MATCH ?) `,
			`"` + strings.Join(terms, `" "`) + `"`, true
	}
	return `WITH m AS MATERIALIZED (SELECT s.task_id AS id FROM task_search s WHERE string_to_array(s.terms, ' ') @> string_to_array(?, ' ')) `,
		strings.Join(terms, " "), true
}

// indexTaskSearch rewrites the search lines of the scope's tasks from
// their title, text, units and progress reports, inside the caller's
// write transaction.
func (db *DB) indexTaskSearch(ctx context.Context, tx *sql.Tx, scope childScope) error {
	texts := map[int64][]string{}
	var order []int64
	collect := func(q string, withID bool) error {
		rows, err := tx.QueryContext(ctx, db.dialect.rebind(q), scope.args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		cols, err := rows.Columns()
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var a, b, c sql.NullString
			dst := []any{&id, &a, &b, &c}
			if err := rows.Scan(dst[:len(cols)]...); err != nil {
				return err
			}
			if _, ok := texts[id]; !ok && withID {
				order = append(order, id)
			}
			texts[id] = append(texts[id], a.String, b.String, c.String)
		}
		return rows.Err()
	}
	if err := collect(`SELECT t.id, t.title, t.text FROM tasks t WHERE `+scope.taskWhere, true); err != nil {
		return fmt.Errorf("store: search index: %w", err)
	}
	if len(order) == 0 {
		return nil
	}
	if err := collect(`SELECT c.task_id, c.name FROM task_units c`+scope.join+` WHERE `+scope.where, false); err != nil {
		return fmt.Errorf("store: search index: units: %w", err)
	}
	if err := collect(`SELECT c.task_id, c.text, c.problems, c.next_steps FROM progress_reports c`+scope.join+` WHERE `+scope.where, false); err != nil {
		return fmt.Errorf("store: search index: progress: %w", err)
	}
	return db.writeSearchLines(ctx, tx, order, texts)
}

// writeSearchLines replaces the search lines of the listed tasks.
func (db *DB) writeSearchLines(ctx context.Context, tx *sql.Tx, ids []int64, texts map[int64][]string) error {
	key := db.searchKey()
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM task_search WHERE `+key+` IN (`+marks(len(chunk))+`)`), idArgs(chunk)...); err != nil {
			return fmt.Errorf("store: search index: %w", err)
		}
	}
	cols, vals := "task_id, terms", "?, ?"
	if key != "task_id" {
		cols, vals = key+", task_id, terms", "?, ?, ?"
	}
	ins, err := tx.PrepareContext(ctx, db.dialect.rebind(`INSERT INTO task_search (`+cols+`) VALUES (`+vals+`)`))
	if err != nil {
		return fmt.Errorf("store: search index: %w", err)
	}
	defer ins.Close()
	for _, id := range ids {
		args := []any{id, strings.Join(searchTerms(texts[id]...), " ")}
		if key != "task_id" {
			args = append([]any{id}, args...)
		}
		if _, err := ins.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("store: search index: task %d: %w", id, err)
		}
	}
	return nil
}

// backfillTaskSearch indexes the tasks that have no search line: every
// task of a database migrated to 0032 from an older version. It runs when
// the database opens, in write transactions of 500 tasks, and finds
// nothing to do once done.
func (db *DB) backfillTaskSearch(ctx context.Context) error {
	key := db.searchKey()
	for {
		var ids []int64
		rows, err := db.read.QueryContext(ctx, `SELECT t.id FROM tasks t WHERE t.id NOT IN (SELECT s.`+key+` FROM task_search s) ORDER BY t.id LIMIT 500`)
		if err != nil {
			return fmt.Errorf("store: search backfill: %w", err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("store: search backfill: %w", err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: search backfill: %w", err)
		}
		if len(ids) == 0 {
			return nil
		}
		tx, err := db.beginWrite(ctx)
		if err != nil {
			return fmt.Errorf("store: search backfill: %w", err)
		}
		if err := db.indexTaskSearch(ctx, tx, ofTasks(ids)); err != nil {
			tx.Rollback()
			return err
		}
		if err := db.commit(tx); err != nil {
			return fmt.Errorf("store: search backfill: %w", err)
		}
	}
}
