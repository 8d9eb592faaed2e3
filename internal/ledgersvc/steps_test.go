package ledgersvc

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/report"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// world is a ledger of one registered task (two milestones, one target)
// and one draft task, both of 市法制办, with the office and the unit's
// liaison.
type world struct {
	s               *Service
	db              *store.DB
	task, draft     int64
	office, liaison authz.Principal
	officeActor     audit.Actor
	liaisonActor    audit.Actor
}

func newWorld(t *testing.T, kind string) *world {
	t.Helper()
	ctx := context.Background()
	db := storetest.Open(t, kind)
	fs, err := files.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	w := &world{db: db, s: &Service{Store: db, Calendar: workday.Default(), Rules: ledger.DefaultRules, Files: fs,
		Now: func() time.Time { return time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC) }}}
	unit, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市法制办", Kind: records.UnitDepartment})
	if err != nil {
		t.Fatal(err)
	}
	task := plandoc.Task{Path: []string{"1"}, Title: "任务", Units: []string{"市法制办"},
		Milestones: []plandoc.Milestone{{Text: "起草"}, {Text: "印发"}}, Targets: []plandoc.Target{{Text: "覆盖率", Value: 95, Unit: "%"}}}
	for i, draft := range []bool{false, true} {
		id, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat(string(rune('a'+i)), 64), Format: "text",
			Draft: draft, Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{task}}})
		if err != nil {
			t.Fatal(err)
		}
		p, err := db.FindPlanByID(ctx, id)
		if err != nil || len(p.Tasks) != 1 {
			t.Fatalf("plan %v, %v", p, err)
		}
		if draft {
			w.draft = p.Tasks[0].ID
		} else {
			w.task = p.Tasks[0].ID
		}
	}
	o, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: "ducha", DisplayName: "督查室", PasswordHash: "x", Role: authz.Office})
	if err != nil {
		t.Fatal(err)
	}
	l, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: "lianluo", DisplayName: "张联络", PasswordHash: "x", Role: authz.Liaison, Units: []int64{unit.ID}})
	if err != nil {
		t.Fatal(err)
	}
	w.office, w.officeActor = o.Principal(), audit.Actor{ID: o.ID, Username: o.Username}
	w.liaison, w.liaisonActor = l.Principal(), audit.Actor{ID: l.ID, Username: l.Username}
	return w
}

// fieldKey is the catalogue key err gives field, or "".
func fieldKey(err error, field string) string {
	if e := fault.As(err); e != nil && e.Code == fault.Invalid {
		return e.Fields[field]
	}
	return ""
}

func upload(name, content string) Upload {
	return Upload{Name: name, Size: int64(len(content)), Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(content)), nil }}
}

// TestTextLimit: a report, a 销号 application, an answer to a 督办单 and
// a returned application's reason are at most MaxText characters, the
// same for every caller; MaxText itself is taken.
func TestTextLimit(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			w := newWorld(t, kind)
			ctx := context.Background()
			long, full := strings.Repeat("进", MaxText+1), strings.Repeat("进", MaxText)
			if _, _, err := w.s.Report(ctx, w.liaison, w.liaisonActor, w.task, ReportInput{Text: long}); fieldKey(err, "text") != "error.text_too_long" {
				t.Errorf("a long report: %v", err)
			}
			if _, _, err := w.s.Report(ctx, w.liaison, w.liaisonActor, w.task, ReportInput{Text: "  "}); fieldKey(err, "text") != "error.required" {
				t.Errorf("a blank report: %v", err)
			}
			if _, err := w.s.RequestClose(ctx, w.liaison, w.liaisonActor, w.task, long, nil); fieldKey(err, "text") != "error.text_too_long" {
				t.Errorf("a long 销号 application: %v", err)
			}
			if err := w.s.Answer(ctx, w.liaison, w.liaisonActor, w.task, "t1/notice/x", long, nil); fieldKey(err, "text") != "error.text_too_long" {
				t.Errorf("a long answer: %v", err)
			}
			if _, err := w.s.Decide(ctx, w.office, w.officeActor, w.task, false, long); fieldKey(err, "reason") != "error.text_too_long" {
				t.Errorf("a long reason: %v", err)
			}
			if _, err := w.s.Decide(ctx, w.office, w.officeActor, w.task, false, ""); fieldKey(err, "reason") != "error.required" {
				t.Errorf("a return without a reason: %v", err)
			}
			if _, _, err := w.s.Report(ctx, w.liaison, w.liaisonActor, w.task, ReportInput{Text: full}); err != nil {
				t.Errorf("a report of exactly %d characters: %v", MaxText, err)
			}
		})
	}
}

