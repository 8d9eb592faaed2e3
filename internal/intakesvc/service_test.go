package intakesvc

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

var (
	office  = authz.Principal{UserID: 1, Username: "ducha", Role: authz.Office}
	liaison = authz.Principal{UserID: 2, Username: "lianluo", Role: authz.Liaison, Units: []int64{1}}
	actor   = audit.Actor{ID: 1, Username: "ducha"}
)

func newService(t *testing.T, kind string) *Service {
	t.Helper()
	db := storetest.Open(t, kind)
	return &Service{Store: db, Ledger: &ledgersvc.Service{Store: db, Calendar: workday.Default(), Rules: ledger.DefaultRules,
		Now: func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }}}
}

// problem is the one problem of an *InputError, or "" when err is none.
func problem(err error) string {
	var bad *InputError
	if !errors.As(err, &bad) || len(bad.Problems) != 1 {
		return ""
	}
	return bad.Problems[0].Field + ":" + bad.Problems[0].Key
}

// conflict is the key of a *ConflictError, or "".
func conflict(err error) string {
	var c *ConflictError
	if !errors.As(err, &c) {
		return ""
	}
	return c.Key
}

// draft is a plan under review of four tasks: 一 and 二 with units,
// 三 (two sentences, two deadlines) and 四 without.
const draft = `关于印发某市营商环境改进方案的通知

一、建立问题台账。2026年6月底前完成。(责任单位:市发改委)
二、开展专项督查。2026年9月底前完成。(责任单位:市财政局)
三、完善考核办法，2026年6月底前出台。开展专项评估，2026年12月底前完成。
四、加强宣传引导。
`

func importDraft(t *testing.T, s *Service) (int64, []records.Task) {
	t.Helper()
	ctx := context.Background()
	res, err := s.Import(ctx, office, actor, Upload{Name: "方案.txt", Data: []byte(draft), Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Store.FindPlanByID(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Tasks) != 4 {
		t.Fatalf("draft has %d tasks: %+v", len(p.Tasks), p.Tasks)
	}
	return res.ID, p.Tasks
}

// TestImportChecks: the page's checks hold for every caller: a known
// extension, a document giving tasks, the office only; a good document is
// kept with its source text.
func TestImportChecks(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			s := newService(t, kind)
			for _, tt := range []struct {
				in   Upload
				want string
			}{
				{Upload{Name: "", Data: []byte(draft)}, "file:plans.error.no_file"},
				{Upload{Name: "方案.pdf", Data: []byte(draft)}, "file:plans.error.type"},
				{Upload{Name: "通知.txt", Data: []byte("关于召开会议的通知\n\n请各单位准时参加。\n")}, "file:error.plan_no_tasks"},
				{Upload{Name: "大.txt", Data: make([]byte, MaxBytes+1)}, "file:plans.error.too_large"},
			} {
				if _, err := s.Import(ctx, office, actor, tt.in); problem(err) != tt.want {
					t.Errorf("import %q: %v, want %s", tt.in.Name, err, tt.want)
				}
			}
			if _, err := s.Import(ctx, liaison, actor, Upload{Name: "方案.txt", Data: []byte(draft)}); !errors.Is(err, ErrForbidden) {
				t.Errorf("a liaison imports: %v", err)
			}
			var de *DocumentError
			if _, err := s.Import(ctx, office, actor, Upload{Name: "坏.docx", Data: []byte("PK\x03\x04 not really a zip")}); !errors.As(err, &de) {
				t.Errorf("an unreadable .docx: %v", err)
			}
			data, err := os.ReadFile("../../demo/seeds/004_0b88acb7f72e79cc.txt")
			if err != nil {
				t.Fatal(err)
			}
			res, err := s.Import(ctx, office, actor, Upload{Name: "some/dir/004.txt", Data: data, Draft: true})
			if err != nil || !res.Created || res.Tasks == 0 {
				t.Fatalf("import seed: %+v, %v", res, err)
			}
			again, err := s.Import(ctx, office, actor, Upload{Name: "004-copy.txt", Data: data, Draft: true})
			if err != nil || again.Created || again.ID != res.ID {
				t.Errorf("second import: %+v, %v", again, err)
			}
			rv, err := s.Review(ctx, office, res.ID)
			if err != nil {
				t.Fatal(err)
			}
			if rv.SourceName != "004.txt" || rv.Status != "draft" || !strings.Contains(rv.SourceText, strings.TrimSpace(strings.SplitN(string(data), "\n", 2)[0])) {
				t.Errorf("review of the seed: %s %s, source %.40q", rv.SourceName, rv.Status, rv.SourceText)
			}
			if _, err := s.Review(ctx, liaison, res.ID); !errors.Is(err, ErrForbidden) {
				t.Errorf("a liaison reviews: %v", err)
			}
		})
	}
}

