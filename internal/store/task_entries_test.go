package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
)

// entryTestShape is the shape the store tests keep their entries in.
const entryTestShape = "t1"

// entryFixture is a ledger whose tasks each one kind of write touches:
// a registered plan of tasks with units, deadlines, targets and
// milestones, a second registered plan (its source changed by SQL), a
// draft plan (tasks deleted) and a bystander plan no write touches.
type entryFixture struct {
	db                 *DB
	actor              audit.Actor
	law, org, justice  *Unit // 市法制办, 市编委办, 市司法局
	reg, src, draft    []int64
	srcPlan, draftPlan int64
	bystanders         []int64
}

// entryTask is a task of the fixture with every kind of child; units
// names its units, the first one leading.
func entryTask(i int, units ...string) plandoc.Task {
	return plandoc.Task{Path: []string{fmt.Sprint(i + 1)}, Title: fmt.Sprintf("任务%d", i+1), Text: "<b>&\"正文\"</b>",
		LeadUnits:  units[:1],
		Units:      units,
		Deadlines:  []plandoc.Deadline{{Text: "2026年9月底前", Due: "2026-09-30"}, {Text: "每季度", Every: "quarter"}},
		Targets:    []plandoc.Target{{Text: "覆盖率95%", Value: 95, Unit: "%"}},
		Milestones: []plandoc.Milestone{{Text: "出台办法", Due: "2026-06-30"}, {Text: "全面实施", Due: "2026-09-30"}}}
}

func newEntryFixture(t *testing.T, db *DB) *entryFixture {
	t.Helper()
	ctx := context.Background()
	u, err := db.CreateUser(ctx, office, UserCreate{Username: "ducha", PasswordHash: "h", Role: "office"})
	if err != nil {
		t.Fatal(err)
	}
	f := &entryFixture{db: db, actor: audit.Actor{ID: u.ID, Username: u.Username, IP: "127.0.0.1"}}
	for _, p := range []struct {
		name string
		dst  **Unit
	}{{"市法制办", &f.law}, {"市编委办", &f.org}, {"市司法局", &f.justice}} {
		if *p.dst, err = db.CreateUnit(ctx, f.actor, UnitCreate{Name: p.name, Kind: UnitDepartment}); err != nil {
			t.Fatal(err)
		}
	}
	// The registered plan: task i is the one case i of
	// TestTaskEntryClearedByEveryChange touches (see there). Tasks 7 and 15
	// name units the registry does not hold yet.
	regUnits := map[int][]string{6: {"市司法局"}, 7: {"市民政局", "市法制办"}, 15: {"人社", "市法制办"}}
	var reg []plandoc.Task
	for i := range 17 {
		units := regUnits[i]
		if units == nil {
			units = []string{"市法制办", "市编委办"}
		}
		reg = append(reg, entryTask(i, units...))
	}
	imp := func(name string, draft bool, tasks []plandoc.Task) (int64, []int64) {
		t.Helper()
		id, _, err := db.ImportPlan(ctx, PlanImport{SourceName: name, SourceSHA256: sha(name), Format: "text", Draft: draft,
			Plan: &plandoc.Plan{Title: name, Year: 2026, Tasks: tasks}, Actor: f.actor})
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := db.FindTasks(ctx, TaskFilter{PlanID: id, Limit: 500})
		if err != nil || len(got) != len(tasks) {
			t.Fatalf("tasks of %s: %d, %v", name, len(got), err)
		}
		ids := make([]int64, len(got))
		for i := range got {
			ids[i] = got[i].ID
		}
		return id, ids
	}
	_, f.reg = imp("reg.txt", false, reg)
	f.srcPlan, f.src = imp("src.txt", false, []plandoc.Task{entryTask(0, "市编委办"), entryTask(1, "市编委办")})
	f.draftPlan, f.draft = imp("draft.txt", true, []plandoc.Task{entryTask(0, "市编委办"), entryTask(1, "市编委办"), entryTask(2, "市编委办")})
	_, by := imp("bystander.txt", false, []plandoc.Task{entryTask(0, "市编委办"), entryTask(1, "市法制办")})
	f.bystanders = append(by, f.reg[16])
	return f
}

