package ledgersvc

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

// listWorld is a ledger whose tasks use every field the task list shows:
// weights, optional tasks, targets with units, milestones (some done),
// deadlines dated and recurring, text that JSON escapes, percents
// reported, a split task and its parts, a closed, a pending and a
// revoked task, and a draft plan; with the office and a liaison of one
// of the two units.
type listWorld struct {
	s               *Service
	db              *store.DB
	office, liaison authz.Principal
	actor           audit.Actor
	lead            *records.Unit
	tasks           []int64 // of the registered plan, in order
}

func newListWorld(t *testing.T, kind string) *listWorld {
	t.Helper()
	ctx := context.Background()
	db := storetest.Open(t, kind)
	w := &listWorld{db: db, s: &Service{Store: db, Calendar: workday.Default(), Rules: ledger.DefaultRules,
		Now: func() time.Time { return time.Date(2026, 7, 15, 2, 0, 0, 0, time.UTC) }}}
	lead, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市法制办", Kind: records.UnitDepartment})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市编委办", Kind: records.UnitDepartment}); err != nil {
		t.Fatal(err)
	}
	w.lead = lead
	o, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: "ducha", DisplayName: "督查室", PasswordHash: "x", Role: authz.Office})
	if err != nil {
		t.Fatal(err)
	}
	l, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: "lianluo", DisplayName: "张联络", PasswordHash: "x",
		Role: authz.Liaison, Units: []int64{lead.ID}})
	if err != nil {
		t.Fatal(err)
	}
	w.office, w.liaison = o.Principal(), l.Principal()
	w.actor = audit.Actor{ID: o.ID, Username: o.Username}

	var tasks []plandoc.Task
	for i := range 12 {
		units := []string{"市法制办", "市编委办"}
		if i%3 == 1 {
			units = []string{"市编委办", "各县（市、区）政府"}
		}
		tk := plandoc.Task{Path: []string{"二", fmt.Sprintf("(%d)", i/4+1), fmt.Sprint(i%4 + 1)},
			Title:     fmt.Sprintf("任务%d：加强预期引导 <b>&\"引号\"</b>", i+1),
			Text:      "正文\u2028第二行\t<script>&amp;</script>\\",
			LeadUnits: units[:1], Units: units,
			Deadlines: []plandoc.Deadline{{Text: "年底前", Due: fmt.Sprintf("2026-%02d-28", i%12+1)}, {Text: "每季度", Every: plandoc.EveryQuarter}},
			Targets:   []plandoc.Target{{Text: "化解率90%以上", Value: 90, Unit: "%"}, {Text: "新建3.5公里", Value: 3.5, Unit: "公里"}},
			Milestones: []plandoc.Milestone{{Text: "出台办法", Due: fmt.Sprintf("2026-%02d-15", i%6+1)},
				{Text: "全面推开"}},
			Optional: i%5 == 4,
		}
		if i%4 != 0 {
			wt := float64(i) * 1.5
			tk.Weight = &wt
		}
		if i == 11 { // nothing but text
			tk.LeadUnits, tk.Units = []string{}, []string{}
			tk.Deadlines, tk.Targets, tk.Milestones = []plandoc.Deadline{}, []plandoc.Target{}, []plandoc.Milestone{}
		}
		tasks = append(tasks, tk)
	}
	for i, draft := range []bool{false, true} {
		id, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat(string(rune('a'+i)), 64),
			Format: "text", Draft: draft, Plan: &plandoc.Plan{Title: "方案", Year: 2026, Tasks: tasks[:12-6*i]}})
		if err != nil {
			t.Fatal(err)
		}
		if !draft {
			p, err := db.FindPlanByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			for _, tk := range p.Tasks {
				w.tasks = append(w.tasks, tk.ID)
			}
		}
	}
	pct := func(v float64) *float64 { return &v }
	str := func(s string) *string { return &s }
	for _, id := range w.tasks[:3] {
		if _, err := db.UpdateTask(ctx, w.actor, id, records.TaskUpdate{Goal: str("目标<>"), Owner: str("张三"),
			Requirement: str("要求&"), Measure: str("措施\"\u2029")}); err != nil {
			t.Fatal(err)
		}
	}
	report := func(id int64, in records.ProgressInput) {
		t.Helper()
		if _, err := db.AddProgress(ctx, w.actor, id, in); err != nil {
			t.Fatal(err)
		}
	}
	report(w.tasks[0], records.ProgressInput{Text: "推进", Percent: pct(100.0 / 3)})
	report(w.tasks[1], records.ProgressInput{Text: "办法出台", MilestonesDone: []int{0}, Percent: pct(0)})
	report(w.tasks[2], records.ProgressInput{Text: "全部完成", MilestonesDone: []int{0, 1}, Percent: pct(100)})
	if _, err := db.RequestClose(ctx, w.actor, w.tasks[2], 0, "已完成", nil); err != nil {
		t.Fatal(err)
	}
	if err := db.DecideClose(ctx, w.actor, w.tasks[2], true, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RequestClose(ctx, w.actor, w.tasks[3], 0, "申请销号", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RevokeTask(ctx, w.actor, w.tasks[4], "不再实施", w.s.Today(), nil); err != nil {
		t.Fatal(err)
	}
	parts, err := db.CreateSubtasks(ctx, w.tasks[5], records.SubtaskBatch{Actor: w.actor, Items: []records.SubtaskInput{
		{Title: "起草<办法>", UnitID: lead.ID, UnitName: lead.Name, Due: "2026-06-30", Weight: 1},
		{Title: "组织实施", UnitID: lead.ID, UnitName: lead.Name, Due: "2026-11-30", Weight: 2.5}}})
	if err != nil {
		t.Fatal(err)
	}
	report(parts[0], records.ProgressInput{Text: "起草中", Percent: pct(12.345)})
	w.tasks = append(w.tasks, parts...)
	return w
}

// listFilters are the lists compared: each sort and its second page, a
// status, a light, a search, a plan, and the liaison's scope.
func (w *listWorld) listFilters(t *testing.T) []struct {
	name string
	p    authz.Principal
	f    records.TaskFilter
} {
	t.Helper()
	type lf = struct {
		name string
		p    authz.Principal
		f    records.TaskFilter
	}
	out := []lf{
		{"default", w.office, records.TaskFilter{}},
		{"sort=due", w.office, records.TaskFilter{Sort: "due"}},
		{"sort=report", w.office, records.TaskFilter{Sort: "report"}},
		{"status=overdue", w.office, records.TaskFilter{Status: ledger.StatusOverdue}},
		{"status=closed", w.office, records.TaskFilter{Status: ledger.StatusClosed}},
		{"light=green", w.office, records.TaskFilter{Light: ledger.Green}},
		{"q", w.office, records.TaskFilter{Q: "预期引导"}},
		{"recurring", w.office, records.TaskFilter{Recurring: true}},
		{"liaison", w.liaison, records.TaskFilter{}},
		{"liaison sort=due", w.liaison, records.TaskFilter{Sort: "due"}},
	}
	// Second pages, through the cursor the first page gave.
	for _, sort := range []string{"", "due", "report"} {
		first, err := w.s.Page(context.Background(), w.office, records.TaskFilter{Sort: sort, Limit: 4})
		if err != nil {
			t.Fatal(err)
		}
		if first.NextCursor == "" {
			t.Fatalf("sort %q: no second page", sort)
		}
		out = append(out, lf{"page 1 sort=" + sort, w.office, records.TaskFilter{Sort: sort, Limit: 4}},
			lf{"page 2 sort=" + sort, w.office, records.TaskFilter{Sort: sort, Limit: 4, Cursor: first.NextCursor}})
	}
	return out
}

// comparePage checks that AppendPageJSON lists what Page does, as JSON.
func (w *listWorld) comparePage(t *testing.T, name string, p authz.Principal, f records.TaskFilter) {
	t.Helper()
	ctx := context.Background()
	const before = "前"
	items, lp, err := w.s.AppendPageJSON(ctx, []byte(before), p, f)
	if err != nil {
		t.Fatalf("%s: AppendPageJSON: %v", name, err)
	}
	if !strings.HasPrefix(string(items), before) {
		t.Fatalf("%s: AppendPageJSON lost what it appended to: %.20q", name, items)
	}
	items = items[len(before):]
	tp, err := w.s.Page(ctx, p, f)
	if err != nil {
		t.Fatalf("%s: Page: %v", name, err)
	}
	if !json.Valid(items) {
		t.Fatalf("%s: AppendPageJSON is not JSON: %s", name, items)
	}
	var got, want []any
	if err := json.Unmarshal(items, &got); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	b, err := json.Marshal(tp.Items)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Errorf("%s: the list is empty; the comparison proves nothing", name)
	}
	if lp.Total != tp.Total || lp.NextCursor != tp.NextCursor {
		t.Errorf("%s: AppendPageJSON total %d cursor %q, Page total %d cursor %q", name, lp.Total, lp.NextCursor, tp.Total, tp.NextCursor)
	}
	if len(got) != len(want) {
		t.Fatalf("%s: AppendPageJSON lists %d, Page %d", name, len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			g, _ := json.Marshal(got[i])
			w, _ := json.Marshal(want[i])
			t.Errorf("%s: item %d differs:\nAppendPageJSON %s\nPage     %s", name, i, g, w)
		}
	}
	// Each object carries its members once (the state's and the entry's
	// must not overlap, which a decoder would silently merge).
	for _, raw := range splitItems(t, items) {
		dec := json.NewDecoder(bytes.NewReader(raw))
		seen := map[string]bool{}
		dec.Token() // {
		for dec.More() {
			k, _ := dec.Token()
			if seen[k.(string)] {
				t.Errorf("%s: member %q twice in %s", name, k, raw)
			}
			seen[k.(string)] = true
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func splitItems(t *testing.T, b []byte) []json.RawMessage {
	t.Helper()
	var items []json.RawMessage
	if err := json.Unmarshal(b, &items); err != nil {
		t.Fatal(err)
	}
	return items
}

// TestAppendPageJSONMatchesPage compares the task list read from the kept
// entries with the list read whole, for every filter, on both databases:
// before FillEntries (entries built as the lists are read), after it
// (every entry read), and after changes to tasks.
func TestAppendPageJSONMatchesPage(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			w := newListWorld(t, kind)
			filters := w.listFilters(t)
			for _, c := range filters {
				w.comparePage(t, "built "+c.name, c.p, c.f)
			}
			if _, err := w.s.FillEntries(ctx); err != nil {
				t.Fatal(err)
			}
			for _, c := range filters {
				// Every entry is read now, none built.
				f := c.f
				w.s.Scope(c.p, &f)
				l, err := w.db.FindTaskListing(ctx, f, entryShape)
				if err != nil {
					t.Fatal(err)
				}
				for _, it := range l.Items {
					if it.Entry == "" {
						t.Errorf("%s: task %d has no entry after FillEntries", c.name, it.ID)
					}
				}
				w.comparePage(t, "kept "+c.name, c.p, c.f)
			}
			// Changes: a report with a milestone, an edit, a new unit list, a
			// deadline moved, a second split part's report.
			title, units := "改后的标题 <i>", []records.UnitLink{{Name: "市编委办", Lead: true}}
			if _, err := w.db.AddProgress(ctx, w.actor, w.tasks[6], records.ProgressInput{Text: "进展", MilestonesDone: []int{0}}); err != nil {
				t.Fatal(err)
			}
			if _, err := w.db.UpdateTask(ctx, w.actor, w.tasks[7], records.TaskUpdate{Title: &title, Units: &units}); err != nil {
				t.Fatal(err)
			}
			dl := []plandoc.Deadline{{Text: "提前", Due: "2026-07-01"}}
			if _, err := w.db.UpdateTask(ctx, w.actor, w.tasks[8], records.TaskUpdate{Deadlines: &dl}); err != nil {
				t.Fatal(err)
			}
			full := 100.0
			if _, err := w.db.AddProgress(ctx, w.actor, w.tasks[len(w.tasks)-1], records.ProgressInput{Text: "完成", Percent: &full}); err != nil {
				t.Fatal(err)
			}
			for _, c := range w.listFilters(t) {
				w.comparePage(t, "changed "+c.name, c.p, c.f)
			}
		})
	}
}

