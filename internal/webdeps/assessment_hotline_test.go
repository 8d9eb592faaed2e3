package webdeps

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/assesssvc"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/workday"
)

// TestAssessmentUnitHotline: a unit's assessment page shows its 12345
// 三率 for the period and a satisfaction line that says where the rate
// comes from; a unit without tickets shows none and the plain rule.
func TestAssessmentUnitHotline(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, office := ledgerDeps(t, kind)
			clock := time.Date(2026, 3, 3, 1, 0, 0, 0, time.UTC)
			d.Hotline = &hotlinesvc.Service{Store: d.Store, Calendar: workday.Default(), Limits: hotline.Guangdong(), Now: func() time.Time { return clock }}
			d.Assess = &assesssvc.Service{Store: d.Store, Now: func() time.Time { return time.Date(2026, 4, 10, 2, 0, 0, 0, time.UTC) },
				Rates: d.Hotline.Rates}
			var units []int64
			for _, n := range []string{"市法制办", "市财政局"} {
				u, err := d.Store.CreateUnit(office, audit.System, records.UnitCreate{Name: n, Kind: records.UnitDepartment})
				if err != nil {
					t.Fatal(err)
				}
				units = append(units, u.ID)
			}
			due := []plandoc.Deadline{{Text: "3月底前", Due: "2026-03-31"}}
			if _, _, err := d.Store.ImportPlan(office, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("e", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{
					{Path: []string{"1"}, Title: "甲", Units: []string{"市法制办"}, Deadlines: due},
					{Path: []string{"2"}, Title: "乙", Units: []string{"市财政局"}, Deadlines: due}}}}); err != nil {
				t.Fatal(err)
			}
			if err := d.Store.SaveTicketService(office, audit.System, records.TicketService{Code: "fz", Name: "行政执法", Path: "法治政府/行政执法",
				Type: "complaint", UnitID: units[0], Active: true}); err != nil {
				t.Fatal(err)
			}
			agent := audit.Actor{Username: "office"}
			officeP := authz.Principal{Username: agent.Username, Role: authz.Office}
			unitP := authz.Principal{Username: "unit", Role: authz.Liaison, Units: []int64{units[0]}}
			tk, err := d.Hotline.Receive(office, agent, hotlinesvc.Intake{ServiceCode: "fz", Channel: "phone", Description: "执法态度差", Phone: "13900001111"})
			if err != nil {
				t.Fatal(err)
			}
			for _, step := range []func() (*records.Ticket, error){
				func() (*records.Ticket, error) { return d.Hotline.Sign(office, unitP, agent, tk.ID) },
				func() (*records.Ticket, error) { return d.Hotline.Answer(office, unitP, agent, tk.ID, "已处理") },
				func() (*records.Ticket, error) {
					return d.Hotline.Visit(office, officeP, agent, tk.ID, hotline.FairlySatisfied, true)
				},
			} {
				if _, err := step(); err != nil {
					t.Fatal(err)
				}
			}
			a := d.Web().Assessment
			v, err := a.Unit(office, units[0], "2026-Q1")
			if err != nil {
				t.Fatal(err)
			}
			if h := v.Hotline; h == nil || h.Tickets != 1 || h.OnTime != 1 || h.Visited != 1 || h.Satisfaction != 1 || h.Resolution != 1 {
				t.Errorf("三率 %+v", v.Hotline)
			}
			if !strings.Contains(joinLines(v), "12345 工单满意率 100%（工单 1 件，回访 1 件）：得 10.00 分，满分 10") {
				t.Errorf("lines:\n%s", joinLines(v))
			}
			// Another unit's liaison may not open the unit's score at all
			// (its lines name that unit's tasks and its 三率); the unit's
			// own liaison sees its 三率.
			lu, err := d.Store.CreateUser(office, audit.System, records.UserCreate{Username: "lly", PasswordHash: "x",
				Role: authz.Liaison, Units: []int64{units[1]}})
			if err != nil {
				t.Fatal(err)
			}
			liaison := web.WithCurrentUser(context.Background(), web.CurrentUser{ID: lu.ID, Username: lu.Username, Role: "liaison"})
			if _, err := a.Unit(liaison, units[0], "2026-Q1"); !errors.Is(err, web.ErrForbidden) {
				t.Errorf("the liaison of 市财政局 opened 市法制办's score: %v", err)
			}
			if v, err := a.Unit(liaison, units[1], "2026-Q1"); err != nil || v.Hotline == nil {
				t.Errorf("the liaison of 市财政局 reads its own 三率: %+v %v", v, err)
			}
			v, err = a.Unit(office, units[1], "2026-Q1")
			if err != nil {
				t.Fatal(err)
			}
			if v.Hotline == nil || v.Hotline.Tickets != 0 || !strings.Contains(joinLines(v), "本单位无满意度数据，按 1 个单位的平均满意率 100% 计") {
				t.Errorf("a unit without tickets: %+v\n%s", v.Hotline, joinLines(v))
			}
		})
	}
}
