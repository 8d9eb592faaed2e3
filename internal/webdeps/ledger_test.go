package webdeps

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/docread"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/services"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/web"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// testDeps are the pages' Deps with the database under them, which the
// tests fill directly; the pages themselves reach it only through the
// services.
type testDeps struct {
	*Deps
	Store *store.DB
}

// ledgerDeps builds the services over a fresh database of kind, with an
// office account signed in on the returned context.
func ledgerDeps(t *testing.T, kind string) (*testDeps, context.Context) {
	t.Helper()
	db := storetest.Open(t, kind)
	now := func() time.Time { return time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC) }
	d := &testDeps{Deps: &Deps{Services: services.New(db, services.Options{Now: now})}, Store: db}
	if err := d.Calendar.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	u, err := db.CreateUser(context.Background(), audit.System, records.UserCreate{Username: "office", DisplayName: "督查室", PasswordHash: "x", Role: authz.Office})
	if err != nil {
		t.Fatal(err)
	}
	return d, web.WithCurrentUser(context.Background(), web.CurrentUser{ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Role: "office"})
}

// TestExportPagesThroughEveryTask: an export reads the ledger 500 tasks
// at a time and writes every one of them, not the first page.
func TestExportPagesThroughEveryTask(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, ctx := ledgerDeps(t, kind)
			const n = 1203
			tasks := make([]plandoc.Task, n)
			for i := range tasks {
				tasks[i] = plandoc.Task{Path: []string{fmt.Sprint(i + 1)}, Title: fmt.Sprintf("任务%d", i+1), Units: []string{"市法制办"}}
			}
			if _, _, err := d.Store.ImportPlan(ctx, records.PlanImport{SourceName: "big.txt", SourceSHA256: strings.Repeat("c", 64),
				Format: "text", Plan: &plandoc.Plan{Title: "大方案", Tasks: tasks}}); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := d.Web().Tasks.Export(ctx, web.TaskFilter{Q: "任务"}, &buf); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows(f.GetSheetName(0))
			if err != nil {
				t.Fatal(err)
			}
			got := 0
			for _, r := range rows {
				if len(r) > 1 && strings.HasPrefix(r[1], "任务") {
					got++
				}
			}
			if got != n {
				t.Errorf("exported %d tasks, want %d", got, n)
			}
			if !strings.Contains(rows[1][0], "关键词：任务") {
				t.Errorf("subtitle %q does not name the filter", rows[1][0])
			}
		})
	}
}