// TestFillEntriesBuildsEveryMissingEntry: FillEntries keeps an entry for
// every task, after which none is missing and a second run keeps none.
func TestFillEntriesBuildsEveryMissingEntry(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			w := newListWorld(t, kind)
			before, err := w.db.TasksWithoutEntry(ctx, entryShape, 0, 10000)
			if err != nil {
				t.Fatal(err)
			}
			n, err := w.s.FillEntries(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(before) || n == 0 {
				t.Errorf("FillEntries kept %d, want the %d missing", n, len(before))
			}
			if left, err := w.db.TasksWithoutEntry(ctx, entryShape, 0, 10000); err != nil || len(left) != 0 {
				t.Errorf("after FillEntries, %d tasks without entry (%v)", len(left), err)
			}
			if n, err := w.s.FillEntries(ctx); err != nil || n != 0 {
				t.Errorf("second FillEntries = %d, %v; want 0", n, err)
			}
			// The entries it kept are each task's, as Page shows it.
			l, err := w.db.FindTaskListing(ctx, records.TaskFilter{Limit: 500}, entryShape)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range l.Items {
				tk, err := w.db.FindTaskByID(ctx, it.ID)
				if err != nil {
					t.Fatal(err)
				}
				want, _ := json.Marshal(entryOf(tk))
				if it.Entry != string(want) {
					t.Errorf("task %d: entry\n%s\nwant\n%s", it.ID, it.Entry, want)
				}
			}
		})
	}
}

