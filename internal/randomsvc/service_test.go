package randomsvc_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/randomdraw"
	"github.com/duban/duban/internal/randomsvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/services"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

type desk struct {
	db             *store.DB
	svc            *services.Services
	scj            int64 // 市市场监管局
	office, leader authz.Principal
}

func actor(p authz.Principal) audit.Actor { return audit.Actor{ID: p.UserID, Username: p.Username} }

func newDesk(t testing.TB, kind string, now time.Time) *desk {
	t.Helper()
	ctx := context.Background()
	opts := storetest.Options(t, kind)
	opts.Now = func() time.Time { return now }
	db := storetest.OpenWith(t, opts)
	d := &desk{db: db}
	d.svc = services.New(db, services.Options{Policy: auth.DefaultPolicy, Now: func() time.Time { return now }})
	if err := d.svc.Calendar.Load(ctx); err != nil {
		t.Fatal(err)
	}
	u, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市市场监管局", Kind: records.UnitDepartment})
	if err != nil {
		t.Fatal(err)
	}
	d.scj = u.ID
	for _, x := range []struct {
		name string
		role authz.Role
		p    *authz.Principal
	}{{"ducha", authz.Office, &d.office}, {"lingdao", authz.Leader, &d.leader}} {
		user, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: x.name, PasswordHash: "x", Role: x.role})
		if err != nil {
			t.Fatal(err)
		}
		*x.p = authz.Principal{UserID: user.ID, Username: x.name, Role: x.role}
	}
	return d
}

// code is the i-th valid 统一社会信用代码 of the test directories.
func code(i int) string { return randomsvc.CheckChar(fmt.Sprintf("91440100MA%07d", i)) }

// directoryCSV is a directory of n entities over the four grades and
// three areas.
func directoryCSV(n int) []byte {
	var b strings.Builder
	b.WriteString("名称,统一社会信用代码,类型,区域,行业,风险等级\n")
	grades, areas := []string{"低", "B", "一般", "高"}, []string{"越秀区", "天河区", "海珠区"}
	for i := range n {
		fmt.Fprintf(&b, "商户%d有限公司,%s,企业,%s,餐饮,%s\n", i, code(i), areas[i%3], grades[i%4])
	}
	return []byte(b.String())
}

// seed fills the directory: n entities and six inspectors qualified for
// 食品, inspector k tied to entities k, k+6, k+12….
func (d *desk) seed(t testing.TB, n int) {
	t.Helper()
	ctx := context.Background()
	if _, err := d.svc.Random.ImportEntities(ctx, d.office, actor(d.office), "名录.csv", directoryCSV(n)); err != nil {
		t.Fatal(err)
	}
	for k := range 6 {
		var ties []string
		for i := k; i < n; i += 6 {
			ties = append(ties, code(i))
		}
		if _, err := d.svc.Random.AddInspector(ctx, d.office, actor(d.office), randomsvc.InspectorInput{Name: fmt.Sprintf("检查员%d", k),
			Cert: fmt.Sprintf("4401002026%04d", k), UnitName: "市市场监管局", Qualifications: []string{"市场监管、食品"},
			Areas: []string{"越秀区", "天河区", "海珠区"}, Ties: ties}); err != nil {
			t.Fatal(err)
		}
	}
}

