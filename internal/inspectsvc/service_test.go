package inspectsvc_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/inspectsvc"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/notify"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/scheduler"
	"github.com/duban/duban/internal/services"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// desk is an inspections desk over a fresh database: two units, the
// office, a leader and a liaison of each unit, and a clock the test moves.
type desk struct {
	db                        *store.DB
	svc                       *services.Services
	now                       *time.Time
	zjj, czj                  int64 // 市住建局, 市财政局
	office, leader, lzjj, lcz authz.Principal
}

func (d *desk) actor(p authz.Principal) audit.Actor {
	return audit.Actor{ID: p.UserID, Username: p.Username}
}

func newDesk(t *testing.T, kind string, start time.Time) *desk {
	t.Helper()
	ctx := context.Background()
	now := start
	opts := storetest.Options(t, kind)
	opts.Now = func() time.Time { return now }
	db := storetest.OpenWith(t, opts)
	fs, err := files.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	d := &desk{db: db, now: &now}
	d.svc = services.New(db, services.Options{Policy: auth.DefaultPolicy, Files: fs, Now: func() time.Time { return now }})
	if err := d.svc.Calendar.Load(ctx); err != nil {
		t.Fatal(err)
	}
	for _, u := range []struct {
		name string
		id   *int64
	}{{"市住建局", &d.zjj}, {"市财政局", &d.czj}} {
		unit, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: u.name, Kind: records.UnitDepartment})
		if err != nil {
			t.Fatal(err)
		}
		*u.id = unit.ID
	}
	for _, u := range []struct {
		name  string
		role  authz.Role
		units []int64
		p     *authz.Principal
	}{{"ducha", authz.Office, nil, &d.office}, {"lingdao", authz.Leader, nil, &d.leader},
		{"zhujian", authz.Liaison, []int64{d.zjj}, &d.lzjj}, {"caizheng", authz.Liaison, []int64{d.czj}, &d.lcz}} {
		user, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: u.name, PasswordHash: "x", Role: u.role, Units: u.units})
		if err != nil {
			t.Fatal(err)
		}
		*u.p = authz.Principal{UserID: user.ID, Username: u.name, Role: u.role, Units: u.units}
	}
	return d
}

// day is a China date at 10:00 local time.
func day(y int, m time.Month, dd int) time.Time {
	return time.Date(y, m, dd, 10, 0, 0, 0, workday.Zone)
}

func photo(name string) ledgersvc.Upload {
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 64)...)
	return ledgersvc.Upload{Name: name, Size: int64(len(png)), Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(png)), nil }}
}

// TestFindingEscalates, on both databases: a 明察暗访 finds that a
// construction site's dust is not covered; the finding, addressed to
// 市住建局 with a deadline, is a 督查发现问题 task of that unit, with the
// deadline as its due date, which 市财政局's liaison cannot read. When
// the deadline passes unreported, the supervision tick presses and then
// issues a 督办单 on the task, and the 问题清单 shows it overdue.
func TestFindingEscalates(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d := newDesk(t, kind, day(2026, 11, 2))
			ins := d.svc.Inspections
			in, err := ins.Record(ctx, d.office, d.actor(d.office), records.Inspection{Kind: "covert", Title: "建筑工地扬尘治理明察暗访",
				HeldOn: "2026-11-02", Place: "城东片区", Inspectors: "督查室 王某、李某", Method: "随机暗访"})
			if err != nil {
				t.Fatal(err)
			}
			f, err := ins.AddFinding(ctx, d.office, d.actor(d.office), in.ID, inspectsvc.FindingInput{
				Description: "城东某工地裸土未覆盖，车辆未冲洗即驶出", UnitID: d.zjj, Due: "2026-11-13", Files: []ledgersvc.Upload{photo("现场.png")}})
			if err != nil {
				t.Fatal(err)
			}
			if f.TaskID == 0 || f.Status != inspectsvc.StatusRectifying || len(f.Files) != 1 {
				t.Fatalf("finding %+v", f)
			}
			task, err := d.svc.Ledger.Readable(ctx, d.lzjj, f.TaskID)
			if err != nil {
				t.Fatalf("住建局's liaison reads the task: %v", err)
			}
			if task.Due != "2026-11-13" || len(task.UnitLinks) != 1 || task.UnitLinks[0].UnitID != d.zjj || !task.UnitLinks[0].Lead {
				t.Errorf("task due %q units %+v", task.Due, task.UnitLinks)
			}
			m, err := d.svc.Matters.Matter(ctx, d.office, f.TaskID)
			if err != nil || m.Source != records.SourceInspection || !strings.Contains(m.SourceText, "建筑工地扬尘治理明察暗访") {
				t.Errorf("the task's source %+v %v", m, err)
			}
			if _, err := d.svc.Ledger.Readable(ctx, d.lcz, f.TaskID); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("财政局's liaison reads 住建局's problem task: %v", err)
			}
			for _, c := range []struct {
				p    authz.Principal
				want int
			}{{d.office, 1}, {d.lzjj, 1}, {d.lcz, 0}} {
				if list, n, err := d.svc.Ledger.List(ctx, c.p, records.TaskFilter{Source: records.SourceInspection}); err != nil || n != c.want ||
					(n == 1 && list[0].ID != f.TaskID) {
					t.Errorf("%s's tasks of source inspection: %d %v", c.p.Username, n, err)
				}
			}

			// Three weeks after the deadline, nothing reported: the tick.
			late := day(2026, 12, 4)
			*d.now = late
			sch := &scheduler.Scheduler{Store: d.db, Calendar: workday.Default(), Rules: supervise.Default(),
				Channels: map[string]notify.Channel{}, Limiters: map[string]*notify.Limiter{},
				Now: func() time.Time { return late }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			if _, err := sch.Tick(ctx); err != nil {
				t.Fatal(err)
			}
			steps, err := d.svc.Ledger.Supervision(ctx, d.lzjj, f.TaskID)
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[supervise.Kind]bool{}
			for _, s := range steps {
				kinds[s.Kind] = true
			}
			if !kinds[supervise.KindPress] || !kinds[supervise.KindNotice] {
				t.Errorf("after the deadline the task's supervision is %v, want a 催办 and a 督办单", kinds)
			}
			list, err := ins.Findings(ctx, d.office, inspectsvc.Filter{Status: inspectsvc.StatusOverdue})
			if err != nil || len(list) != 1 || list[0].ID != f.ID {
				t.Errorf("overdue findings %+v %v", list, err)
			}
		})
	}
}