// TestReviewThroughThePages: the pages' intake is the service's, its
// refusals turned into the pages' errors: keys at form fields, the names
// of tasks without units, 403 for a liaison.
func TestReviewThroughThePages(t *testing.T) {
	d, ctx := ledgerDeps(t, "sqlite")
	u, err := d.Store.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市司法局", Kind: records.UnitDepartment, Aliases: []string{"市法制办"}})
	if err != nil {
		t.Fatal(err)
	}
	plans := d.Web().Plans
	var ve *web.ValidationError
	if _, _, err := plans.Import(ctx, "方案.pdf", []byte("x")); !errors.As(err, &ve) || ve.Fields["file"] != "plans.error.type" {
		t.Errorf("a .pdf: %v", err)
	}
	if _, _, err := plans.Import(ctx, "通知.txt", []byte("关于召开会议的通知\n\n请准时参加。\n")); !errors.As(err, &ve) || ve.Fields["file"] != "error.plan_no_tasks" {
		t.Errorf("a document without tasks: %v", err)
	}
	id, existed, err := plans.Import(ctx, "方案.txt", []byte("某方案\n\n一、建立台账。(责任单位:市法制办)\n二、开展督查。\n"))
	if err != nil || existed {
		t.Fatalf("import: %d %v %v", id, existed, err)
	}
	rv, err := plans.Review(ctx, id)
	if err != nil || len(rv.Tasks) != 2 || rv.NoUnit != 1 {
		t.Fatalf("review: %+v, %v", rv, err)
	}
	first := rv.Tasks[0].ID
	title := "建立台账"
	if err := plans.UpdateTask(ctx, id, first, web.TaskEdit{Title: &title, Units: []web.UnitLink{{Name: "市府法制", UnitID: u.ID, Lead: true}}}); err != nil {
		t.Fatal(err)
	}
	if task, _ := d.Store.FindTaskByID(ctx, first); fmt.Sprint(task.UnitLinks) != fmt.Sprint([]records.UnitLink{{Name: "市司法局", Lead: true, UnitID: u.ID}}) {
		t.Errorf("a name linked to a unit it does not match takes the unit's name: %v", task.UnitLinks)
	}
	if err := plans.UpdateTask(ctx, id, first, web.TaskEdit{Title: &title, Units: []web.UnitLink{{Name: "x", UnitID: 999}}}); !errors.As(err, &ve) || ve.Fields["units"] != "error.unit_not_found" {
		t.Errorf("a link to no unit: %v", err)
	}
	// A post carrying only the title keeps the units it left out.
	renamed := "建立工作台账"
	if err := plans.UpdateTask(ctx, id, first, web.TaskEdit{Title: &renamed}); err != nil {
		t.Fatal(err)
	}
	if task, _ := d.Store.FindTaskByID(ctx, first); task.Title != renamed || len(task.UnitLinks) != 1 {
		t.Errorf("a title-only post cleared the units: %+v", task)
	}
	if err := plans.UpdatePlan(ctx, id, web.PlanEdit{Title: "", Year: 2026}); !errors.As(err, &ve) || ve.Fields["title"] != "error.required" {
		t.Errorf("a blank title: %v", err)
	}
	var ul *web.UnitlessError
	if err := plans.Confirm(ctx, id, false); !errors.As(err, &ul) || len(ul.Tasks) != 1 || ul.Tasks[0] != (web.TaskRef{ID: rv.Tasks[1].ID, Path: "二", Title: "开展督查"}) {
		t.Errorf("confirm with a task without unit: %v", err)
	}
	if err := plans.Confirm(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	// After 挂号 the review route edits nothing: the task is not cleared.
	if err := plans.UpdateTask(ctx, id, first, web.TaskEdit{Title: &title, Units: []web.UnitLink{}}); !errors.As(err, &ve) || ve.Fields[""] != "plans.error.not_draft" {
		t.Errorf("a review edit of a registered task: %v", err)
	}
	if task, _ := d.Store.FindTaskByID(ctx, first); task.Title != renamed || len(task.UnitLinks) != 1 {
		t.Errorf("a registered task changed through the review route: %+v", task)
	}
	if err := plans.Discard(ctx, id); !errors.As(err, &ve) || ve.Fields[""] != "plans.error.discard_confirmed" {
		t.Errorf("discard a confirmed plan: %v", err)
	}
	lu, err := d.Store.CreateUser(ctx, audit.System, records.UserCreate{Username: "lianluo", PasswordHash: "x", Role: authz.Liaison, Units: []int64{u.ID}})
	if err != nil {
		t.Fatal(err)
	}
	lctx := web.WithCurrentUser(context.Background(), web.CurrentUser{ID: lu.ID, Username: lu.Username, Role: "liaison"})
	if _, err := plans.AddTask(lctx, id, web.NewTask{Title: "x"}); !errors.Is(err, web.ErrForbidden) {
		t.Errorf("a liaison adds a task: %v", err)
	}
}

// TestTaskPageShowsSupervision: the steps the rules took on a task reach
// its page newest first, each explained by the calendar, a caught-up step
// told apart from one taken on its day.
func TestTaskPageShowsSupervision(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, ctx := ledgerDeps(t, kind)
			unit, err := d.Store.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市法制办", Kind: records.UnitDepartment})
			if err != nil {
				t.Fatal(err)
			}
			id, _, err := d.Store.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("d", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "任务", Units: []string{"市法制办"}}}}})
			if err != nil {
				t.Fatal(err)
			}
			list, _, err := d.Store.FindTasks(ctx, records.TaskFilter{PlanID: id})
			if err != nil || len(list) != 1 {
				t.Fatalf("tasks %v, %v", list, err)
			}
			task := list[0].ID
			day := func(s string) time.Time { v, _ := time.Parse(time.DateOnly, s); return v }
			press := supervise.Event{Key: fmt.Sprintf("t%d/press/2026-02-27", task), TaskID: task, Kind: supervise.KindPress,
				Due: day("2026-02-27"), On: day("2026-03-02"), Basis: day("2026-02-27"), Workdays: 1, Recorded: day("2026-03-04")}
			notice := supervise.Event{Key: fmt.Sprintf("t%d/notice/2026-02-27", task), TaskID: task, Kind: supervise.KindNotice,
				Level: "blue", Label: "蓝色督办单", Due: day("2026-02-27"), On: day("2026-03-09"), Basis: day("2026-03-02"), Workdays: 5,
				Deadline: day("2026-03-16"), Recorded: day("2026-03-09")}
			if _, err := d.Store.RecordSupervision(ctx, []supervise.Event{press, notice}, func(supervise.Event) []records.Notification { return nil }); err != nil {
				t.Fatal(err)
			}
			got, err := d.Web().Tasks.Get(ctx, task)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Supervision) != 2 {
				t.Fatalf("supervision %+v, want 2 steps", got.Supervision)
			}
			first, second := got.Supervision[0], got.Supervision[1]
			if first.Kind != "notice" || first.Title != "蓝色督办单" || !first.On.Equal(notice.On) || !first.Deadline.Equal(notice.Deadline) || first.CaughtUp {
				t.Errorf("newest step %+v, want the blue notice of 2026-03-09, on time", first)
			}
			if second.Kind != "press" || second.Title != "催办" || !second.CaughtUp || !second.Deadline.IsZero() {
				t.Errorf("older step %+v, want the caught-up 催办", second)
			}
			if !strings.Contains(first.Explain, "限期整改 5 个工作日，截至 2026-03-16") || !strings.Contains(second.Explain, "2026-03-02") {
				t.Errorf("explanations %q / %q do not count the working days", first.Explain, second.Explain)
			}

			// 整改反馈: the office may not answer for the unit; the unit's
			// liaison answers the notice once, and the page shows it.
			if err := d.Web().Tasks.Answer(ctx, task, notice.Key, "已整改", nil); !errors.Is(err, web.ErrForbidden) {
				t.Errorf("the office answered a notice: %v", err)
			}
			lu, err := d.Store.CreateUser(ctx, audit.System, records.UserCreate{Username: "fazhiban", PasswordHash: "x", Role: authz.Liaison, Units: []int64{unit.ID}})
			if err != nil {
				t.Fatal(err)
			}
			lctx := web.WithCurrentUser(context.Background(), web.CurrentUser{ID: lu.ID, Username: lu.Username, Role: "liaison"})
			var ve *web.ValidationError
			if err := d.Web().Tasks.Answer(lctx, task, notice.Key, "", nil); !errors.As(err, &ve) || ve.Fields["text"] != "error.required" {
				t.Errorf("an empty answer: %v", err)
			}
			if err := d.Web().Tasks.Answer(lctx, task, press.Key, "已整改", nil); !errors.Is(err, web.ErrNotFound) {
				t.Errorf("a 催办 was answered: %v", err)
			}
			if d.Files, err = files.Open(t.TempDir()); err != nil {
				t.Fatal(err)
			}
			d.Ledger.Files = d.Files
			if err := d.Web().Tasks.Answer(lctx, task, notice.Key, "制度已印发", []web.Upload{upload("制度.pdf", "%PDF-1.4\n%%EOF\n")}); err != nil {
				t.Fatal(err)
			}
			if err := d.Web().Tasks.Answer(lctx, task, notice.Key, "再答", nil); !errors.As(err, &ve) || ve.Fields[""] != "error.answered" {
				t.Errorf("a second answer: %v", err)
			}
			dl, err := d.Web().Tasks.Notice(lctx, task, notice.Key)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(dl.Body)
			doc, err := docread.Read(dl.Filename, body)
			if err != nil {
				t.Fatal(err)
			}
			if text := docread.Text(doc); dl.Filename != fmt.Sprintf("督办通知书-%d-1.docx", task) || !strings.Contains(text, "市法制办：") ||
				!strings.Contains(text, fmt.Sprintf("督办〔2026〕%d-1号", task)) || !strings.Contains(text, "于2026年3月16日前完成整改") || !strings.Contains(text, "《方案》确定的“任务”任务应于2026年2月27日前完成，经催办后仍未按期完成。") {
				t.Errorf("notice %s reads:\n%s", dl.Filename, text)
			}
			if _, err := d.Web().Tasks.Notice(lctx, task, press.Key); !errors.Is(err, web.ErrNotFound) {
				t.Errorf("a 催办 has a notice document: %v", err)
			}
			got, err = d.Web().Tasks.Get(lctx, task)
			if err != nil {
				t.Fatal(err)
			}
			a := got.Supervision[0]
			if !a.Answered || a.Answer != "制度已印发" || len(a.Evidence) != 1 || a.Evidence[0].Filename != "制度.pdf" {
				t.Fatalf("notice after the answer: %+v", a)
			}
			if dl, err := d.Web().Tasks.Attachment(ctx, a.Evidence[0].ID); err != nil || dl.Filename != "制度.pdf" {
				t.Errorf("the office downloads the evidence: %+v, %v", dl, err)
			}
		})
	}
}