// TestReviewWarnings: the review shows the document's stored warnings
// first, then what the tasks lack as they stand, and counts honestly.
func TestReviewWarnings(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			s := newService(t, kind)
			plan := &plandoc.Plan{Title: "方案", Year: 2026, Tasks: []plandoc.Task{
				{Path: []string{"1"}, Title: "甲", Units: []string{"市财政局"}, Deadlines: []plandoc.Deadline{{Text: "6月底前", Due: "2026-06-30"}}},
				{Path: []string{"2"}, Title: "乙"},
				{Path: []string{"3"}, Title: "丙", Units: []string{"市发改委"}},
				{Path: []string{"4"}, Title: "保障", Optional: true},
			}}
			annex := plandoc.Warning{Kind: plandoc.WarnUnreadAnnex, Line: 12, Excerpt: "附件2 重点任务清单"}
			id, _, err := s.Store.ImportPlan(ctx, records.PlanImport{SourceName: "a.txt", SourceSHA256: strings.Repeat("ab", 32),
				Format: "text", Plan: plan, Draft: true, Warnings: []plandoc.Warning{annex}})
			if err != nil {
				t.Fatal(err)
			}
			rv, err := s.Review(ctx, office, id)
			if err != nil {
				t.Fatal(err)
			}
			var kinds []string
			for _, w := range rv.Warnings {
				kinds = append(kinds, w.Kind+" "+strings.Join(w.Path, "/"))
			}
			want := []string{"unread_annex ", "no_unit 2", "no_deadline 2", "no_deadline 3"}
			if !reflect.DeepEqual(kinds, want) || rv.NoUnit != 1 || rv.NoDeadline != 2 || !reflect.DeepEqual(rv.Warnings[0], annex) {
				t.Errorf("warnings %v, %d without unit, %d without deadline", kinds, rv.NoUnit, rv.NoDeadline)
			}
		})
	}
}