// TestStateJSON holds appendState, appendString and appendFloat to what
// encoding/json writes of the same values.
func TestStateJSON(t *testing.T) {
	today := time.Date(2026, 7, 15, 0, 0, 0, 0, time.UTC)
	dueSoon := time.Date(2026, 7, 22, 0, 0, 0, 0, time.UTC)
	percents := []*float64{nil}
	for _, v := range []float64{0, 33.3333, 100.0 / 3, 100, 1e-7, 2.5e21, 1e21, 1e-6, 9.99e-7, 12.345, 1e20, -0.5} {
		percents = append(percents, &v)
	}
	var states []TaskState
	for _, wf := range []string{"draft", "registered", "in_progress", "pending", "closed", "revoked", "", "unknown"} {
		for _, next := range []string{"", "2026-07-01", "2026-07-15", "2026-07-20", "2026-12-31", "bad"} {
			for _, p := range percents {
				states = append(states, stateOf(wf, next, p, today, dueSoon))
			}
		}
	}
	// States as no stateOf makes them: labels and words that need escaping.
	for _, s := range []string{`a"b`, `\`, "<b>&", "\x00\x1f\x7f", "\u2028\u2029", "\xff\xfe", "逾期", "", "\t\n\r"} {
		states = append(states, TaskState{Status: s, NextDue: s, Workflow: s, LedgerStatus: s, StatusLabel: s, Light: s})
	}
	for _, st := range states {
		want, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		want[len(want)-1] = ','
		if got := appendState(nil, st); !bytes.Equal(got, want) {
			t.Errorf("appendState(%+v)\n got %s\nwant %s", st, got, want)
		}
	}
	for _, s := range []string{"", "plain", "中文标签", `"`, `\`, "<", ">", "&", "\x00", "\x1f", "\x7f", "\u2028", "\u2029",
		"\xff", "a\xc3", "\U0001F600", "tab\there", "日期 2026-07-15", "</script>"} {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	}
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e-6, 1e-7, 9.999999e-7, 1e20, 1e21, 123456789.123456789,
		math.MaxFloat64, math.SmallestNonzeroFloat64, 5e-324, 2.5e21, -2.5e21, 100.0 / 3, 1 << 53} {
		want, _ := json.Marshal(f)
		if got := appendFloat(nil, f); !bytes.Equal(got, want) {
			t.Errorf("appendFloat(%v) = %s, want %s", f, got, want)
		}
	}
}

