package subtasksvc

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// world is a registered task led by 市法制办 with 市司法局 配合, and a unit
// outside it (市财政局), with a liaison of each, the office and a leader.
type world struct {
	s                  *Service
	db                 *store.DB
	task               int64
	lead, co, other    records.Unit
	office, leader     authz.Principal
	leadL, coL, otherL authz.Principal
}

func newWorld(t *testing.T, kind string) *world {
	t.Helper()
	ctx := context.Background()
	db := storetest.Open(t, kind)
	ls := &ledgersvc.Service{Store: db, Calendar: workday.Default(), Rules: ledger.DefaultRules,
		Now: func() time.Time { return time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC) }}
	w := &world{db: db, s: &Service{Store: db, Ledger: ls}}
	unit := func(name string) records.Unit {
		u, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: name, Kind: records.UnitDepartment})
		if err != nil {
			t.Fatal(err)
		}
		return *u
	}
	w.lead, w.co, w.other = unit("市法制办"), unit("市司法局"), unit("市财政局")
	task := plandoc.Task{Path: []string{"1"}, Title: "完善行政决策机制", Units: []string{"市法制办", "市司法局"}, LeadUnits: []string{"市法制办"},
		Deadlines: []plandoc.Deadline{{Text: "2026年底前", Due: "2026-12-31"}}}
	id, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("a", 64), Format: "text",
		Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{task}}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := db.FindPlanByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	w.task = p.Tasks[0].ID
	user := func(name string, role authz.Role, units ...int64) authz.Principal {
		u, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: name, PasswordHash: "x", Role: role, Units: units})
		if err != nil {
			t.Fatal(err)
		}
		return u.Principal()
	}
	w.office, w.leader = user("ducha", authz.Office), user("lingdao", authz.Leader)
	w.leadL, w.coL, w.otherL = user("fazhiban", authz.Liaison, w.lead.ID), user("sifaju", authz.Liaison, w.co.ID), user("caizheng", authz.Liaison, w.other.ID)
	return w
}

func actorOf(p authz.Principal) audit.Actor { return audit.Actor{ID: p.UserID, Username: p.Username} }

func weight(v float64) *float64 { return &v }

// TestSplitMatrix: who may split a task and who may read its breakdown.
func TestSplitMatrix(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			w := newWorld(t, kind)
			ctx := context.Background()
			cases := []struct {
				name      string
				p         authz.Principal
				split     error // nil: allowed
				read      error
				canSplit  bool
				unitOther bool // may give a sub-task to a unit outside the task
			}{
				{"office", w.office, nil, nil, true, true},
				{"lead unit's liaison", w.leadL, nil, nil, true, false},
				{"配合-only liaison", w.coL, fault.ErrForbidden, nil, false, false},
				{"other unit's liaison", w.otherL, fault.ErrForbidden, fault.ErrForbidden, false, false},
				{"leader reads only", w.leader, fault.ErrForbidden, nil, false, false},
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					b, err := w.s.List(ctx, c.p, w.task)
					if !errIs(err, c.read) {
						t.Fatalf("List = %v, want %v", err, c.read)
					}
					if err == nil && b.CanSplit != c.canSplit {
						t.Errorf("CanSplit = %v, want %v", b.CanSplit, c.canSplit)
					}
					outside := []Input{{Title: "外部单位子任务", UnitID: w.other.ID, Due: "2026-10-31"}}
					_, err = w.s.Split(ctx, c.p, actorOf(c.p), w.task, outside)
					switch {
					case c.split != nil:
						if !errIs(err, c.split) {
							t.Fatalf("Split = %v, want %v", err, c.split)
						}
					case c.unitOther:
						if err != nil {
							t.Fatalf("Split to another unit = %v", err)
						}
					default:
						if k := fieldKey(err, "subtasks.1.unit"); k != "subtasks.error.unit_not_of_task" {
							t.Fatalf("Split to another unit = %v, want unit_not_of_task", err)
						}
					}
					if c.split == nil {
						own := []Input{{Title: c.name + "的子任务", UnitID: w.co.ID, Due: "2026-10-31", Weight: weight(2)}}
						got, err := w.s.Split(ctx, c.p, actorOf(c.p), w.task, own)
						if err != nil || len(got) != 1 || got[0].ParentID != w.task || got[0].PartWeight != 2 ||
							got[0].UnitIDs[0] != w.co.ID || got[0].Due != "2026-10-31" {
							t.Fatalf("Split = %+v, %v", got, err)
						}
					}
				})
			}
		})
	}
}