// TestReportChecks: the percent, milestones and targets of a report are
// checked as fields, every problem at once, before anything is stored.
func TestReportChecks(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			w := newWorld(t, kind)
			ctx := context.Background()
			over := 120.0
			_, _, err := w.s.Report(ctx, w.liaison, w.liaisonActor, w.task, ReportInput{Text: "进展", Percent: &over,
				MilestonesDone: []int{2}, Targets: map[int]float64{-1: 3}})
			if fieldKey(err, "percent") != "error.percent_range" || fieldKey(err, "milestones") != "error.invalid" || fieldKey(err, "targets") != "error.invalid" {
				t.Errorf("a bad report: %v", err)
			}
			if p, _ := w.db.FindProgress(ctx, w.task); len(p) != 0 {
				t.Errorf("a refused report was stored: %+v", p)
			}
			half := 50.0
			if _, _, err := w.s.Report(ctx, w.liaison, w.liaisonActor, w.task, ReportInput{Text: "进展", Percent: &half,
				MilestonesDone: []int{1}, Targets: map[int]float64{0: 90}}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := w.s.Report(ctx, w.office, w.officeActor, w.task, ReportInput{Text: "代报"}); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("the office reported for the unit: %v", err)
			}
		})
	}
}

// TestDraftsAreNoUnitsBusiness: a draft task does not exist for a unit:
// it cannot report on it, apply for its 销号 or read its supervision
// record; the office reads it.
func TestDraftsAreNoUnitsBusiness(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			w := newWorld(t, kind)
			ctx := context.Background()
			if _, _, err := w.s.Report(ctx, w.liaison, w.liaisonActor, w.draft, ReportInput{Text: "进展"}); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("report on a draft: %v", err)
			}
			if _, err := w.s.RequestClose(ctx, w.liaison, w.liaisonActor, w.draft, "完成", nil); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("销号 of a draft: %v", err)
			}
			if _, err := w.s.Supervision(ctx, w.liaison, w.draft); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("a draft's supervision record: %v", err)
			}
			if steps, err := w.s.Supervision(ctx, w.office, w.draft); err != nil || len(steps) != 0 {
				t.Errorf("the office reads a draft's record: %v, %v", steps, err)
			}
			if steps, err := w.s.Supervision(ctx, w.liaison, w.task); err != nil || steps == nil {
				t.Errorf("the unit reads its task's record: %v, %v", steps, err)
			}
		})
	}
}

// TestKeep: uploads are refused with the catalogue's keys at "files" for
// every way in; an allowed file is kept and attached.
func TestKeep(t *testing.T) {
	w := newWorld(t, "sqlite")
	big := upload("大.pdf", "%PDF-1.4")
	big.Size = files.MaxSize + 1
	for _, c := range []struct {
		up   Upload
		want string
	}{
		{big, "error.file_too_large"},
		{upload("a.exe", "MZ\x90\x00"), "error.file_type"},
		{upload("空.pdf", ""), "error.file_empty"},
	} {
		if _, err := w.s.Keep([]Upload{c.up}); fieldKey(err, FilesField) != c.want {
			t.Errorf("%s: %v, want %s", c.up.Name, err, c.want)
		}
	}
	ctx := context.Background()
	id, err := w.s.RequestClose(ctx, w.liaison, w.liaisonActor, w.task, "已完成", []Upload{upload("佐证.pdf", "%PDF-1.4\n%%EOF\n")})
	if err != nil || id == 0 {
		t.Fatalf("销号 with evidence: %d, %v", id, err)
	}
	reqs, err := w.db.FindCloseRequests(ctx, w.task)
	if err != nil || len(reqs) != 1 || len(reqs[0].Attachments) != 1 {
		t.Fatalf("close requests %+v, %v", reqs, err)
	}
	a, f, err := w.s.Attachment(ctx, w.liaison, audit.System, reqs[0].Attachments[0].ID)
	if err != nil || a.Filename != "佐证.pdf" {
		t.Fatalf("download: %+v, %v", a, err)
	}
	f.Close()
	task, err := w.s.Decide(ctx, w.office, w.officeActor, w.task, true, "")
	if err != nil || task.Workflow != string(ledger.Closed) {
		t.Errorf("销号: %+v, %v", task, err)
	}
}