// TestReviewOperations: every review edit through the service, with its
// checks, and the line a confirmed plan draws.
func TestReviewOperations(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			s := newService(t, kind)
			fgw, _ := s.Store.(*store.DB).CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市发展和改革委员会", Aliases: []string{"市发改委"}, Kind: records.UnitDepartment})
			plan, tasks := importDraft(t, s)
			one, two, three, four := tasks[0].ID, tasks[1].ID, tasks[2].ID, tasks[3].ID

			// The plan's own fields.
			title, blank, badDate, date := "某市营商环境改进方案", " ", "2026-02-30", "2026-03-01"
			year, oddYear := 2026, 226
			if _, err := s.UpdatePlan(ctx, office, actor, plan, records.PlanUpdate{Title: &title, IssuedOn: &date, Year: &year}); err != nil {
				t.Fatal(err)
			}
			for _, tt := range []struct {
				up   records.PlanUpdate
				want string
			}{
				{records.PlanUpdate{Title: &blank}, "title:error.required"},
				{records.PlanUpdate{IssuedOn: &badDate}, "issued_on:error.date_invalid"},
				{records.PlanUpdate{Year: &oddYear}, "year:plans.error.year"},
			} {
				if _, err := s.UpdatePlan(ctx, office, actor, plan, tt.up); problem(err) != tt.want {
					t.Errorf("update plan: %v, want %s", err, tt.want)
				}
			}

			// A task added after 一 takes the next free label after it.
			added, err := s.AddTask(ctx, office, actor, plan, NewTask{After: one, Title: "建立联络机制",
				Units: []records.UnitLink{{Name: "市发改委", Lead: true}}, Deadlines: []plandoc.Deadline{{Text: "4月底前", Due: "2026-04-30"}}})
			if err != nil {
				t.Fatal(err)
			}
			p, _ := s.Store.FindPlanByID(ctx, plan)
			if p.Title != title || p.IssuedOn != date || p.Tasks[1].ID != added.ID || !reflect.DeepEqual(p.Tasks[1].Path, []string{"一-1"}) ||
				!reflect.DeepEqual(p.Tasks[1].UnitIDs, []int64{fgw.ID}) {
				t.Errorf("after add: %s %s; task %+v", p.Title, p.IssuedOn, p.Tasks[1])
			}
			if _, err := s.AddTask(ctx, office, actor, plan, NewTask{After: one}); problem(err) != "title:error.required" {
				t.Errorf("add without a title: %v", err)
			}
			if _, err := s.AddTask(ctx, office, actor, plan, NewTask{After: one, Title: "x", Deadlines: []plandoc.Deadline{{Every: "year"}}}); problem(err) != "deadlines:plans.error.deadline_empty" {
				t.Errorf("add with a nameless 每年: %v", err)
			}
			if _, err := s.AddTask(ctx, office, actor, plan, NewTask{After: 99999, Title: "x"}); problem(err) != "after:plans.error.no_such_task" {
				t.Errorf("add after no task: %v", err)
			}

			// 三 splits at its second sentence, each half with its deadline.
			if _, err := s.SplitTask(ctx, office, actor, plan, three, 2); problem(err) != "at:plans.error.split_at" {
				t.Errorf("split past the end: %v", err)
			}
			half, err := s.SplitTask(ctx, office, actor, plan, three, 1)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := s.Store.FindTaskByID(ctx, three)
			b, _ := s.Store.FindTaskByID(ctx, half.ID)
			if !strings.HasPrefix(a.Text, "完善考核办法") || !strings.HasPrefix(b.Text, "开展专项评估") || b.Title != "开展专项评估，2026年12月底前完成" ||
				len(a.Deadlines) != 1 || a.Deadlines[0].Due != "2026-06-30" || len(b.Deadlines) != 1 || b.Deadlines[0].Due != "2026-12-31" ||
				b.Seq != a.Seq+1 {
				t.Errorf("split: %+v\n%+v", a, b)
			}

			// 二 and 四 merge: 四's text joins 二's, units stay.
			if _, err := s.MergeTasks(ctx, office, actor, plan, two, two); problem(err) != "with:plans.error.merge_self" {
				t.Errorf("merge with itself: %v", err)
			}
			if _, err := s.MergeTasks(ctx, office, actor, plan, two, four); err != nil {
				t.Fatal(err)
			}
			m, _ := s.Store.FindTaskByID(ctx, two)
			if !strings.Contains(m.Text, "开展专项督查") || !strings.HasSuffix(m.Text, "加强宣传引导。") || len(m.Units) != 1 {
				t.Errorf("merged: %+v", m)
			}

			// The added task moves first, with a path of its own; then goes.
			if _, err := s.MoveTask(ctx, office, actor, plan, added.ID, 0, []string{"零"}); err != nil {
				t.Fatal(err)
			}
			p, _ = s.Store.FindPlanByID(ctx, plan)
			if p.Tasks[0].ID != added.ID || p.Tasks[0].Path[0] != "零" {
				t.Errorf("after move: first is %+v", p.Tasks[0])
			}
			if err := s.DeleteTask(ctx, office, actor, plan, added.ID); err != nil {
				t.Fatal(err)
			}

			// A task of this plan is corrected by its plan's id only.
			other, _ := s.Import(ctx, office, actor, Upload{Name: "另一份.txt", Data: []byte(strings.Replace(draft, "营商环境", "政务服务", 1)), Draft: true})
			bad := "新标题"
			if _, err := s.UpdateTask(ctx, office, actor, other.ID, one, records.TaskUpdate{Title: &bad}); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("correct a task through another plan: %v", err)
			}
			if _, err := s.UpdateTask(ctx, office, actor, plan, one, records.TaskUpdate{Title: &blank}); problem(err) != "title:error.required" {
				t.Errorf("blank title: %v", err)
			}
			if _, err := s.UpdateTask(ctx, office, actor, plan, one, records.TaskUpdate{Units: &[]records.UnitLink{{Name: "x", UnitID: 4242}}}); problem(err) != "units:error.unit_not_found" {
				t.Errorf("unknown unit: %v", err)
			}
			// The office picks the registry unit for 市发改委: the name as
			// written matches it by alias and stays.
			got, err := s.UpdateTask(ctx, office, actor, 0, one, records.TaskUpdate{Units: &[]records.UnitLink{{Name: "市发改委", UnitID: fgw.ID, Lead: true}}})
			if err != nil || !reflect.DeepEqual(got.Units, []string{"市发改委"}) || !reflect.DeepEqual(got.UnitIDs, []int64{fgw.ID}) {
				t.Errorf("link a unit: %+v, %v", got, err)
			}

			if _, err := s.Publish(ctx, office, actor, plan, true, false); conflict(err) != "plans.error.publish_draft" {
				t.Errorf("publish a draft: %v", err)
			}

			// Confirm names the tasks without units, unless forced.
			var ul *UnitlessError
			if _, err := s.Confirm(ctx, office, actor, plan, false); !errors.As(err, &ul) || len(ul.Tasks) != 2 || !strings.HasPrefix(ul.Tasks[0].Name(), "三 完善考核办法") || ul.Tasks[0].ID != three || ul.Unmatched != 1 || len(ul.UnmatchedTasks) != 1 || ul.UnmatchedTasks[0].ID != two {
				t.Fatalf("confirm with unitless tasks: %v", err)
			}
			if _, err := s.Confirm(ctx, office, actor, plan, true); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Confirm(ctx, office, actor, plan, true); conflict(err) != "error.plan_confirmed" {
				t.Errorf("second confirm: %v", err)
			}

			// After 挂号 the structure is not edited this way; an
			// assignment still changes.
			if _, err := s.AddTask(ctx, office, actor, plan, NewTask{Title: "晚到的任务"}); conflict(err) != "plans.error.not_draft" || !errors.Is(err, fault.ErrConflict) {
				t.Errorf("add to a confirmed plan: %v", err)
			}
			// Its title alone may still be corrected (RenamePlan); its
			// other fields stay as registered.
			if _, err := s.UpdatePlan(ctx, office, actor, plan, records.PlanUpdate{Title: &bad, Issuer: &bad}); conflict(err) != "plans.error.not_draft" {
				t.Errorf("re-issue a confirmed plan: %v", err)
			}
			if p, err := s.UpdatePlan(ctx, office, actor, plan, records.PlanUpdate{Title: &bad}); err != nil || p.Title != bad {
				t.Errorf("retitle a confirmed plan: %+v %v", p, err)
			}
			if err := s.Discard(ctx, office, actor, plan); conflict(err) != "plans.error.discard_confirmed" || !errors.Is(err, fault.ErrConflict) {
				t.Errorf("discard a confirmed plan: %v", err)
			}
			if _, err := s.Publish(ctx, office, actor, plan, true, false); err != nil {
				t.Errorf("publish the confirmed plan: %v", err)
			}
			// A registered task's assignment changes through the task's own
			// route (plan 0), never by a review edit naming its plan.
			owner := "张科长"
			if _, err := s.UpdateTask(ctx, office, actor, plan, one, records.TaskUpdate{Owner: &owner}); conflict(err) != "plans.error.not_draft" {
				t.Errorf("a review edit of a registered task: %v", err)
			}
			if _, err := s.UpdateTask(ctx, office, actor, 0, one, records.TaskUpdate{Owner: &owner}); err != nil {
				t.Errorf("correct a registered task: %v", err)
			}

			// A draft goes entirely.
			if err := s.Discard(ctx, office, actor, other.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Store.FindPlanByID(ctx, other.ID); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("discarded draft: %v", err)
			}
		})
	}
}

