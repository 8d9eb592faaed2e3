package mattersvc_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/services"
	"github.com/duban/duban/internal/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

var cst = time.FixedZone("CST", 8*3600)

// TestMatters on both databases: a 领导批示 entered with a unit by name
// and "12月20日前" becomes a registered task due 2026-12-20 in the
// register "2026年领导批示事项", seen by its unit's liaison and not by
// another's; the source record comes back; a meeting's three 议定事项
// pasted as lines become three tasks with their own units and dates, in
// the meeting's register; a list with one bad line stores nothing and
// names the line; a new kind is listed, a taken code refused.
func TestMatters(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 12, 6, 10, 0, 0, 0, cst)
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return now }
			db := storetest.OpenWith(t, opts)
			unit := func(name string) int64 {
				u, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: name, Kind: records.UnitDepartment})
				if err != nil {
					t.Fatal(err)
				}
				return u.ID
			}
			czj, fgw, zjj := unit("市财政局"), unit("市发展改革委"), unit("市住房城乡建设局")
			fs, err := files.Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			svc := services.New(db, services.Options{Now: func() time.Time { return now }, Files: fs})
			office := audit.Actor{Username: "ducha"}
			op := authz.Principal{UserID: 1, Username: "ducha", Role: authz.Office}
			cz := authz.Principal{UserID: 2, Username: "caizheng", Role: authz.Liaison, Units: []int64{czj}}
			fg := authz.Principal{UserID: 3, Username: "fgw", Role: authz.Liaison, Units: []int64{fgw}}

			if _, err := svc.Matters.Create(ctx, cz, audit.Actor{Username: "caizheng"}, records.MatterInput{Kind: "instruction"}); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("a liaison entering a matter: %v", err)
			}
			task, err := svc.Matters.Create(ctx, op, office, records.MatterInput{Kind: "instruction", Title: "研究解决老旧小区加装电梯资金缺口",
				SourceText: "请财政局会同有关部门研究解决，12月20日前报结果。", Leader: "张市长", ReportBack: true,
				Units: []records.UnitLink{{Name: "市财政局"}, {UnitID: zjj}}, Deadline: "12月20日前", Requirement: "形成书面报告"})
			if err != nil {
				t.Fatal(err)
			}
			if task.Due != "2026-12-20" || task.Source != records.SourceInstruction || task.Workflow != "registered" ||
				len(task.LeadUnits) != 1 || task.LeadUnits[0] != "市财政局" || len(task.UnitIDs) != 2 || task.Requirement != "形成书面报告" {
				t.Fatalf("the 批示's task: %+v", task)
			}
			plan, err := db.FindPlanByID(ctx, task.PlanID)
			if err != nil || plan.Title != "2026年领导批示事项" || plan.Source != records.SourceInstruction || plan.Status != "confirmed" {
				t.Fatalf("its register: %+v, %v", plan, err)
			}
			mine, _, err := svc.Ledger.List(ctx, cz, records.TaskFilter{Source: records.SourceInstruction})
			if err != nil || len(mine) != 1 || mine[0].ID != task.ID {
				t.Errorf("the 财政局's 批示: %+v, %v", mine, err)
			}
			if _, err := svc.Ledger.Detail(ctx, fg, task.ID); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("another unit reading it: %v", err)
			}
			if _, err := svc.Matters.Matter(ctx, fg, task.ID); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("another unit reading its record: %v", err)
			}
			m, err := svc.Matters.Matter(ctx, cz, task.ID)
			if err != nil || m.Leader != "张市长" || !m.ReportBack || m.KindName != "领导批示" || m.CreatedBy != "ducha" {
				t.Errorf("its record: %+v, %v", m, err)
			}

			// A 交办件 with the letter's scan: the scan hangs on the task and
			// downloads for the unit, not for another; a file of a type not
			// allowed is refused at "files" and enters nothing.
			pdf := "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
			scan := ledgersvc.Upload{Name: "交办函.pdf", Size: int64(len(pdf)), Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(pdf)), nil }}
			letter, err := svc.Matters.Create(ctx, op, office, records.MatterInput{Kind: "assignment", Title: "核查执法不规范问题",
				LetterRef: "市府办交〔2026〕7号", Units: []records.UnitLink{{UnitID: czj}}, Deadline: "2026-12-15"}, scan)
			if err != nil {
				t.Fatal(err)
			}
			lm, err := svc.Matters.Matter(ctx, cz, letter.ID)
			if err != nil || len(lm.Attachments) != 1 || lm.Attachments[0].Filename != "交办函.pdf" || lm.LetterRef != "市府办交〔2026〕7号" {
				t.Fatalf("the 交办件's record: %+v %v", lm, err)
			}
			if _, f, err := svc.Ledger.Attachment(ctx, cz, audit.Actor{Username: "caizheng"}, lm.Attachments[0].ID); err != nil {
				t.Errorf("the unit downloads the scan: %v", err)
			} else {
				f.Close()
			}
			if _, _, err := svc.Ledger.Attachment(ctx, fg, audit.Actor{Username: "fgw"}, lm.Attachments[0].ID); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("another unit downloads the scan: %v", err)
			}
			exe := ledgersvc.Upload{Name: "a.exe", Size: 4, Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("MZ\x90\x00")), nil }}
			var bad *fault.Error
			if _, err := svc.Matters.Create(ctx, op, office, records.MatterInput{Kind: "assignment", Title: "另一件", Units: []records.UnitLink{{UnitID: czj}},
				Deadline: "2026-12-15"}, exe); !errors.As(err, &bad) || bad.Fields["files"] == "" {
				t.Errorf("a file not allowed: %v", err)
			}
			if got, _, _ := svc.Ledger.List(ctx, op, records.TaskFilter{Source: records.SourceAssignment}); len(got) != 1 {
				t.Errorf("assignments: %d", len(got))
			}

			_, err = svc.Matters.CreateMany(ctx, op, office, records.MatterBatch{Meeting: "市政府第12次常务会议", MinutesNo: "〔2026〕12号",
				Lines: "一、由市财政局牵头，12月31日前拨付资金。\n\n二、加快推进项目（市某某局牵头），年底前完成。\n三、研究有关事项。"})
			if !errors.As(err, &bad) || bad.Fields["lines.3"] != "matters.error.line_unit" || bad.Fields["lines.4"] != "matters.error.line_no_unit" || bad.Fields["lines.1"] != "" {
				t.Fatalf("a list with bad lines: %v %+v", err, bad)
			}
			if all, _, _ := svc.Ledger.List(ctx, op, records.TaskFilter{Source: records.SourceMeeting}); len(all) != 0 {
				t.Fatalf("a refused list stored %d", len(all))
			}
			tasks, err := svc.Matters.CreateMany(ctx, op, office, records.MatterBatch{Meeting: "市政府第12次常务会议", MinutesNo: "〔2026〕12号",
				MinutesOn: "2026-12-01", Deadline: "2027-01-31",
				Lines: "一、由市财政局牵头，12月31日前拨付资金。\n二、加快推进项目（市发展改革委牵头，市财政局配合），每月报送进展。\n三、研究老旧小区改造（市住房城乡建设局牵头）。"})
			if err != nil {
				t.Fatal(err)
			}
			if len(tasks) != 3 || tasks[0].Due != "2026-12-31" || tasks[1].Every != "month" || tasks[2].Due != "2027-01-31" ||
				tasks[1].LeadUnits[0] != "市发展改革委" || len(tasks[1].UnitIDs) != 2 || tasks[0].Path[0] != "1" || tasks[2].Path[0] != "3" {
				t.Fatalf("the meeting's tasks: %+v", tasks)
			}
			if got, _, _ := svc.Ledger.List(ctx, op, records.TaskFilter{Source: records.SourceMeeting}); len(got) != 3 {
				t.Errorf("source=meeting lists %d", len(got))
			}

			if _, err := svc.Matters.AddKind(ctx, op, office, records.MatterKind{Code: "letter", Name: "人大代表建议", Source: records.SourceAssignment}); err != nil {
				t.Fatal(err)
			}
			if _, err := svc.Matters.AddKind(ctx, op, office, records.MatterKind{Code: "letter", Name: "政协提案", Source: records.SourceAssignment}); fault.CodeOf(err) != fault.Conflict {
				t.Errorf("a taken code: %v", err)
			}
			kinds, err := svc.Matters.Kinds(ctx, cz)
			if err != nil || len(kinds) != 7 || kinds[5].Code != "commitment" || kinds[6].Name != "人大代表建议" {
				t.Errorf("kinds: %+v, %v", kinds, err)
			}
		})
	}
}