// TestHistoryAndExportName: the task's history and the exported sheet
// name people by their display names; the export is in the audit log.
func TestHistoryAndExportName(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			w := newWorld(t, kind)
			ctx := context.Background()
			if _, _, err := w.s.Report(ctx, w.liaison, w.liaisonActor, w.task, ReportInput{Text: "进展"}); err != nil {
				t.Fatal(err)
			}
			d, err := w.s.Detail(ctx, w.office, w.task)
			if err != nil {
				t.Fatal(err)
			}
			named := false
			for _, e := range d.History {
				if e.Actor == "lianluo" {
					t.Errorf("history shows the account name: %+v", e)
				}
				named = named || e.Actor == "张联络"
			}
			if !named || d.PlanTitle != "方案" {
				t.Errorf("history %+v, plan %q: want 张联络 and 方案", d.History, d.PlanTitle)
			}
			var buf bytes.Buffer
			if err := w.s.Export(ctx, w.office, w.officeActor, records.TaskFilter{}, &buf); err != nil {
				t.Fatal(err)
			}
			x, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			rows, _ := x.GetRows(x.GetSheetName(0))
			if len(rows) < 2 || !strings.Contains(strings.Join(rows[1], ""), "生成人：督查室") {
				t.Errorf("sheet head %v does not name 督查室", rows[:min(2, len(rows))])
			}
			entries, _, err := w.db.FindAudit(ctx, records.AuditFilter{Action: "ledger.export"})
			if err != nil || len(entries) != 1 || entries[0].Actor != "ducha" {
				t.Errorf("audit of the export: %+v, %v", entries, err)
			}
		})
	}
}

// TestImportTextLimit: a sheet's progress text is held to MaxText like
// a report typed on the page; the whole sheet is refused, the row named.
func TestImportTextLimit(t *testing.T) {
	w := newWorld(t, "sqlite")
	ctx := context.Background()
	var buf bytes.Buffer
	if err := w.s.Export(ctx, w.liaison, w.liaisonActor, records.TaskFilter{}, &buf); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sheet := x.GetSheetName(0)
	rows, _ := x.GetRows(sheet)
	// The header names 进展情况 and 任务编号; the task's row carries its id.
	col, idCol, row := -1, -1, -1
	for r, cells := range rows {
		for c, v := range cells {
			switch {
			case v == "进展情况":
				col = c
			case v == "任务编号":
				idCol = c
			case idCol >= 0 && c == idCol && v == strconv.FormatInt(w.task, 10):
				row = r
			}
		}
	}
	if col < 0 || row < 0 {
		t.Fatalf("no 进展情况 column or task row in %q", rows)
	}
	cell, _ := excelize.CoordinatesToCellName(col+1, row+1)
	x.SetCellValue(sheet, cell, strings.Repeat("进", MaxText+1))
	var out bytes.Buffer
	if err := x.Write(&out); err != nil {
		t.Fatal(err)
	}
	_, err = w.s.ImportProgress(ctx, w.liaison, w.liaisonActor, &out, "台账.xlsx")
	var se *report.SheetError
	if !errors.As(err, &se) || len(se.Errors) != 1 || se.Errors[0].Key != "report.import.text_too_long" || se.Errors[0].Row != row+1 {
		t.Fatalf("a sheet with a long text: %v", err)
	}
	if p, _ := w.db.FindProgress(ctx, w.task); len(p) != 0 {
		t.Errorf("a refused sheet was stored: %+v", p)
	}
}