// listing reads every task as entries of shape.
func (f *entryFixture) listing(t *testing.T, shape string) map[int64]records.ListedTask {
	t.Helper()
	l, err := f.db.FindTaskListing(context.Background(), TaskFilter{Limit: 500}, shape)
	if err != nil {
		t.Fatal(err)
	}
	if l.NextCursor != "" || len(l.Items) != l.Total {
		t.Fatalf("listing: %d of %d, cursor %q: want every task on one page", len(l.Items), l.Total, l.NextCursor)
	}
	out := make(map[int64]records.ListedTask, len(l.Items))
	for _, it := range l.Items {
		if (it.Entry == "") == (it.Task == nil) {
			t.Fatalf("task %d: entry %q, task %v: want exactly one", it.ID, it.Entry, it.Task != nil)
		}
		if it.Task != nil && it.Task.ID != it.ID {
			t.Fatalf("task %d listed with task %d", it.ID, it.Task.ID)
		}
		out[it.ID] = it
	}
	return out
}

// keepAll stores an entry for every task that lacks one, at the
// revisions it read, and checks that every task then lists its entry.
func (f *entryFixture) keepAll(t *testing.T) {
	t.Helper()
	var entries []records.TaskEntry
	for id, it := range f.listing(t, entryTestShape) {
		if it.Entry == "" {
			entries = append(entries, records.TaskEntry{ID: id, Rev: it.Rev, Entry: entryText(id, it.Rev)})
		}
	}
	n, err := f.db.SaveTaskEntries(context.Background(), entryTestShape, entries)
	if err != nil || n != len(entries) {
		t.Fatalf("SaveTaskEntries = %d, %v; want %d", n, err, len(entries))
	}
	for id, it := range f.listing(t, entryTestShape) {
		if it.Entry == "" {
			t.Fatalf("task %d has no entry right after it was saved", id)
		}
	}
}

func entryText(id, rev int64) string { return fmt.Sprintf(`{"id":%d,"rev":%d}`, id, rev) }

