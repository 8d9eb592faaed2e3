package portalsvc

import (
	"context"
	"errors"
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

func portalFixture(t *testing.T, kind string) (*Service, *store.DB, int64, []records.Task) {
	t.Helper()
	ctx := context.Background()
	db := storetest.Open(t, kind)
	if _, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市法制办", Kind: records.UnitDepartment}); err != nil {
		t.Fatal(err)
	}
	due := []plandoc.Deadline{{Text: "2月底前", Due: "2026-02-27"}}
	plan, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("c", 64), Format: "text",
		Plan: &plandoc.Plan{Title: "法治政府建设方案", Tasks: []plandoc.Task{
			{Path: []string{"1"}, Title: "建设政务热线", Text: "整合热线。", Units: []string{"市法制办"}, Deadlines: due},
			{Path: []string{"2"}, Title: "规范执法", Units: []string{"市法制办"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	tasks, _, err := db.FindTasks(ctx, records.TaskFilter{PlanID: plan})
	if err != nil || len(tasks) != 2 {
		t.Fatalf("tasks: %v", err)
	}
	now := func() time.Time { return time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC) }
	led := &ledgersvc.Service{Store: db, Calendar: workday.Default(), Rules: ledger.DefaultRules, Now: now}
	return &Service{Store: db, Ledger: led, Now: now}, db, plan, tasks
}

// TestPortalPublicOnly: a plan and its tasks exist for the public only
// once published; a task's page keeps its steps but not the office's
// edits; the search and the open data read published tasks only.
func TestPortalPublicOnly(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			s, db, plan, tasks := portalFixture(t, kind)
			if h, err := s.Home(ctx, "热线"); err != nil || len(h.Plans) != 0 || len(h.Results) != 0 {
				t.Errorf("before publishing: %+v %v", h, err)
			}
			if _, err := s.Plan(ctx, plan); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("an unpublished plan: %v", err)
			}
			if _, err := s.Task(ctx, tasks[0].ID); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("a task of an unpublished plan: %v", err)
			}
			if rows, err := s.OpenData(ctx); err != nil || len(rows) != 0 {
				t.Errorf("open data before publishing: %+v %v", rows, err)
			}
			owner := "王局长"
			if _, err := db.UpdateTask(ctx, audit.System, tasks[0].ID, records.TaskUpdate{Owner: &owner}); err != nil {
				t.Fatal(err)
			}
			if err := db.PublishPlan(ctx, audit.System, plan, true); err != nil {
				t.Fatal(err)
			}
			h, err := s.Home(ctx, "热线")
			if err != nil || len(h.Plans) != 1 || h.Plans[0].Tasks != 2 || len(h.Results) != 1 || h.Results[0].Title != "建设政务热线" || h.More {
				t.Errorf("home %+v %v", h, err)
			}
			p, err := s.Plan(ctx, plan)
			if err != nil || len(p.Rows) != 2 || p.Overdue != 1 || len(p.Units) != 1 || p.Units[0].Due != 1 {
				t.Errorf("plan %+v %v", p, err)
			}
			tk, err := s.Task(ctx, tasks[0].ID)
			if err != nil || tk.PlanTitle != "法治政府建设方案" || tk.Text != "整合热线。" || strings.Join(tk.Path, ".") != "1" {
				t.Fatalf("task %+v %v", tk, err)
			}
			events, err := db.FindTaskEvents(ctx, tasks[0].ID)
			if err != nil || len(events) != len(tk.History)+1 {
				t.Errorf("the ledger has %d steps (%v), the public page %d: the edit alone is left out", len(events), err, len(tk.History))
			}
			for _, st := range tk.History {
				if st.Kind == records.EventEdited {
					t.Errorf("the office's edit is public: %+v", tk.History)
				}
			}
			rows, err := s.OpenData(ctx)
			if err != nil || len(rows) != 2 || rows[0].PlanTitle != "法治政府建设方案" {
				t.Errorf("open data %+v %v", rows, err)
			}
		})
	}
}

// TestDashboardWhoReads: the dashboard is the leaders' and the office's;
// a liaison may not read it, whatever page or API asks. With none of the
// citizens' services running there is no citizens' side.
func TestDashboardWhoReads(t *testing.T) {
	ctx := context.Background()
	s, _, _, _ := portalFixture(t, "sqlite")
	for _, c := range []struct {
		p    authz.Principal
		read bool
	}{
		{authz.Principal{UserID: 1, Role: authz.Leader}, true},
		{authz.Principal{UserID: 2, Role: authz.Office}, true},
		{authz.Principal{UserID: 3, Role: authz.Liaison, Units: []int64{1}}, false},
		{authz.Principal{UserID: 4, Role: authz.AuditAdmin}, false},
	} {
		d, err := s.Dashboard(ctx, c.p)
		switch {
		case c.read && (err != nil || d.Ledger.All.Total() != 2 || d.Citizens != nil || !d.Today.Equal(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC))):
			t.Errorf("%s reads %+v %v", c.p.Role, d, err)
		case !c.read && !errors.Is(err, fault.ErrForbidden):
			t.Errorf("%s read the dashboard: %v", c.p.Role, err)
		}
	}
}
