package webdeps

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/emergencysvc"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/workday"
)

// TestDisclosureAndIncidentsByRole: the office records an information
// request and sees who asked; a leader reads it with the applicant
// masked and may not act; a liaison may not open the requests at all.
// The office records an incident for 市应急管理局; that unit's liaison
// sees it and records the information published; a 12345 ticket
// redirected to 依申请公开 fills the office's intake form; another unit's liaison
// neither sees it nor may record for it.
func TestDisclosureAndIncidentsByRole(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, office := ledgerDeps(t, kind)
			now := func() time.Time { return time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC) }
			d.FOIA = &foiasvc.Service{Store: d.Store, Calendar: workday.Default(), Now: now}
			d.Incidents = &emergencysvc.Service{Store: d.Store, Now: now}
			d.Hotline = &hotlinesvc.Service{Store: d.Store, Calendar: workday.Default(), Limits: hotline.Guangdong(), Now: now}
			as := func(name string, role authz.Role, units ...int64) context.Context {
				u, err := d.Store.CreateUser(office, audit.System, records.UserCreate{Username: name, PasswordHash: "x", Role: role, Units: units})
				if err != nil {
					t.Fatal(err)
				}
				return web.WithCurrentUser(context.Background(), web.CurrentUser{ID: u.ID, Username: u.Username, Role: string(role)})
			}
			yjj, _ := d.Store.CreateUnit(office, audit.System, records.UnitCreate{Name: "市应急管理局", Kind: records.UnitDepartment})
			cz, _ := d.Store.CreateUnit(office, audit.System, records.UnitCreate{Name: "市财政局", Kind: records.UnitDepartment})
			leader, own, other := as("lingdao", authz.Leader), as("yjj", authz.Liaison, yjj.ID), as("cz", authz.Liaison, cz.ID)
			w := d.Web()

			id, err := w.Disclosure.Intake(office, web.FOIAInput{Kind: "person", Name: "钱七", Phone: "13600004444", Channel: "registered",
				Received: "2026-02-27", Content: "某项目环评报告"})
			if err != nil {
				t.Fatal(err)
			}
			if v, err := w.Disclosure.Get(office, id); err != nil || v.Applicant != "钱七" || !strings.Contains(v.Contact, "13600004444") || !v.CanAct {
				t.Errorf("office sees %+v %v", v, err)
			}
			if v, err := w.Disclosure.Get(leader, id); err != nil || v.Applicant != "钱*" || strings.Contains(v.Contact, "13600004444") || v.CanAct {
				t.Errorf("leader sees %+v %v", v, err)
			}
			if err := w.Disclosure.Act(leader, id, web.FOIAAction{Kind: "reply", Reply: "disclosed", Text: "x"}); !errors.Is(err, web.ErrForbidden) {
				t.Errorf("leader replied: %v", err)
			}
			if _, err := w.Disclosure.Letter(leader, id); !errors.Is(err, web.ErrForbidden) {
				t.Errorf("leader got the letter, which names the applicant: %v", err)
			}
			if _, err := w.Disclosure.List(own); !errors.Is(err, web.ErrForbidden) {
				t.Errorf("liaison listed requests: %v", err)
			}
			var bad *web.RulesInputError
			if _, err := w.Disclosure.Intake(office, web.FOIAInput{Kind: "person", Name: "x", Phone: "1", Channel: "mail", Received: "2026/2/27", Content: "y"}); !errors.As(err, &bad) {
				t.Errorf("a bad date: %v", err)
			}

			tk, err := d.Hotline.Receive(office, audit.Actor{Username: "office"}, hotlinesvc.Intake{Channel: "web", Description: "要求公开某项目的环评报告",
				Name: "孙八", Phone: "13500006666"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := d.Hotline.Redirect(office, authz.Principal{Role: authz.Office}, audit.Actor{Username: "office"}, tk.ID, "disclosure"); err != nil {
				t.Fatal(err)
			}
			if v, err := w.Hotline.Get(office, tk.ID); err != nil || !v.Can["to_foia"] {
				t.Errorf("a ticket redirected to 依申请公开 offers no request: %+v %v", v, err)
			}
			if in, err := w.Disclosure.FromTicket(office, tk.ID); err != nil || in.Name != "孙八" || in.Phone != "13500006666" || in.Content != "要求公开某项目的环评报告" || in.Channel != "online" {
				t.Errorf("filled from the ticket: %+v %v", in, err)
			}
			if st, err := w.Hotline.Stats(office, ""); err != nil || st.Received != 1 || st.Period != "2026-Q1" || len(st.Charts) != 1 {
				t.Errorf("stats %+v %v", st, err)
			}
			if d, err := w.Hotline.StatsFile(office, "2026-Q1"); err != nil {
				t.Error(err)
			} else {
				f, err := excelize.OpenReader(d.Body)
				if err != nil {
					t.Fatal(err)
				}
				rows, _ := f.GetRows("工单分类")
				if len(rows) < 2 || rows[1][1] != "受理工单" || rows[1][2] != "1" || !strings.HasSuffix(d.Filename, "2026年第一季度.xlsx") {
					t.Errorf("the workbook %s: %v", d.Filename, rows)
				}
			}
			if _, err := w.Hotline.Stats(office, "2026-Q9"); !errors.Is(err, web.ErrNotFound) {
				t.Errorf("a period that is none: %v", err)
			}
			if _, err := w.Disclosure.FromTicket(own, tk.ID); !errors.Is(err, web.ErrForbidden) {
				t.Errorf("a liaison read the caller through the form: %v", err)
			}

			inc, err := w.Incidents.Report(office, web.IncidentInput{Title: "某路段山体滑坡", Level: "major", Occurred: "2026-03-02T07:00", Unit: strconv.FormatInt(yjj.ID, 10)})
			if err != nil {
				t.Fatal(err)
			}
			if v, err := w.Incidents.List(own); err != nil || len(v.Rows) != 1 || v.CanReport {
				t.Errorf("own liaison lists %+v %v", v, err)
			}
			if v, err := w.Incidents.List(other); err != nil || len(v.Rows) != 0 {
				t.Errorf("other liaison lists %+v %v", v, err)
			}
			if _, err := w.Incidents.Get(other, inc); !errors.Is(err, web.ErrNotFound) {
				t.Errorf("other liaison opened it: %v", err)
			}
			if err := w.Incidents.Fulfil(other, inc, "authoritative", "", "https://x.gov.cn/1"); !errors.Is(err, web.ErrForbidden) {
				t.Errorf("other liaison recorded: %v", err)
			}
			if _, err := w.Incidents.Report(office, web.IncidentInput{Title: "x", Level: "major", Occurred: "2026-03-02T07:00", Unit: "999999"}); !errors.As(err, &bad) {
				t.Errorf("an unknown unit: %v", err)
			}
			if _, err := w.Incidents.Report(leader, web.IncidentInput{Title: "x", Level: "major", Occurred: "2026-03-02T07:00"}); !errors.Is(err, web.ErrForbidden) {
				t.Errorf("leader reported: %v", err)
			}
			if err := w.Incidents.Fulfil(own, inc, "authoritative", "2026-03-02T09:10", "https://x.gov.cn/1"); err != nil {
				t.Fatal(err)
			}
			dash, err := w.Dashboard.View(leader)
			if err != nil || dash.Citizens == nil || dash.Citizens.RequestsOpen != 1 || dash.Citizens.IncidentsRunning != 1 || dash.Citizens.TicketsOpen != 0 {
				t.Errorf("the dashboard's public figures: %+v %v", dash.Citizens, err)
			}
			v, err := w.Incidents.Get(leader, inc)
			if err != nil || v.Clocks[0].State != "on_time" || v.Clocks[0].Evidence != "https://x.gov.cn/1" || v.CanFulfil {
				t.Errorf("leader sees %+v %v", v, err)
			}
		})
	}
}