// entryRows is how many task_entries rows name the task.
func (f *entryFixture) entryRows(t *testing.T, id int64) int {
	t.Helper()
	var n int
	if err := f.db.read.QueryRow(f.db.dialect.rebind(`SELECT COUNT(*) FROM task_entries WHERE task_id = ?`), id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (f *entryFixture) exec(t *testing.T, q string, args ...any) {
	t.Helper()
	if _, err := f.db.write.Exec(f.db.dialect.rebind(q), args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// TestTaskEntryClearedByEveryChange keeps an entry for every task, then
// makes each kind of write the store offers that touches a task, and
// checks after each that the touched task's entry is gone (the listing
// reads the task whole) and the bystanders' entries are still served.
func TestTaskEntryClearedByEveryChange(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		f := newEntryFixture(t, db)
		today := testNow.UTC().Truncate(24 * time.Hour)
		var parts []int64 // of the split task
		str := func(s string) *string { return &s }
		cases := []struct {
			name string
			prep func(t *testing.T) // before the entries are kept
			// touch writes and returns the tasks whose entries must be gone
			// and the tasks that must be gone altogether.
			touch func(t *testing.T) (touched, deleted []int64)
		}{
			{name: "progress report", touch: func(t *testing.T) ([]int64, []int64) {
				p := 40.0
				if _, err := db.AddProgress(ctx, f.actor, f.reg[0], ProgressInput{Text: "推进中", Percent: &p}); err != nil {
					t.Fatal(err)
				}
				return f.reg[:1], nil
			}},
			{name: "milestone marked done", prep: func(t *testing.T) {
				if _, err := db.AddProgress(ctx, f.actor, f.reg[1], ProgressInput{Text: "开始"}); err != nil {
					t.Fatal(err)
				}
			}, touch: func(t *testing.T) ([]int64, []int64) {
				if _, err := db.AddProgress(ctx, f.actor, f.reg[1], ProgressInput{Text: "办法已出台", MilestonesDone: []int{0}}); err != nil {
					t.Fatal(err)
				}
				return f.reg[1:2], nil
			}},
			{name: "adjusted (调整)", touch: func(t *testing.T) ([]int64, []int64) {
				if _, err := db.AdjustTask(ctx, f.actor, f.reg[2], records.TaskAdjust{Requirement: str("从严")}, "调整要求", today, nil); err != nil {
					t.Fatal(err)
				}
				return f.reg[2:3], nil
			}},
			{name: "extension granted", prep: func(t *testing.T) {
				if _, err := db.RequestExtension(ctx, f.actor, f.reg[3], f.law.ID, "2026-12-31", "工作量大"); err != nil {
					t.Fatal(err)
				}
			}, touch: func(t *testing.T) ([]int64, []int64) {
				if _, err := db.DecideExtension(ctx, f.actor, f.reg[3], true, "同意", today, nil); err != nil {
					t.Fatal(err)
				}
				return f.reg[3:4], nil
			}},
			{name: "edited at review", touch: func(t *testing.T) ([]int64, []int64) {
				if _, err := db.UpdateTask(ctx, f.actor, f.reg[4], TaskUpdate{Title: str("新标题")}); err != nil {
					t.Fatal(err)
				}
				return f.reg[4:5], nil
			}},
			{name: "deadline changed", touch: func(t *testing.T) ([]int64, []int64) {
				dl := []plandoc.Deadline{{Text: "2026年10月底前", Due: "2026-10-31"}}
				if _, err := db.UpdateTask(ctx, f.actor, f.reg[5], TaskUpdate{Deadlines: &dl}); err != nil {
					t.Fatal(err)
				}
				return f.reg[5:6], nil
			}},
			{name: "unit merged", touch: func(t *testing.T) ([]int64, []int64) {
				if _, err := db.MergeUnit(ctx, f.actor, f.justice.ID, f.law.ID); err != nil {
					t.Fatal(err)
				}
				return f.reg[6:7], nil
			}},
			{name: "units re-linked by a new unit", touch: func(t *testing.T) ([]int64, []int64) {
				if _, err := db.CreateUnit(ctx, f.actor, UnitCreate{Name: "市民政局", Kind: UnitDepartment}); err != nil {
					t.Fatal(err)
				}
				return f.reg[7:8], nil
			}},
			{name: "sub-task added", touch: func(t *testing.T) ([]int64, []int64) {
				ids, err := db.CreateSubtasks(ctx, f.reg[8], records.SubtaskBatch{Actor: f.actor, Items: []records.SubtaskInput{
					{Title: "起草", UnitID: f.law.ID, UnitName: f.law.Name, Due: "2026-06-30", Weight: 1}}})
				if err != nil {
					t.Fatal(err)
				}
				parts = ids
				return append([]int64{f.reg[8]}, ids...), nil
			}},
			{name: "split task revoked with its parts", touch: func(t *testing.T) ([]int64, []int64) {
				if _, err := db.RevokeTask(ctx, f.actor, f.reg[8], "不再实施", today, nil); err != nil {
					t.Fatal(err)
				}
				return append([]int64{f.reg[8]}, parts...), nil
			}},
			{name: "closed (销号)", prep: func(t *testing.T) {
				if _, err := db.RequestClose(ctx, f.actor, f.reg[9], 0, "已完成", nil); err != nil {
					t.Fatal(err)
				}
			}, touch: func(t *testing.T) ([]int64, []int64) {
				if err := db.DecideClose(ctx, f.actor, f.reg[9], true, ""); err != nil {
					t.Fatal(err)
				}
				return f.reg[9:10], nil
			}},
			{name: "close application", touch: func(t *testing.T) ([]int64, []int64) {
				if _, err := db.RequestClose(ctx, f.actor, f.reg[10], 0, "申请销号", nil); err != nil {
					t.Fatal(err)
				}
				return f.reg[10:11], nil
			}},
			{name: "revoked", touch: func(t *testing.T) ([]int64, []int64) {
				if _, err := db.RevokeTask(ctx, f.actor, f.reg[10], "不再实施", today, nil); err != nil {
					t.Fatal(err)
				}
				return f.reg[10:11], nil
			}},
			{name: "target changed by SQL", touch: func(t *testing.T) ([]int64, []int64) {
				f.exec(t, `UPDATE task_targets SET value = 99 WHERE task_id = ?`, f.reg[11])
				return f.reg[11:12], nil
			}},
			{name: "unit renamed in the task by SQL", touch: func(t *testing.T) ([]int64, []int64) {
				f.exec(t, `UPDATE task_units SET name = '市法制办公室' WHERE task_id = ? AND seq = 0`, f.reg[12])
				return f.reg[12:13], nil
			}},
			{name: "unit lead flag by SQL", touch: func(t *testing.T) ([]int64, []int64) {
				f.exec(t, `UPDATE task_units SET is_lead = NOT is_lead WHERE task_id = ? AND seq = 1`, f.reg[12])
				return f.reg[12:13], nil
			}},
			{name: "milestone done by SQL", touch: func(t *testing.T) ([]int64, []int64) {
				f.exec(t, `UPDATE task_milestones SET done_at = ? WHERE task_id = ? AND seq = 1`, testNow, f.reg[13])
				return f.reg[13:14], nil
			}},
			{name: "milestone removed by SQL", touch: func(t *testing.T) ([]int64, []int64) {
				f.exec(t, `DELETE FROM task_milestones WHERE task_id = ? AND seq = 0`, f.reg[13])
				return f.reg[13:14], nil
			}},
			{name: "deadline moved by SQL", touch: func(t *testing.T) ([]int64, []int64) {
				f.exec(t, `UPDATE task_deadlines SET due = ? WHERE task_id = ? AND seq = 0`, "2026-11-30", f.reg[14])
				return f.reg[14:15], nil
			}},
			{name: "target added by SQL", touch: func(t *testing.T) ([]int64, []int64) {
				f.exec(t, `INSERT INTO task_targets (task_id, seq, text, value, unit) VALUES (?, 5, '新增', 1, '个')`, f.reg[14])
				return f.reg[14:15], nil
			}},
			{name: "units re-linked by an alias", touch: func(t *testing.T) ([]int64, []int64) {
				al := []string{"人社"}
				if _, err := db.UpdateUnit(ctx, f.actor, f.org.ID, UnitUpdate{Aliases: &al}); err != nil {
					t.Fatal(err)
				}
				return f.reg[15:16], nil
			}},
			{name: "plan source by SQL", touch: func(t *testing.T) ([]int64, []int64) {
				f.exec(t, `UPDATE plans SET source = 'meeting' WHERE id = ?`, f.srcPlan)
				return f.src, nil
			}},
			{name: "task moved to another task by SQL", touch: func(t *testing.T) ([]int64, []int64) {
				f.exec(t, `UPDATE task_deadlines SET task_id = ?, seq = 7 WHERE task_id = ? AND seq = 1`, f.src[1], f.src[0])
				return f.src, nil
			}},
			{name: "draft task edited", touch: func(t *testing.T) ([]int64, []int64) {
				if _, err := db.UpdateTask(ctx, f.actor, f.draft[2], TaskUpdate{Plan: f.draftPlan, Text: str("改")}); err != nil {
					t.Fatal(err)
				}
				return f.draft[2:3], nil
			}},
			{name: "task deleted from a draft", touch: func(t *testing.T) ([]int64, []int64) {
				if err := db.DeleteTask(ctx, f.actor, f.draftPlan, f.draft[0]); err != nil {
					t.Fatal(err)
				}
				return nil, f.draft[:1]
			}},
			{name: "draft plan deleted", touch: func(t *testing.T) ([]int64, []int64) {
				if err := db.DeletePlan(ctx, f.actor, f.draftPlan); err != nil {
					t.Fatal(err)
				}
				return nil, f.draft[1:]
			}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				if c.prep != nil {
					c.prep(t)
				}
				f.keepAll(t)
				touched, deleted := c.touch(t)
				got := f.listing(t, entryTestShape)
				for _, id := range touched {
					if it, ok := got[id]; !ok {
						t.Errorf("touched task %d is not listed", id)
					} else if it.Entry != "" || it.Task == nil {
						t.Errorf("touched task %d still lists its entry %s", id, it.Entry)
					}
				}
				for _, id := range deleted {
					if _, ok := got[id]; ok {
						t.Errorf("deleted task %d is still listed", id)
					}
					if n := f.entryRows(t, id); n != 0 {
						t.Errorf("deleted task %d left %d task_entries rows", id, n)
					}
				}
				for _, id := range f.bystanders {
					if it := got[id]; it.Entry == "" {
						t.Errorf("bystander task %d lost its entry", id)
					}
				}
			})
		}
	})
}

// TestSaveTaskEntryLosesToAChange: an entry built from a task read
// before a change is not stored after it, whether the task had an entry
// row when it was read (its revision moved) or none (one appeared).
func TestSaveTaskEntryLosesToAChange(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		f := newEntryFixture(t, db)
		str := func(s string) *string { return &s }
		edit := func(t *testing.T, id int64, title string) {
			t.Helper()
			if _, err := db.UpdateTask(ctx, f.actor, id, TaskUpdate{Title: str(title)}); err != nil {
				t.Fatal(err)
			}
		}
		save := func(t *testing.T, id, rev int64) int {
			t.Helper()
			n, err := db.SaveTaskEntries(ctx, entryTestShape, []records.TaskEntry{{ID: id, Rev: rev, Entry: entryText(id, rev)}})
			if err != nil {
				t.Fatal(err)
			}
			return n
		}

		// A task with a row: a change makes one.
		withRow := f.reg[0]
		edit(t, withRow, "一改")
		read := f.listing(t, entryTestShape)[withRow]
		if read.Rev < 0 || read.Entry != "" {
			t.Fatalf("after a change: rev %d entry %q; want a row without entry", read.Rev, read.Entry)
		}
		edit(t, withRow, "二改")
		if n := save(t, withRow, read.Rev); n != 0 {
			t.Errorf("entry read at rev %d saved after a change: stored %d", read.Rev, n)
		}
		if it := f.listing(t, entryTestShape)[withRow]; it.Entry != "" {
			t.Errorf("the stale entry is served: %s", it.Entry)
		}
		// The same save at the revision now current is stored.
		now := f.listing(t, entryTestShape)[withRow]
		if now.Rev == read.Rev {
			t.Errorf("a change left rev at %d", now.Rev)
		}
		if n := save(t, withRow, now.Rev); n != 1 {
			t.Errorf("entry at the current rev %d: stored %d, want 1", now.Rev, n)
		}
		if it := f.listing(t, entryTestShape)[withRow]; it.Entry != entryText(withRow, now.Rev) {
			t.Errorf("entry = %q, want the one saved", it.Entry)
		}

		// A task without a row (-1), as one kept from before migration
		// 0040 (an import's children give the new ones a row): a change
		// between the read and the save makes one, and the save loses.
		noRow := f.reg[1]
		f.exec(t, `DELETE FROM task_entries WHERE task_id IN (?, ?)`, noRow, f.reg[3])
		read = f.listing(t, entryTestShape)[noRow]
		if read.Rev != -1 {
			t.Fatalf("untouched task: rev %d, want -1 (no row)", read.Rev)
		}
		edit(t, noRow, "三改")
		if n := save(t, noRow, -1); n != 0 {
			t.Errorf("entry read without a row saved after a change: stored %d", n)
		}
		if it := f.listing(t, entryTestShape)[noRow]; it.Entry != "" {
			t.Errorf("the stale entry is served: %s", it.Entry)
		}

		// A change of a child only (a progress report's milestone) also
		// beats a save read before it, for a task without a row.
		child := f.reg[2]
		read = f.listing(t, entryTestShape)[child]
		f.exec(t, `UPDATE task_milestones SET done_at = ? WHERE task_id = ? AND seq = 0`, testNow, child)
		if n := save(t, child, read.Rev); n != 0 {
			t.Errorf("entry read before a milestone change saved after it: stored %d", n)
		}

		// Two readers without a row: the first stores, the second (same
		// read) does not overwrite, and a change after both clears it.
		both := f.reg[3] // its row deleted above
		if n := save(t, both, -1); n != 1 {
			t.Errorf("first save without a row: stored %d, want 1", n)
		}
		if n := save(t, both, -1); n != 0 {
			t.Errorf("second save without a row: stored %d, want 0", n)
		}
		edit(t, both, "四改")
		if it := f.listing(t, entryTestShape)[both]; it.Entry != "" {
			t.Errorf("entry served after a change: %s", it.Entry)
		}
		if n := save(t, both, 0); n != 0 {
			t.Errorf("save at the first row's rev 0 after a change: stored %d", n)
		}
	})
}