func (d *desk) plan(t testing.TB, count int) *randomsvc.Plan {
	t.Helper()
	p, err := d.svc.Random.CreatePlan(context.Background(), d.office, actor(d.office), randomsvc.PlanInput{UnitID: d.scj,
		Title: "2026年食品经营者双随机抽查", Year: 2026, Matter: "食品经营许可及经营行为检查", Count: count,
		Weights: []randomdraw.Weight{{Grade: "D", Weight: 4}, {Grade: "C", Weight: 2}}, TeamSize: 2, Qualifications: []string{"食品"}, AvoidLast: true})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestDrawOnce, on both databases: a plan publishes its commitment (the
// seed's hash, never the seed) before the draw; the draw's record
// verifies; a second draw is a conflict; the draw is audited; no team
// holds an inspector tied to its entity.
func TestDrawOnce(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d := newDesk(t, kind, time.Date(2026, 12, 1, 10, 0, 0, 0, workday.Zone))
			d.seed(t, 120)
			plan := d.plan(t, 10)
			if plan.SeedSHA256 == "" || plan.Eligible != 120 {
				t.Fatalf("plan %+v", plan.RandomPlan)
			}
			public, _, err := d.svc.Random.Public(ctx)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := json.Marshal(public)
			if len(public) != 1 || public[0].SeedSHA256 != plan.SeedSHA256 || public[0].Drawn {
				t.Fatalf("public before the draw: %s", body)
			}
			stored, _ := d.db.FindRandomPlan(ctx, plan.ID)
			if strings.Contains(string(body), stored.Seed) {
				t.Fatal("the seed is public before the draw")
			}
			if _, err := d.svc.Random.Record(ctx, plan.ID); !errors.Is(err, fault.ErrNotFound) {
				t.Fatalf("a record before the draw: %v", err)
			}
			if _, err := d.svc.Random.Draw(ctx, d.leader, actor(d.leader), plan.ID); !errors.Is(err, fault.ErrForbidden) {
				t.Fatalf("a leader draws: %v", err)
			}
			rec, err := d.svc.Random.Draw(ctx, d.office, actor(d.office), plan.ID)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := d.svc.Random.Record(ctx, plan.ID)
			if err != nil {
				t.Fatal(err)
			}
			var back randomdraw.Record
			if err := json.Unmarshal(raw, &back); err != nil {
				t.Fatal(err)
			}
			if diffs := randomdraw.Verify(back); len(diffs) != 0 || back.Seed != stored.Seed || back.SeedSHA256 != plan.SeedSHA256 || len(back.Draw) != 10 {
				t.Fatalf("the published record: %v", diffs)
			}
			tied := map[randomdraw.Pair]bool{}
			for _, p := range rec.Snapshot.Ties {
				tied[p] = true
			}
			for _, a := range rec.Draw {
				for _, in := range a.Inspectors {
					if tied[randomdraw.Pair{Inspector: in, Entity: a.Entity}] {
						t.Errorf("inspector %s drawn for %s, to which they are tied", in, a.Entity)
					}
				}
			}
			_, err = d.svc.Random.Draw(ctx, d.office, actor(d.office), plan.ID)
			if fault.CodeOf(err) != fault.Conflict {
				t.Fatalf("a second draw: %v", err)
			}
			entries, _, err := d.db.FindAudit(ctx, records.AuditFilter{Action: "random.draw"})
			if err != nil || len(entries) != 1 {
				t.Fatalf("draw audited %d times: %v", len(entries), err)
			}
		})
	}
}

