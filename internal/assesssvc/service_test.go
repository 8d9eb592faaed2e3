package assesssvc

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

var cst = time.FixedZone("CST", 8*3600)

// TestHotlineSatisfaction: the public-satisfaction part is each unit's
// 12345 满意率 over the tickets received in the period, China time — a
// call at 23:30 on 31 March is March's, one at 00:30 on 1 April is not —
// and its line names the tickets; a unit whose tickets were not visited
// and a unit without tickets get the average; a return visit moves the
// cached ranking; without the hotline every unit keeps the plain rule.
func TestHotlineSatisfaction(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.Open(t, kind)
			ids := map[string]int64{}
			var tasks []plandoc.Task
			for i, n := range []string{"市住建局", "市城管局", "市财政局"} {
				u, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: n, Kind: records.UnitDepartment})
				if err != nil {
					t.Fatal(err)
				}
				ids[n] = u.ID
				tasks = append(tasks, plandoc.Task{Path: []string{string(rune('1' + i))}, Title: n + "的任务", Units: []string{n},
					Deadlines: []plandoc.Deadline{{Text: "3月底前", Due: "2026-03-31"}}})
			}
			if _, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("c", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "方案", Tasks: tasks}}); err != nil {
				t.Fatal(err)
			}
			zjj, cgj, czj := ids["市住建局"], ids["市城管局"], ids["市财政局"]
			agent := audit.Actor{Username: "jiexian"}
			office := authz.Principal{Username: agent.Username, Role: authz.Office}
			unitP := authz.Principal{Username: "unit", Role: authz.Liaison, Units: []int64{zjj, cgj}}
			if err := db.SaveTicketService(ctx, agent, records.TicketService{Code: "cs-wy", Name: "物业管理", Path: "城乡建设/物业管理",
				Type: "complaint", UnitID: zjj, Active: true}); err != nil {
				t.Fatal(err)
			}
			clock := time.Date(2026, 3, 2, 9, 0, 0, 0, cst)
			hl := &hotlinesvc.Service{Store: db, Calendar: workday.Default(), Limits: hotline.Guangdong(), Now: func() time.Time { return clock }}
			must := func(tk *records.Ticket, err error) *records.Ticket {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
				return tk
			}
			receive := func(code string) *records.Ticket {
				t.Helper()
				return must(hl.Receive(ctx, agent, hotlinesvc.Intake{ServiceCode: code, Channel: "phone", Description: "电梯停运", Phone: "13900001111"}))
			}
			conclude := func(id int64, verdict hotline.Satisfaction) {
				t.Helper()
				must(hl.Sign(ctx, unitP, audit.Actor{Username: "unit"}, id))
				must(hl.Answer(ctx, unitP, audit.Actor{Username: "unit"}, id, "已处理"))
				must(hl.Visit(ctx, office, agent, id, verdict, verdict != hotline.Dissatisfied))
			}
			// 市住建局: three tickets in March, one satisfied, one not, one still open.
			conclude(receive("cs-wy").ID, hotline.Satisfied)
			conclude(receive("cs-wy").ID, hotline.Dissatisfied)
			// 市城管局: one ticket routed from triage, not yet visited.
			b := receive("")
			must(hl.Assign(ctx, office, agent, b.ID, cgj))
			clock = time.Date(2026, 3, 31, 23, 30, 0, 0, cst)
			open := receive("cs-wy")
			// After the quarter, China time (still 31 March in UTC): not the quarter's.
			clock = time.Date(2026, 4, 1, 0, 30, 0, 0, cst)
			conclude(receive("cs-wy").ID, hotline.Dissatisfied)

			today := func() time.Time { return time.Date(2026, 4, 10, 2, 0, 0, 0, time.UTC) }
			svc := &Service{Store: db, Now: today, Rates: hl.Rates}
			q1, _ := ledger.ParsePeriod("2026-Q1")
			sc, u, err := svc.Explain(ctx, q1, zjj)
			if err != nil {
				t.Fatal(err)
			}
			if want := "12345 工单满意率 50%（工单 3 件，回访 2 件）：得 5.00 分，满分 10"; u.Satisfaction != 5 || satisfactionLine(u) != want {
				t.Errorf("市住建局 %v %q, want %q", u.Satisfaction, satisfactionLine(u), want)
			}
			if r := sc.Hotline[zjj]; r.Tickets != 3 || r.Visited != 2 || r.Satisfaction != 0.5 || r.Response != 1.0/3 { // the reopened ticket awaits signing again
				t.Errorf("市住建局 三率 %+v", r)
			}
			for unit, want := range map[int64]string{
				cgj: "本期 12345 工单 1 件尚无回访，按 1 个单位的平均满意率 50% 计：得 5.00 分",
				czj: "本单位无满意度数据，按 1 个单位的平均满意率 50% 计：得 5.00 分",
			} {
				if _, u, err := svc.Explain(ctx, q1, unit); err != nil || u.Satisfaction != 5 || satisfactionLine(u) != want {
					t.Errorf("%s: %v %q %v, want %q", u.Unit, u.Satisfaction, satisfactionLine(u), err, want)
				}
			}
			if _, u, _ := svc.Explain(ctx, ledger.Period{Key: "2026-04", Start: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
				End: time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC)}, zjj); u.Total != 0 || u.Satisfaction != 0 || len(u.Lines) != 1 ||
				u.Lines[0].Key != "assess.line.not_assessed" {
				// Not scored: its page says the unit had nothing in the period.
				t.Errorf("April scored a unit with no task due: %+v", u)
			}
			april, _ := ledger.ParsePeriod("2026-04")
			if r, _ := hl.Rates(ctx, chinaDay(april.Start), chinaDay(today())); r[zjj].Tickets != 1 || r[zjj].Satisfaction != 0 {
				t.Errorf("April's 三率 %+v", r[zjj])
			}

			before := satisfactionOf(t, svc, q1, zjj)
			conclude(open.ID, hotline.Satisfied)
			if after := satisfactionOf(t, svc, q1, zjj); before != 5 || after != 6.67 {
				t.Errorf("the ranking did not follow the visit: %v → %v", before, after)
			}
			plain := &Service{Store: db, Now: today}
			if s := satisfactionOf(t, plain, q1, zjj); s != 10 {
				t.Errorf("without the hotline: %v, want full marks", s)
			}
		})
	}
}

func satisfactionLine(u assess.Score) string {
	for _, l := range u.Lines {
		if l.Part == assess.PartSatisfaction {
			return l.Explain(i18n.New(i18n.ZhCN).T)
		}
	}
	return ""
}

func satisfactionOf(t *testing.T, s *Service, p ledger.Period, unit int64) float64 {
	t.Helper()
	sc, err := s.ranking(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range sc.Scores {
		if u.UnitID == unit {
			return u.Satisfaction
		}
	}
	t.Fatalf("unit %d not ranked", unit)
	return 0
}