// TestTaskEntryOfAnotherShapeIsNotServed: an entry kept in one shape is
// not served to a reader of another, which reads the task whole and
// finds it among the tasks without an entry.
func TestTaskEntryOfAnotherShapeIsNotServed(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		f := newEntryFixture(t, db)
		id := f.reg[0]
		read := f.listing(t, "a")[id]
		if n, err := db.SaveTaskEntries(ctx, "a", []records.TaskEntry{{ID: id, Rev: read.Rev, Entry: `{"a":1}`}}); err != nil || n != 1 {
			t.Fatalf("SaveTaskEntries = %d, %v", n, err)
		}
		if it := f.listing(t, "a")[id]; it.Entry != `{"a":1}` {
			t.Errorf("shape a: entry %q, want the one saved", it.Entry)
		}
		if it := f.listing(t, "b")[id]; it.Entry != "" || it.Task == nil {
			t.Errorf("shape b: entry %q served (task %v)", it.Entry, it.Task != nil)
		}
		missing := func(shape string) bool {
			t.Helper()
			got, err := db.TasksWithoutEntry(ctx, shape, 0, 1000)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range got {
				if it.ID == id {
					if it.Task == nil || it.Task.ID != id {
						t.Errorf("TasksWithoutEntry(%s): task %d without its task", shape, id)
					}
					return true
				}
			}
			return false
		}
		if missing("a") {
			t.Errorf("TasksWithoutEntry(a) lists the task that has an entry of shape a")
		}
		if !missing("b") {
			t.Errorf("TasksWithoutEntry(b) leaves out the task whose entry is of shape a")
		}
		// A reader of shape b replaces it at the revision it read.
		rev := f.listing(t, "b")[id].Rev
		if n, err := db.SaveTaskEntries(ctx, "b", []records.TaskEntry{{ID: id, Rev: rev, Entry: `{"b":1}`}}); err != nil || n != 1 {
			t.Fatalf("SaveTaskEntries(b) = %d, %v", n, err)
		}
		if it := f.listing(t, "a")[id]; it.Entry != "" {
			t.Errorf("shape a after b's save: entry %q served", it.Entry)
		}
		if it := f.listing(t, "b")[id]; it.Entry != `{"b":1}` {
			t.Errorf("shape b: entry %q", it.Entry)
		}
	})
}