// TestResults: a result needing 整改 opens a task of the ledger, led by
// the plan's department and due by the deadline; the publication
// deadline is 20 working days after the check; a published result shows
// on the public side, masked, and is not rewritten; statistics count it.
func TestResults(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d := newDesk(t, kind, time.Date(2026, 12, 4, 10, 0, 0, 0, workday.Zone))
			d.seed(t, 30)
			plan := d.plan(t, 3)
			// Drawn on 1 December, three days before the results come in.
			now := d.svc.Random.Now
			d.svc.Random.Now = func() time.Time { return now().AddDate(0, 0, -3) }
			if _, err := d.svc.Random.Draw(ctx, d.office, actor(d.office), plan.ID); err != nil {
				t.Fatal(err)
			}
			d.svc.Random.Now = now
			p, err := d.svc.Random.Plan(ctx, d.leader, plan.ID)
			if err != nil || len(p.Checks) != 3 {
				t.Fatalf("plan checks: %v", err)
			}
			first, second := p.Checks[0], p.Checks[1]
			if _, err := d.svc.Random.EnterResult(ctx, d.office, actor(d.office), first.ID, randomsvc.ResultInput{CheckedOn: "2026-11-30",
				Category: randomsvc.CategoryClean}); fault.As(err) == nil || fault.As(err).Fields["checked_on"] != "random.error.before_draw" {
				t.Fatalf("a check dated before the draw: %v", err)
			}
			c, err := d.svc.Random.EnterResult(ctx, d.office, actor(d.office), first.ID, randomsvc.ResultInput{CheckedOn: "2026-12-03",
				Category: randomsvc.CategoryRectify, Findings: "后厨未落实生鲜分区存放，负责人张三电话13800138000", FollowUp: "责令限期整改",
				RectifyDue: "2026-12-20", Publish: true})
			if err != nil {
				t.Fatal(err)
			}
			// 2026-12-03 plus 20 working days (no holiday in between).
			if c.TaskID == 0 || c.PublishDue != "2026-12-31" || c.PublishedAt == nil {
				t.Fatalf("check %+v", c)
			}
			task, err := d.db.FindTaskByID(ctx, c.TaskID)
			if err != nil || task.Due != "2026-12-20" || len(task.UnitLinks) != 1 || task.UnitLinks[0].UnitID != d.scj {
				t.Fatalf("task %+v: %v", task, err)
			}
			if _, err := d.svc.Random.EnterResult(ctx, d.office, actor(d.office), first.ID, randomsvc.ResultInput{CheckedOn: "2026-12-03",
				Category: randomsvc.CategoryClean}); fault.CodeOf(err) != fault.Conflict {
				t.Fatalf("rewriting a published result: %v", err)
			}
			if _, err := d.svc.Random.EnterResult(ctx, d.office, actor(d.office), second.ID, randomsvc.ResultInput{CheckedOn: "2026-12-09",
				Category: randomsvc.CategoryClean}); fault.As(err) == nil || fault.As(err).Fields["checked_on"] == "" {
				t.Fatalf("a check in the future: %v", err)
			}
			if _, err := d.svc.Random.EnterResult(ctx, d.office, actor(d.office), second.ID, randomsvc.ResultInput{CheckedOn: "2026-12-02",
				Category: randomsvc.CategoryClean}); err != nil {
				t.Fatal(err)
			}
			public, stats, err := d.svc.Random.Public(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var shown []records.RandomCheck
			for _, x := range public[0].Checks {
				if x.PublishedAt != nil {
					shown = append(shown, x)
				}
				if x.ID == second.ID && x.Category != "" {
					t.Errorf("an unpublished result is public: %+v", x)
				}
			}
			if len(shown) != 1 || strings.Contains(shown[0].Findings, "13800138000") || !strings.Contains(shown[0].Findings, "生鲜分区") {
				t.Fatalf("published results %+v", shown)
			}
			want := randomsvc.Stat{Unit: "市市场监管局", Plans: 1, Checks: 3, Entered: 2, Published: 1, Problems: 1, Tasks: 1}
			if len(stats) != 1 || stats[0] != want {
				t.Fatalf("stats %+v, want %+v", stats, want)
			}
		})
	}
}

// TestImportNamesRowAndColumn: a file with a bad code on row 3 and a bad
// grade on row 5 is refused whole, each problem at its row and column.
func TestImportNamesRowAndColumn(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, "sqlite", time.Date(2026, 12, 1, 10, 0, 0, 0, workday.Zone))
	lines := strings.Split(strings.TrimSpace(string(directoryCSV(5))), "\n")
	lines[2] = strings.Replace(lines[2], code(1), "91440100MA0000001X", 1)
	lines[4] = strings.TrimSuffix(lines[4], "高") + "很高"
	_, err := d.svc.Random.ImportEntities(ctx, d.office, actor(d.office), "名录.csv", []byte(strings.Join(lines, "\n")))
	e := fault.As(err)
	if e == nil || e.Fields["row000003.code"] != "random.error.code" || e.Fields["row000005.grade"] != "random.error.grade" || len(e.Fields) != 2 {
		t.Fatalf("refusal %+v", e)
	}
	if l := e.Labels["row000005.grade"]; l.Args["row"] != 5 || l.Args["column"] != "风险等级" {
		t.Fatalf("label %+v", l)
	}
	if all, _ := d.db.FindRandomEntities(ctx); len(all) != 0 {
		t.Fatalf("%d entities stored from a refused file", len(all))
	}
	if _, err := d.svc.Random.ImportEntities(ctx, d.leader, actor(d.leader), "名录.csv", directoryCSV(3)); !errors.Is(err, fault.ErrForbidden) {
		t.Fatalf("a leader imports: %v", err)
	}
}

// BenchmarkImport20000 imports a directory of 20,000 entities into a
// fresh SQLite database, one transaction: the README's figure.
func BenchmarkImport20000(b *testing.B) {
	body := directoryCSV(20000)
	for b.Loop() {
		b.StopTimer()
		d := newDesk(b, "sqlite", time.Date(2026, 12, 1, 10, 0, 0, 0, workday.Zone))
		b.StartTimer()
		rep, err := d.svc.Random.ImportEntities(context.Background(), d.office, actor(d.office), "名录.csv", body)
		if err != nil || rep.New != 20000 {
			b.Fatalf("%+v %v", rep, err)
		}
	}
}