// TestSplitRollsUp is the must-show: a task split into two sub-tasks
// reports its progress from them (100 % and 50 %, weights 1 and 1: 75 %).
func TestSplitRollsUp(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			w := newWorld(t, kind)
			ctx := context.Background()
			kids, err := w.s.Split(ctx, w.leadL, actorOf(w.leadL), w.task, []Input{
				{Title: "起草决策程序规定", UnitID: w.lead.ID, Due: "2026-06-30"},
				{Title: "开展合法性审查", UnitID: w.co.ID, Due: "2026-11-30"},
			})
			if err != nil {
				t.Fatal(err)
			}
			// Each sub-task is its unit's own task in the ledger.
			list, _, err := w.s.Ledger.List(ctx, w.coL, records.TaskFilter{})
			if err != nil {
				t.Fatal(err)
			}
			seen := false
			for _, tk := range list {
				seen = seen || tk.ID == kids[1].ID
			}
			if !seen {
				t.Errorf("the 配合 unit's list lacks its sub-task: %+v", list)
			}
			for i, pct := range []float64{100, 50} {
				p := w.leadL
				if i == 1 {
					p = w.coL
				}
				if _, _, err := w.s.Ledger.Report(ctx, p, actorOf(p), kids[i].ID, ledgersvc.ReportInput{Text: "进展", Percent: &pct}); err != nil {
					t.Fatal(err)
				}
			}
			b, err := w.s.List(ctx, w.leader, w.task)
			if err != nil {
				t.Fatal(err)
			}
			if b.RollUp == nil || *b.RollUp != 75 || len(b.Subtasks) != 2 || *b.Subtasks[0].Percent != 100 || *b.Subtasks[1].Percent != 50 {
				t.Fatalf("breakdown = %+v", b)
			}
			d, err := w.s.Ledger.Detail(ctx, w.leader, w.task)
			if err != nil || d.Percent == nil || *d.Percent != 75 {
				t.Fatalf("the parent's percent = %v, %v; want 75", d.Percent, err)
			}
			// A sub-task is not split again; its breakdown names its parent.
			if _, err := w.s.Split(ctx, w.leadL, actorOf(w.leadL), kids[0].ID, []Input{{Title: "x", UnitID: w.lead.ID, Due: "2026-05-01"}}); !errIs(err, fault.ErrState) {
				t.Errorf("splitting a sub-task = %v, want a state refusal", err)
			}
			if sb, err := w.s.List(ctx, w.leadL, kids[0].ID); err != nil || sb.Parent == nil || sb.Parent.ID != w.task || sb.CanSplit {
				t.Errorf("a sub-task's breakdown = %+v, %v", sb, err)
			}
		})
	}
}

// TestSplitValidation: every problem is named at its row and field, and
// nothing is stored.
func TestSplitValidation(t *testing.T) {
	w := newWorld(t, "sqlite")
	ctx := context.Background()
	_, err := w.s.Split(ctx, w.office, actorOf(w.office), w.task, []Input{
		{Title: "好的", UnitID: w.lead.ID, Due: "2026-06-30"},
		{Title: " ", UnitID: 0, Due: "2026-13-01", Weight: weight(0)},
		{Title: "太晚", UnitID: 9999, Due: "2027-01-31", Weight: weight(101)},
	})
	want := map[string]string{
		"subtasks.2.title": "error.required", "subtasks.2.unit": "error.required", "subtasks.2.due": "error.date_invalid",
		"subtasks.2.weight": "subtasks.error.weight", "subtasks.3.unit": "subtasks.error.unit_unknown",
		"subtasks.3.due": "subtasks.error.after_parent", "subtasks.3.weight": "subtasks.error.weight",
	}
	e := fault.As(err)
	if e == nil || e.Code != fault.Invalid || len(e.Fields) != len(want) {
		t.Fatalf("Split = %v", err)
	}
	for f, k := range want {
		if e.Fields[f] != k {
			t.Errorf("%s = %q, want %q", f, e.Fields[f], k)
		}
		if l := e.Labels[f]; l.Args["n"] == nil {
			t.Errorf("%s names no row: %+v", f, l)
		}
	}
	if _, err := w.s.Split(ctx, w.office, actorOf(w.office), w.task, nil); fieldKey(err, "subtasks") != "subtasks.error.none" {
		t.Errorf("an empty split = %v", err)
	}
	if b, _ := w.s.List(ctx, w.office, w.task); len(b.Subtasks) != 0 {
		t.Errorf("a refused split stored %d sub-tasks", len(b.Subtasks))
	}
}