// TestRecheck, on both databases: the unit applies for 销号; the office's
// 复查 fails, which returns the application and moves the task's
// deadline to the new date; the unit applies again, the 复查 passes and
// the task is closed (销号); a third 复查 is refused. A finding whose task
// the office closed on the ledger waits for its 复查, which may pass but
// not fail. Every step is in the audit log.
func TestRecheck(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d := newDesk(t, kind, day(2026, 11, 2))
			ins := d.svc.Inspections
			in, err := ins.Record(ctx, d.office, d.actor(d.office), records.Inspection{Kind: "field", Title: "老旧小区改造实地督查",
				HeldOn: "2026-11-02", Inspectors: "督查室"})
			if err != nil {
				t.Fatal(err)
			}
			f, err := ins.AddFinding(ctx, d.office, d.actor(d.office), in.ID, inspectsvc.FindingInput{Description: "加装电梯进度滞后", UnitID: d.zjj, Due: "2026-11-30"})
			if err != nil {
				t.Fatal(err)
			}
			apply := func() {
				t.Helper()
				if _, err := d.svc.Ledger.RequestClose(ctx, d.lzjj, d.actor(d.lzjj), f.TaskID, "已整改到位", []ledgersvc.Upload{photo("整改后.png")}); err != nil {
					t.Fatal(err)
				}
			}
			apply()
			if v, _ := ins.Finding(ctx, d.office, f.ID); v.Status != inspectsvc.StatusPending {
				t.Errorf("after the application the finding is %s", v.Status)
			}
			*d.now = day(2026, 11, 10)
			var bad *fault.Error
			if _, err := ins.Recheck(ctx, d.office, d.actor(d.office), f.ID, inspectsvc.RecheckInput{Passed: false}); !errors.As(err, &bad) ||
				bad.Fields["note"] == "" || bad.Fields["new_due"] == "" {
				t.Errorf("a failed 复查 without a note and a date: %v", err)
			}
			v, err := ins.Recheck(ctx, d.office, d.actor(d.office), f.ID, inspectsvc.RecheckInput{Passed: false, Note: "仍有两部电梯未开工", NewDue: "2026-12-15"})
			if err != nil {
				t.Fatal(err)
			}
			task, _ := d.db.FindTaskByID(ctx, f.TaskID)
			if v.State != records.FindingRectifying || v.Due != "2026-12-15" || task.Due != "2026-12-15" || task.Status != "in_progress" {
				t.Errorf("after a failed 复查: finding %s due %s, task %s due %s", v.State, v.Due, task.Status, task.Due)
			}
			apply()
			if _, err := ins.Recheck(ctx, d.lzjj, d.actor(d.lzjj), f.ID, inspectsvc.RecheckInput{Passed: true}); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("a liaison rechecks: %v", err)
			}
			v, err = ins.Recheck(ctx, d.office, d.actor(d.office), f.ID, inspectsvc.RecheckInput{Passed: true, Note: "已全部开工"})
			if err != nil {
				t.Fatal(err)
			}
			task, _ = d.db.FindTaskByID(ctx, f.TaskID)
			if v.Status != inspectsvc.StatusPassed || len(v.Rechecks) != 2 || task.Status != "closed" {
				t.Errorf("after a passed 复查: finding %s rechecks %d, task %s", v.Status, len(v.Rechecks), task.Status)
			}
			if _, err := ins.Recheck(ctx, d.office, d.actor(d.office), f.ID, inspectsvc.RecheckInput{Passed: true}); !errors.Is(err, fault.ErrState) {
				t.Errorf("a third 复查: %v", err)
			}
			// Closed on the ledger without a 复查: it waits for one, which
			// may pass but not fail (销号 has no way back).
			g, err := ins.AddFinding(ctx, d.office, d.actor(d.office), in.ID, inspectsvc.FindingInput{Description: "楼道堆物未清理", UnitID: d.zjj, Due: "2026-11-30"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := d.svc.Ledger.RequestClose(ctx, d.lzjj, d.actor(d.lzjj), g.TaskID, "已清理", nil); err != nil {
				t.Fatal(err)
			}
			if _, err := d.svc.Ledger.Decide(ctx, d.office, d.actor(d.office), g.TaskID, true, ""); err != nil {
				t.Fatal(err)
			}
			if v, _ := ins.Finding(ctx, d.office, g.ID); v.Status != inspectsvc.StatusPending {
				t.Errorf("a finding whose task was closed on the ledger is %s", v.Status)
			}
			if _, err := ins.Recheck(ctx, d.office, d.actor(d.office), g.ID, inspectsvc.RecheckInput{Note: "又有堆物", NewDue: "2026-12-31"}); !errors.Is(err, fault.ErrState) {
				t.Errorf("a failed 复查 of a closed task: %v", err)
			}
			if v, err := ins.Recheck(ctx, d.office, d.actor(d.office), g.ID, inspectsvc.RecheckInput{Passed: true}); err != nil || v.Status != inspectsvc.StatusPassed {
				t.Errorf("a passed 复查 of a closed task: %+v %v", v, err)
			}
			entries, _, err := d.db.FindAudit(ctx, records.AuditFilter{Limit: 200})
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]int{}
			for _, e := range entries {
				seen[e.Action]++
			}
			for action, n := range map[string]int{"inspection.create": 1, "finding.create": 2, "finding.recheck": 3, "task.returned": 1, "task.closed": 2} {
				if seen[action] != n {
					t.Errorf("audit %s ×%d, want %d (%v)", action, seen[action], n, seen)
				}
			}
		})
	}
}