// TestParseDay holds parseDay to time.Parse, on the dates the store keeps
// and on what it should never hold.
func TestParseDay(t *testing.T) {
	for _, s := range []string{"2026-03-31", "2024-02-29", "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
		"0001-01-01", "9999-12-31", "", "2026-3-31", "2026-03-3x", "２０２６-03-31", "2026/03/31"} {
		want, _ := time.Parse("2006-01-02", s)
		if got := parseDay(s); !got.Equal(want) {
			t.Errorf("parseDay(%q) = %v, time.Parse gives %v", s, got, want)
		}
	}
}

// heldSaves is the real store whose SaveTaskEntries waits until let is
// closed: a writer busy for as long as the test wants.
type heldSaves struct {
	*store.DB
	started chan struct{}
	let     chan struct{}
}

func (h *heldSaves) SaveTaskEntries(ctx context.Context, shape string, entries []records.TaskEntry) (int, error) {
	close(h.started)
	<-h.let
	return h.DB.SaveTaskEntries(ctx, shape, entries)
}

// TestListDoesNotWaitToKeepEntries: a list whose entries are missing
// answers while the keeping of what it built still waits for the writer,
// and the entries are kept once the writer is free.
func TestListDoesNotWaitToKeepEntries(t *testing.T) {
	ctx := context.Background()
	w := newListWorld(t, "sqlite")
	held := &heldSaves{DB: w.db, started: make(chan struct{}), let: make(chan struct{})}
	w.s.Store = held
	before, err := w.db.TasksWithoutEntry(ctx, entryShape, 0, 10000)
	if err != nil || len(before) == 0 {
		t.Fatalf("%d tasks without an entry before the read, %v", len(before), err)
	}
	b, info, err := w.s.AppendPageJSON(ctx, nil, w.office, records.TaskFilter{Limit: 500})
	if err != nil || info.Total == 0 || !json.Valid(b) {
		t.Fatalf("list while the writer is held: total %d, %v", info.Total, err)
	}
	<-held.started // the keeping runs, and waits for the writer
	close(held.let)
	w.s.keeping.Lock() // until the keeping is over
	w.s.keeping.Unlock()
	if left, err := w.db.TasksWithoutEntry(ctx, entryShape, 0, 10000); err != nil || len(left) >= len(before) {
		t.Errorf("%d of %d tasks without an entry after the keeping, %v", len(left), len(before), err)
	}
}
