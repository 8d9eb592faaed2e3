package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/ledger"
)

// scoredLedger fills db with a small random ledger that reaches every
// case the scores turn on: group units and unlinked names among a task's
// units, units named twice, tasks with no lead, drafts, revoked tasks,
// weights none and fractional, completions accepted, returned and twice,
// supervision events of every kind (one not scored) and level.
func scoredLedger(t *testing.T, db *DB, r *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	user, err := db.CreateUser(ctx, audit.System, UserCreate{Username: "scorer", PasswordHash: "x", Role: "office"})
	if err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.write.ExecContext(ctx, db.dialect.rebind(q), args...); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	now := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	for u := 1; u <= 10; u++ {
		kind := "department"
		if u%5 == 0 {
			kind = "group"
		}
		exec(`INSERT INTO units (name, kind, created_at) VALUES (?, ?, ?)`, fmt.Sprint("单位", u), kind, now)
	}
	exec(`INSERT INTO plans (title, doc_number, issuer, year, source_name, source_sha256, format, imported_at)
		VALUES ('方案', '', '', 2026, 'p', 'sha', 'text', ?)`, now)
	day := func() string {
		return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(400)).Format(dateLayout)
	}
	kinds := []string{"press", "notice", "escalate", "issued", "report_missing", "remind"}
	levels := []string{"blue", "yellow", "red", "本局自定"}
	for i := 1; i <= 240; i++ {
		status := []string{"registered", "in_progress", "closed", "draft"}[r.IntN(4)]
		var due, weight, revoked any
		if r.IntN(8) > 0 {
			due = day()
		}
		switch r.IntN(3) {
		case 0:
			weight = float64(r.IntN(15))
		case 1:
			weight = float64(r.IntN(1000)) / 100
		}
		if r.IntN(12) == 0 {
			revoked = day()
		}
		if i%60 == 7 {
			weight = 6e10 // typed by mistake: the sums must not overflow
		}
		exec(`INSERT INTO tasks (plan_id, seq, path, title, text, weight, optional, status, due, next_due, percent, registered_at, revoked_on)
			VALUES (1, ?, '["1"]', ?, '', ?, FALSE, ?, ?, ?, ?, ?, ?)`, i, fmt.Sprint("任务", i), weight, status, due, due, float64(r.IntN(110)), now, revoked)
		for seq := range 1 + r.IntN(3) {
			var unit any = int64(1 + r.IntN(10))
			if r.IntN(10) == 0 {
				unit = nil // a name matched to no unit
			}
			exec(`INSERT INTO task_units (task_id, seq, name, is_lead, unit_id) VALUES (?, ?, ?, ?, ?)`, i, seq, fmt.Sprint("名", seq), r.IntN(3) == 0, unit)
		}
		for range r.IntN(3) {
			decision := []string{"closed", "returned"}[r.IntN(2)]
			at := now.AddDate(0, 0, -r.IntN(340)).Add(time.Duration(r.IntN(24)) * time.Hour)
			exec(`INSERT INTO close_requests (task_id, unit_id, requester_id, text, created_at, decision, decider_id, decided_at)
				VALUES (?, NULL, ?, '', ?, ?, ?, ?)`, i, user.ID, at, decision, user.ID, at)
		}
		// Completions either side of midnight in China before the days
		// the rankings are read for (sameRankings).
		if i%20 == 0 {
			for _, at := range []time.Time{time.Date(2026, 3, 16, 15, 30, 0, 0, time.UTC), time.Date(2026, 3, 16, 16, 30, 0, 0, time.UTC),
				time.Date(2026, 3, 17, 15, 59, 0, 0, time.UTC), time.Date(2026, 3, 17, 16, 0, 0, 0, time.UTC),
				time.Date(2026, 11, 30, 15, 59, 59, 0, time.UTC), time.Date(2026, 11, 30, 16, 0, 0, 0, time.UTC)}[i/20%6:] {
				exec(`INSERT INTO close_requests (task_id, unit_id, requester_id, text, created_at, decision, decider_id, decided_at)
					VALUES (?, NULL, ?, '', ?, 'closed', ?, ?)`, i, user.ID, at, user.ID, at)
			}
		}
		for k := range r.IntN(4) {
			exec(`INSERT INTO supervision_events (key, task_id, kind, level, label, period, on_day, workdays, recorded_at, on_time)
				VALUES (?, ?, ?, ?, '', '', ?, 0, ?, TRUE)`, fmt.Sprint(i, "/", k), i, kinds[r.IntN(len(kinds))], levels[r.IntN(len(levels))], day(), now)
		}
	}
}