// TestWhoSeesWhat: the office plans and records, leaders read and may
// not write, a liaison sees only their unit's findings and none of the
// inspections, another unit's finding is not found for them; bad input
// is refused at its fields; the 问题清单's workbook has a row a finding,
// tall enough for its text, and its download is audited.
func TestWhoSeesWhat(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d := newDesk(t, kind, day(2026, 3, 2))
			ins := d.svc.Inspections
			off := d.actor(d.office)
			var bad *fault.Error
			if _, err := ins.AddPlanEntry(ctx, d.office, off, records.InspectionPlanEntry{Year: 2026, Kind: "audit", Month: 13, PlannedOn: "2026-05-01"}); !errors.As(err, &bad) ||
				len(bad.Fields) != 4 {
				t.Errorf("a bad plan entry: %v", err)
			}
			e, err := ins.AddPlanEntry(ctx, d.office, off, records.InspectionPlanEntry{Year: 2026, Title: "重点项目建设专项督查", Kind: "special", Month: 4,
				PlannedOn: "2026-04-15", UnitIDs: []int64{d.zjj, d.czj}})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ins.AddPlanEntry(ctx, d.leader, d.actor(d.leader), records.InspectionPlanEntry{Year: 2026, Title: "x", Kind: "field", Month: 1}); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("a leader plans: %v", err)
			}
			if _, err := ins.Record(ctx, d.office, off, records.Inspection{PlanEntryID: e.ID, Title: "明天的督查", HeldOn: "2026-03-03", Inspectors: "督查室"}); !errors.As(err, &bad) ||
				bad.Fields["held_on"] != "inspection.error.held_future" {
				t.Errorf("an inspection held tomorrow: %v", err)
			}
			in, err := ins.Record(ctx, d.office, off, records.Inspection{PlanEntryID: e.ID, Title: "重点项目专项督查（第一批）", HeldOn: "2026-03-02", Inspectors: "督查室"})
			if err != nil {
				t.Fatal(err)
			}
			if in.Kind != "special" {
				t.Errorf("the inspection's kind %q, want the plan entry's", in.Kind)
			}
			if plan, _ := ins.Plan(ctx, d.leader, 2026); len(plan) != 1 || plan[0].Held != 1 || len(plan[0].Units) != 2 {
				t.Errorf("the plan as a leader reads it %+v", plan)
			}
			if _, err := ins.AddFinding(ctx, d.office, off, in.ID, inspectsvc.FindingInput{Description: " ", UnitID: 999, Due: "2026-03-01"}); !errors.As(err, &bad) ||
				len(bad.Fields) != 3 {
				t.Errorf("a bad finding: %v", err)
			}
			long := strings.Repeat("资金拨付不及时，", 12)
			fa, err := ins.AddFinding(ctx, d.office, off, in.ID, inspectsvc.FindingInput{Description: long, UnitID: d.zjj, Due: "2026-04-30"})
			if err != nil {
				t.Fatal(err)
			}
			fb, err := ins.AddFinding(ctx, d.office, off, in.ID, inspectsvc.FindingInput{Description: "配套资金未到位", UnitID: d.czj, Due: "2026-04-30"})
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := ins.Inspection(ctx, d.lzjj, in.ID); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("a liaison reads the inspection: %v", err)
			}
			if _, err := ins.Finding(ctx, d.lzjj, fb.ID); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("住建局's liaison reads 财政局's finding: %v", err)
			}
			mine, err := ins.Findings(ctx, d.lzjj, inspectsvc.Filter{})
			if err != nil || len(mine) != 1 || mine[0].ID != fa.ID {
				t.Errorf("住建局's 问题清单 %+v %v", mine, err)
			}
			if other, _ := ins.Findings(ctx, d.lzjj, inspectsvc.Filter{UnitID: d.czj}); len(other) != 0 {
				t.Errorf("住建局's liaison filtering by 财政局 gets %+v", other)
			}
			if all, _ := ins.Findings(ctx, d.leader, inspectsvc.Filter{Year: 2026}); len(all) != 2 {
				t.Errorf("the leader's 问题清单 has %d", len(all))
			}
			if _, err := ins.AddPhotos(ctx, d.leader, d.actor(d.leader), fa.ID, []ledgersvc.Upload{photo("a.png")}); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("a leader adds photos: %v", err)
			}
			v, err := ins.AddPhotos(ctx, d.office, off, fa.ID, []ledgersvc.Upload{photo("a.png")})
			if err != nil || len(v.Files) != 1 {
				t.Fatalf("photos %+v %v", v, err)
			}
			if _, _, err := ins.File(ctx, d.lcz, d.actor(d.lcz), v.Files[0].ID); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("财政局's liaison downloads 住建局's photo: %v", err)
			}
			a, body, err := ins.File(ctx, d.lzjj, d.actor(d.lzjj), v.Files[0].ID)
			if err != nil || a.Filename != "a.png" {
				t.Fatalf("住建局's liaison downloads the photo: %v", err)
			}
			body.Close()
			data, err := ins.Export(ctx, d.office, off, inspectsvc.Filter{Year: 2026})
			if err != nil {
				t.Fatal(err)
			}
			x, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			rows, _ := x.GetRows("问题清单")
			if len(rows) != 3 || rows[0][4] != "发现问题" {
				t.Fatalf("the workbook's rows %v", rows)
			}
			for r := 2; r <= 3; r++ {
				text, _ := x.GetCellValue("问题清单", "E"+string(rune('0'+r)))
				h, _ := x.GetRowHeight("问题清单", r)
				if want := 15.0; (text == long && h <= 2*want) || h < want {
					t.Errorf("row %d (%d characters) is %v points tall", r, len([]rune(text)), h)
				}
			}
			entries, _, _ := d.db.FindAudit(ctx, records.AuditFilter{Limit: 100})
			exported, downloaded := false, false
			for _, e := range entries {
				exported = exported || e.Action == "finding.export"
				downloaded = downloaded || e.Action == "finding.file.download"
			}
			if !exported || !downloaded {
				t.Errorf("audited: export %v, photo download %v", exported, downloaded)
			}
		})
	}
}