// TestOnlyTheOffice: a liaison may do none of the review operations.
func TestOnlyTheOffice(t *testing.T) {
	s := newService(t, "sqlite")
	ctx := context.Background()
	plan, tasks := importDraft(t, s)
	task := tasks[0].ID
	title := "x"
	for name, call := range map[string]func() error{
		"update plan": func() error {
			_, err := s.UpdatePlan(ctx, liaison, actor, plan, records.PlanUpdate{Title: &title})
			return err
		},
		"update task": func() error {
			_, err := s.UpdateTask(ctx, liaison, actor, plan, task, records.TaskUpdate{Title: &title})
			return err
		},
		"add":     func() error { _, err := s.AddTask(ctx, liaison, actor, plan, NewTask{Title: "x"}); return err },
		"delete":  func() error { return s.DeleteTask(ctx, liaison, actor, plan, task) },
		"split":   func() error { _, err := s.SplitTask(ctx, liaison, actor, plan, task, 1); return err },
		"merge":   func() error { _, err := s.MergeTasks(ctx, liaison, actor, plan, task, tasks[1].ID); return err },
		"move":    func() error { _, err := s.MoveTask(ctx, liaison, actor, plan, task, 0, nil); return err },
		"discard": func() error { return s.Discard(ctx, liaison, actor, plan) },
		"confirm": func() error { _, err := s.Confirm(ctx, liaison, actor, plan, true); return err },
		"publish": func() error { _, err := s.Publish(ctx, liaison, actor, plan, true, false); return err },
	} {
		if err := call(); !errors.Is(err, ErrForbidden) {
			t.Errorf("%s as a liaison: %v", name, err)
		}
	}
}