// TestWorkPlan: a unit's 落实计划 is read into proposed sub-tasks (units
// matched, deadlines kept within the task's), confirmed after review with
// one row dropped and one unit changed; a broken file is named.
func TestWorkPlan(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			w := newWorld(t, kind)
			ctx := context.Background()
			doc := "市法制办关于完善行政决策机制的落实计划\n" +
				"一、起草重大行政决策程序规定（市法制办负责，2026年6月底前完成）\n" +
				"二、开展合法性审查培训（市司法局负责，2026年9月底前完成）\n" +
				"三、建立决策后评估制度（市发改委负责）\n" +
				"四、全面总结（市法制办负责，2027年3月底前完成）\n"
			pr, err := w.s.ReadWorkPlan(ctx, w.leadL, actorOf(w.leadL), w.task, "落实计划.txt", []byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			if pr.File != "落实计划.txt" || len(pr.SHA256) != 64 || len(pr.Rows) != 4 {
				t.Fatalf("proposal = %+v", pr)
			}
			r := pr.Rows
			if r[0].UnitID != w.lead.ID || r[0].Due != "2026-06-30" || r[1].UnitID != w.co.ID || r[1].Due != "2026-09-30" {
				t.Errorf("rows 1-2 = %+v / %+v", r[0], r[1])
			}
			if r[2].UnitID != w.lead.ID || r[2].UnitNamed == "" || r[2].Due != "2026-12-31" || len(r[2].Notes) != 2 {
				t.Errorf("row 3 (a unit not of the task, no deadline) = %+v", r[2])
			}
			if r[3].Due != "2026-12-31" || len(r[3].Notes) != 1 || r[3].Notes[0] != "subtasks.note.due_capped" {
				t.Errorf("row 4 (after the task's deadline) = %+v", r[3])
			}
			if _, err := w.s.ReadWorkPlan(ctx, w.coL, actorOf(w.coL), w.task, "落实计划.txt", []byte(doc)); !errIs(err, fault.ErrForbidden) {
				t.Errorf("a 配合 unit's 落实计划 = %v, want forbidden", err)
			}
			var de *intakesvc.DocumentError
			if _, err := w.s.ReadWorkPlan(ctx, w.leadL, actorOf(w.leadL), w.task, "坏.docx", []byte("PK\x03\x04broken")); !errors.As(err, &de) || de.Name != "坏.docx" {
				t.Errorf("a broken file = %v, want a DocumentError naming it", err)
			}
			if _, err := w.s.ReadWorkPlan(ctx, w.leadL, actorOf(w.leadL), w.task, "扫描件.pdf", []byte("%PDF")); fieldKey(err, "file") != "plans.error.type" {
				t.Errorf("a PDF = %v", err)
			}
			// Review: drop row 3, give row 2 to 市法制办; a bad row names the file.
			rows := []Input{r[0].Input, r[1].Input, r[3].Input}
			rows[1].UnitID = w.lead.ID
			bad := append([]Input{}, rows...)
			bad[2].Due = ""
			src := Source{Name: pr.File, SHA256: pr.SHA256}
			_, err = w.s.ConfirmWorkPlan(ctx, w.leadL, actorOf(w.leadL), w.task, src, bad)
			if e := fault.As(err); e == nil || e.Key != "subtasks.error.in_file" || e.Args["file"] != "落实计划.txt" || e.Fields["subtasks.3.due"] != "error.required" {
				t.Fatalf("a bad confirmation = %v", err)
			}
			if b, _ := w.s.List(ctx, w.leadL, w.task); len(b.Subtasks) != 0 {
				t.Fatalf("a refused confirmation stored %d sub-tasks", len(b.Subtasks))
			}
			got, err := w.s.ConfirmWorkPlan(ctx, w.leadL, actorOf(w.leadL), w.task, src, rows)
			if err != nil || len(got) != 3 || got[1].UnitIDs[0] != w.lead.ID || got[2].Title != r[3].Title {
				t.Fatalf("confirmed = %+v, %v", got, err)
			}
			entries, _, err := w.db.FindAudit(ctx, records.AuditFilter{Action: "task.split"})
			if err != nil || len(entries) != 1 || !strings.Contains(string(entries[0].After), pr.SHA256) {
				t.Errorf("audit = %+v, %v", entries, err)
			}
		})
	}
}

func errIs(err, want error) bool {
	if want == nil {
		return err == nil
	}
	return errors.Is(err, want)
}

// fieldKey is the catalogue key err gives field, or "".
func fieldKey(err error, field string) string {
	if e := fault.As(err); e != nil && e.Code == fault.Invalid {
		return e.Fields[field]
	}
	return ""
}

func TestBareTitle(t *testing.T) {
	for _, tc := range []struct {
		task plandoc.Task
		want string
	}{
		{plandoc.Task{Title: "起草规定（市法制办负责，2026年6月底前完成）", Units: []string{"市法制办"}}, "起草规定"},
		{plandoc.Task{Title: "组织培训(6月底前)", Deadlines: []plandoc.Deadline{{Text: "6月底前"}}}, "组织培训"},
		{plandoc.Task{Title: "建立制度（试行）", Units: []string{"市法制办"}}, "建立制度（试行）"},
		{plandoc.Task{Title: "（市法制办负责）", Units: []string{"市法制办"}}, "（市法制办负责）"},
	} {
		if got := bareTitle(tc.task); got != tc.want {
			t.Errorf("bareTitle(%q) = %q, want %q", tc.task.Title, got, tc.want)
		}
	}
}