// TestListingStatementsStayFew: however many of a page's tasks lack an
// entry, they are read by one statement, so the prepared statements do
// not pile up (a list of n placeholders was a statement per n).
func TestListingStatementsStayFew(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		plan := &plandoc.Plan{Title: "语句", Year: 2026}
		for i := range 40 {
			plan.Tasks = append(plan.Tasks, plandoc.Task{Path: []string{fmt.Sprint(i + 1)}, Title: fmt.Sprintf("任务%d", i), Units: []string{"市财政局"}})
		}
		if _, _, err := db.ImportPlan(ctx, PlanImport{SourceName: plan.Title, SourceSHA256: sha(plan.Title), Format: "text", Plan: plan}); err != nil {
			t.Fatal(err)
		}
		count := func() int {
			db.stmts.mu.Lock()
			defer db.stmts.mu.Unlock()
			return len(db.stmts.m)
		}
		var after int
		for n := 1; n <= 40; n++ {
			// Pages of n tasks, none with an entry of this shape.
			if _, err := db.FindTaskListing(ctx, TaskFilter{Limit: n}, fmt.Sprintf("shape-%d", n)); err != nil {
				t.Fatal(err)
			}
			if n == 2 {
				after = count()
			}
		}
		// Each page size is a statement of its own (the LIMIT is written
		// in); the tasks read whole add none per size.
		if grown := count() - after; grown > 38 {
			t.Errorf("prepared statements grew by %d over 38 more page sizes", grown)
		}
	})
}