// TestUntitledPlanNamedByFile (issue 14, defect 3): a document that
// gives no title (seed 002 of the demo) is stored under its file's name,
// without folder or extension, so that every list, link and portal row
// has a title; a document with a title keeps its own.
func TestUntitledPlanNamedByFile(t *testing.T) {
	data, err := os.ReadFile("../../demo/seeds/002_0dd53b290f14253f.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := newService(t, "sqlite")
	ctx := context.Background()
	res, err := s.Import(ctx, office, actor, Upload{Name: `C:\下载\2019年工作要点.txt`, Data: data, Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	pl, err := s.Store.(*store.DB).FindPlanByID(ctx, res.ID)
	if err != nil || res.Title != "2019年工作要点" || pl.Title != "2019年工作要点" || !res.Untitled {
		t.Errorf("untitled plan stored as %q (import said %q), %v", pl.Title, res.Title, err)
	}
	seed, err := os.ReadFile("../../demo/seeds/003_e50bc25d11ad62e1.txt")
	if err != nil {
		t.Fatal(err)
	}
	titled, err := s.Import(ctx, office, actor, Upload{Name: "文件.txt", Data: seed, Draft: true})
	if err != nil || titled.Title == "文件" || titled.Title == "" || titled.Untitled {
		t.Errorf("a titled document named %q, %v", titled.Title, err)
	}
}