// rankings compares, for each period and day, the ranking from the sums
// with the ranking from every task read one by one.
func sameRankings(t *testing.T, db *DB, when string) {
	t.Helper()
	ctx := context.Background()
	scored := 0
	for _, key := range []string{"2026", "2026-Q1", "2026-H2", "2026-11", "2026-12", "2027-Q1"} {
		p, err := ledger.ParsePeriod(key)
		if err != nil {
			t.Fatal(err)
		}
		for _, asOf := range []time.Time{date(2026, 3, 17), date(2026, 11, 30), date(2026, 12, 1), date(2027, 2, 1)} {
			limit := p.End
			if asOf.Before(limit) {
				limit = asOf
			}
			if limit.Before(p.Start) {
				continue
			}
			// The service reads to the earlier of the period's end and
			// today; read to the end, the sums count to today all the same.
			for _, to := range []time.Time{limit, p.End} {
				read, err := db.AssessmentInput(ctx, p.Start, to)
				if err != nil {
					t.Fatal(err)
				}
				want := assess.Compute(assess.Default(), p, asOf, read, nil)
				// The tasks read one by one named as a list, and selected
				// by their SQL (as when there are many).
				for _, listed := range []int{5000, 0} {
					listedTasks = listed
					summed, err := db.RankingInput(ctx, p.Start, to, asOf)
					listedTasks = 5000
					if err != nil {
						t.Fatal(err)
					}
					got := assess.Compute(assess.Default(), p, asOf, summed, nil)
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("%s, %s as of %s to %s, listed up to %d: from the sums\n%+v\nfrom the tasks\n%+v", when, key,
							asOf.Format(dateLayout), to.Format(dateLayout), listed, got.Scores, want.Scores)
					}
				}
				scored += len(want.Scores)
			}
		}
	}
	if scored == 0 {
		t.Fatalf("%s: no unit scored", when)
	}
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestRankingInputEqualsRead: the ranking read from the sums is the
// ranking computed from every task, to the last bit — before any fold
// (every task marked), after one, after each kind of change (marked
// tasks read as they are) and after folding those (so that a trigger
// that failed to mark a change is found).
func TestRankingInputEqualsRead(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		r := rand.New(rand.NewPCG(41, 2026))
		scoredLedger(t, db, r)
		sameRankings(t, db, "nothing folded")
		if n, err := db.FoldAssessment(ctx); err != nil || n < 240 {
			t.Fatalf("folded %d tasks: %v", n, err)
		}
		var dirty, sums int
		if err := db.read.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM assess_dirty), (SELECT COUNT(*) FROM assess_due) + (SELECT COUNT(*) FROM assess_events)`).Scan(&dirty, &sums); err != nil || dirty != 0 || sums == 0 {
			t.Fatalf("after the fold: %d marked, %d sums (%v)", dirty, sums, err)
		}
		sameRankings(t, db, "folded")
		changes := []struct {
			what, sql string
			args      []any
		}{
			{"due moved", `UPDATE tasks SET due = '2026-02-14' WHERE id % 7 = 1`, nil},
			{"weight", `UPDATE tasks SET weight = 12.5 WHERE id % 9 = 2`, nil},
			{"percent", `UPDATE tasks SET percent = percent + 13 WHERE id % 5 = 3`, nil},
			{"to draft", `UPDATE tasks SET status = 'draft' WHERE id % 17 = 4`, nil},
			{"from draft", `UPDATE tasks SET status = 'registered' WHERE status = 'draft' AND id % 3 = 0`, nil},
			{"revoked", `UPDATE tasks SET revoked_on = '2026-06-30' WHERE id % 19 = 5`, nil},
			{"revocation undone", `UPDATE tasks SET revoked_on = NULL WHERE id % 23 = 6`, nil},
			{"lead changed", `UPDATE task_units SET is_lead = NOT is_lead WHERE task_id % 6 = 1`, nil},
			{"unit changed", `UPDATE task_units SET unit_id = 3 WHERE task_id % 11 = 2 AND unit_id IS NOT NULL`, nil},
			{"unit removed", `DELETE FROM task_units WHERE task_id % 13 = 3 AND seq = 0`, nil},
			{"unit added", `INSERT INTO task_units (task_id, seq, name, is_lead, unit_id) SELECT id, 9, '加', TRUE, 4 FROM tasks WHERE id % 10 = 4`, nil},
			// A share, and below a completion, handed to the next task: both
			// tasks change, though nothing but task_id does.
			{"share moved", `UPDATE task_units SET task_id = task_id + 1, seq = seq + 50
				WHERE task_id % 12 = 7 AND task_id + 1 IN (SELECT id FROM tasks)`, nil},
			{"task deleted", `DELETE FROM tasks WHERE id % 29 = 7`, nil},
			{"completion returned", `UPDATE close_requests SET decision = 'returned' WHERE id % 4 = 1`, nil},
			{"completion accepted", `UPDATE close_requests SET decision = 'closed' WHERE id % 5 = 2`, nil},
			{"completion redated", `UPDATE close_requests SET created_at = ? WHERE id % 6 = 3`, []any{time.Date(2026, 6, 30, 17, 0, 0, 0, time.UTC)}},
			{"completion moved", `UPDATE close_requests SET task_id = task_id + 1 WHERE id % 8 = 6 AND task_id + 1 IN (SELECT id FROM tasks)`, nil},
			{"completion deleted", `DELETE FROM close_requests WHERE id % 7 = 4`, nil},
			// Completions accepted for tasks that had none or later ones: on
			// time for some, late for others.
			{"completion added", `INSERT INTO close_requests (task_id, unit_id, requester_id, text, created_at, decision, decider_id, decided_at)
				SELECT t.id, NULL, u.id, '', ?, 'closed', u.id, ? FROM tasks t, users u WHERE u.username = 'scorer' AND t.id % 6 = 5`,
				[]any{time.Date(2026, 5, 20, 2, 0, 0, 0, time.UTC), time.Date(2026, 5, 20, 2, 0, 0, 0, time.UTC)}},
			{"event level", `UPDATE supervision_events SET level = 'red' WHERE task_id % 3 = 0`, nil},
			{"event kind", `UPDATE supervision_events SET kind = 'press' WHERE kind = 'remind'`, nil},
			{"event day", `UPDATE supervision_events SET on_day = '2026-12-01' WHERE task_id % 4 = 1`, nil},
			{"event moved", `UPDATE supervision_events SET task_id = 2 WHERE task_id % 9 = 2`, nil},
			{"event deleted", `DELETE FROM supervision_events WHERE task_id % 5 = 3`, nil},
			{"event added", `INSERT INTO supervision_events (key, task_id, kind, level, label, period, on_day, workdays, recorded_at, on_time)
				SELECT 'x' || id, id, 'notice', 'yellow', '', '', '2026-05-06', 0, ?, TRUE FROM tasks WHERE id % 8 = 5`, []any{time.Now()}},
			{"unit became a group", `UPDATE units SET kind = 'group' WHERE id = 2`, nil},
			{"group became a unit", `UPDATE units SET kind = 'department' WHERE id = 5`, nil},
		}
		for _, c := range changes {
			res, err := db.write.ExecContext(ctx, db.dialect.rebind(c.sql), c.args...)
			if err != nil {
				t.Fatalf("%s: %v", c.what, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				t.Fatalf("%s changed nothing", c.what)
			}
			sameRankings(t, db, c.what+", not folded")
			if _, err := db.FoldAssessment(ctx); err != nil {
				t.Fatal(err)
			}
			sameRankings(t, db, c.what+", folded")
		}
		// A unit merged into another moves its shares.
		if _, err := db.MergeUnit(ctx, audit.System, 6, 7); err != nil {
			t.Fatal(err)
		}
		sameRankings(t, db, "units merged, not folded")
		if _, err := db.FoldAssessment(ctx); err != nil {
			t.Fatal(err)
		}
		sameRankings(t, db, "units merged, folded")
	})
}

// TestFoldBesideWriters folds while writers change tasks, some outside
// the writer's turn the fold holds (as a person at psql would): every
// change lands in the sums by the last fold, none is lost to a fold that
// read the task before it.
func TestFoldBesideWriters(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		scoredLedger(t, db, rand.New(rand.NewPCG(5, 6)))
		if _, err := db.FoldAssessment(ctx); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 3)
		go func() {
			var err error
			for i := 0; i < 15 && err == nil; i++ {
				_, err = db.FoldAssessment(ctx)
			}
			done <- err
		}()
		write := func(q func(i int) string, locked bool) {
			var err error
			for i := 0; i < 60 && err == nil; i++ {
				if !locked {
					_, err = db.write.ExecContext(ctx, q(i))
					continue
				}
				tx, e := db.beginWrite(ctx)
				if e != nil {
					err = e
					break
				}
				if _, err = tx.ExecContext(ctx, q(i)); err == nil {
					err = tx.Commit()
				} else {
					tx.Rollback()
				}
			}
			done <- err
		}
		go write(func(i int) string { return fmt.Sprintf(`UPDATE tasks SET percent = %d WHERE id %% 40 = %d`, i, i%40) }, false)
		go write(func(i int) string {
			return fmt.Sprintf(`UPDATE task_units SET is_lead = NOT is_lead WHERE task_id %% 30 = %d`, i%30)
		}, true)
		for range 3 {
			if err := <-done; err != nil {
				t.Fatal(err)
			}
		}
		sameRankings(t, db, "written beside folds, not folded")
		if _, err := db.FoldAssessment(ctx); err != nil {
			t.Fatal(err)
		}
		sameRankings(t, db, "written beside folds, folded")
	})
}

// TestFoldKeepsAChangeMadeMeanwhile: a task changed after a fold read it
// and before the fold cleared its mark stays marked, and the next fold
// counts the change. Only PostgreSQL lets a writer in there (one outside
// the writer's turn the fold holds): SQLite has one writer at a time, so
// the test runs on PostgreSQL alone.
func TestFoldKeepsAChangeMadeMeanwhile(t *testing.T) {
	opts := testOptions(t, "postgres")
	db := openWith(t, opts)
	other := openWith(t, opts) // another instance on the same database
	ctx := context.Background()
	scoredLedger(t, db, rand.New(rand.NewPCG(8, 9)))
	changed := int64(0)
	foldRead = func(ids []int64) {
		if changed != 0 {
			return
		}
		changed = ids[len(ids)/2]
		if _, err := other.write.ExecContext(ctx, `UPDATE tasks SET percent = 100 - percent, due = '2026-04-30', status = 'in_progress' WHERE id = $1`, changed); err != nil {
			t.Error(err)
		}
	}
	defer func() { foldRead = nil }()
	if _, err := db.FoldAssessment(ctx); err != nil {
		t.Fatal(err)
	}
	var marked int
	if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM assess_dirty WHERE task_id = $1`, changed).Scan(&marked); err != nil || marked != 1 {
		t.Fatalf("task %d changed during the fold: %d marks (%v)", changed, marked, err)
	}
	sameRankings(t, db, "changed during the fold")
	if _, err := db.FoldAssessment(ctx); err != nil {
		t.Fatal(err)
	}
	sameRankings(t, db, "changed during the fold, folded again")
}
