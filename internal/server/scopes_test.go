package server

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// scopeFixture adds to the fixture a county (鹿城区政府) with a unit under
// it (鹿城区发改局), a county plan of one task for each, and the county's
// office and leader bound to the county (分级督查). It returns the county
// plan's task ids.
func scopeFixture(t *testing.T, f *fixture) []int64 {
	t.Helper()
	ctx, sys := context.Background(), audit.System
	county, err := f.db.CreateUnit(ctx, sys, records.UnitCreate{Name: "鹿城区政府", Kind: records.UnitDepartment})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.db.CreateUnit(ctx, sys, records.UnitCreate{Name: "鹿城区发改局", ParentID: county.ID, Kind: records.UnitDepartment}); err != nil {
		t.Fatal(err)
	}
	plan := &plandoc.Plan{Title: "鹿城区方案", Year: 2026, Tasks: []plandoc.Task{
		{Path: []string{"1"}, Title: "县甲任务", Units: []string{"鹿城区政府"}},
		{Path: []string{"2"}, Title: "县乙任务", Units: []string{"鹿城区发改局"}},
	}}
	planID, _, err := f.db.ImportPlan(ctx, records.PlanImport{SourceName: "county.txt", SourceSHA256: strings.Repeat("cd", 32), Format: "text", Plan: plan})
	if err != nil {
		t.Fatal(err)
	}
	tasks, _, err := f.db.FindTasks(ctx, records.TaskFilter{PlanID: planID})
	if err != nil || len(tasks) != 2 {
		t.Fatalf("county tasks = %d, %v", len(tasks), err)
	}
	for name, role := range map[string]authz.Role{"countyOffice": authz.Office, "countyLeader": authz.Leader} {
		u, err := f.db.CreateUser(ctx, sys, records.UserCreate{Username: name, PasswordHash: fixtureHash, Role: role, Units: []int64{county.ID}})
		if err != nil {
			t.Fatal(err)
		}
		f.users[name] = u.ID
		if f.tokens[name], err = f.services.Signin.Issue(ctx, sys, u.ID, records.SessionAPI, "test", "127.0.0.1"); err != nil {
			t.Fatal(err)
		}
	}
	return []int64{tasks[0].ID, tasks[1].ID}
}

// listTitles is GET /api/v1/tasks as caller: the titles, sorted.
func listTitles(t *testing.T, f *fixture, caller string) []string {
	t.Helper()
	var l struct {
		Items []struct{ Title string } `json:"items"`
	}
	if code := f.do(t, caller, "GET", "/api/v1/tasks?limit=100", nil, "", &l); code != http.StatusOK {
		t.Fatalf("GET /api/v1/tasks as %s = %d", caller, code)
	}
	var out []string
	for _, it := range l.Items {
		out = append(out, it.Title)
	}
	slices.Sort(out)
	return out
}

// TestScopesAPI is issue 16's scope must-show through the API: the
// county's office and leader list only the tasks of the county's subtree
// (the county's and its unit's), the city's office sees them beside the
// city's; the county's office may neither read nor write a city task
// (403), and does write its own.
func TestScopesAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			county := scopeFixture(t, f)
			want := []string{"县乙任务", "县甲任务"}
			for _, caller := range []string{"countyOffice", "countyLeader"} {
				if got := listTitles(t, f, caller); !slices.Equal(got, want) {
					t.Errorf("%s lists %v, want %v", caller, got, want)
				}
			}
			if got := listTitles(t, f, "office"); !slices.Equal(got, []string{"乙任务", "县乙任务", "县甲任务", "甲任务"}) {
				t.Errorf("the city office lists %v", got)
			}
			city := fmt.Sprintf("/api/v1/tasks/%d", f.taskA)
			if code := f.call(t, "countyOffice", "GET", city, nil, ""); code != http.StatusForbidden {
				t.Errorf("the county office reads a city task = %d, want 403", code)
			}
			for _, w := range []struct{ method, path, body string }{
				{"PATCH", city, `{"title":"改写"}`},
				{"POST", city + "/close", `{}`},
				{"POST", city + "/return", `{"reason":"退回"}`},
				{"POST", city + "/revoke", `{"reason":"撤销"}`},
				{"POST", city + "/adjust", `{"title":"改写","reason":"调整"}`},
				{"POST", city + "/subtasks", fmt.Sprintf(`[{"title":"分解","unit_id":%d,"due":"2026-12-31"}]`, f.unitA)},
			} {
				if code := f.call(t, "countyOffice", w.method, w.path, strings.NewReader(w.body), "application/json"); code != http.StatusForbidden {
					t.Errorf("the county office %s %s = %d, want 403", w.method, w.path, code)
				}
			}
			var got struct{ Title string }
			own := fmt.Sprintf("/api/v1/tasks/%d", county[1])
			if code := f.do(t, "countyOffice", "PATCH", own, strings.NewReader(`{"title":"县乙任务（改）"}`), "application/json", &got); code != http.StatusOK || got.Title != "县乙任务（改）" {
				t.Errorf("the county office edits its unit's task = %d %+v", code, got)
			}
			if code := f.call(t, "office", "GET", own, nil, ""); code != http.StatusOK {
				t.Errorf("the city office reads the county task = %d", code)
			}
			if code := f.call(t, "countyLeader", "GET", city, nil, ""); code != http.StatusForbidden {
				t.Errorf("the county leader reads a city task = %d, want 403", code)
			}
		})
	}
}

// TestScopesDashboard: the county leader's dashboard counts the county's
// two tasks and lists the county's units only; the city's leader counts
// all four (分管领导 sees the units they oversee).
func TestScopesDashboard(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			scopeFixture(t, f)
			ctx := context.Background()
			dash := func(name string) *records.Dashboard {
				p, err := f.services.Signin.Principal(ctx, f.users[name])
				if err != nil {
					t.Fatal(err)
				}
				d, err := f.services.Portal.Dashboard(ctx, p)
				if err != nil {
					t.Fatal(err)
				}
				return d.Ledger
			}
			county, city := dash("countyLeader"), dash("leader")
			if county.All.Total() != 2 || city.All.Total() != 4 {
				t.Errorf("tasks counted: county %d, city %d; want 2, 4", county.All.Total(), city.All.Total())
			}
			var names []string
			for _, u := range county.ByUnit {
				names = append(names, u.Name)
			}
			slices.Sort(names)
			if !slices.Equal(names, []string{"鹿城区发改局", "鹿城区政府"}) {
				t.Errorf("the county leader's units: %v", names)
			}
			if len(county.ByPlan) != 1 || county.ByPlan[0].Name != "鹿城区方案" || len(city.ByPlan) != 2 {
				t.Errorf("plans: county %+v, city %d", county.ByPlan, len(city.ByPlan))
			}
		})
	}
}

// TestTakeOverAPI is 提级督办: the county office may not take over a city
// task (403); the city office takes over a county task (201, audited as
// task.takeover, shown on the task), a second take-over is 409, and from
// then on the county office still reads the task but may no longer
// change it (403), while the city office may.
func TestTakeOverAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			county := scopeFixture(t, f)
			if code := f.call(t, "countyOffice", "POST", fmt.Sprintf("/api/v1/tasks/%d/takeover", f.taskA), strings.NewReader(`{}`), "application/json"); code != http.StatusForbidden {
				t.Errorf("the county office takes over a city task = %d, want 403", code)
			}
			task := fmt.Sprintf("/api/v1/tasks/%d", county[0])
			var tk records.Takeover
			if code := f.do(t, "office", "POST", task+"/takeover", strings.NewReader(`{}`), "application/json", &tk); code != http.StatusCreated ||
				tk.Username != "office" || tk.TaskID != county[0] {
				t.Fatalf("the city office takes over = %d %+v", code, tk)
			}
			if code := f.call(t, "office", "POST", task+"/takeover", strings.NewReader(`{}`), "application/json"); code != http.StatusConflict {
				t.Errorf("a second take-over = %d, want 409", code)
			}
			var d struct {
				Takeover    *records.Takeover `json:"takeover"`
				CanTakeOver bool              `json:"can_take_over"`
			}
			if code := f.do(t, "countyOffice", "GET", task, nil, "", &d); code != http.StatusOK || d.Takeover == nil || d.Takeover.Username != "office" || d.CanTakeOver {
				t.Errorf("the county office reads the task = %d %+v", code, d)
			}
			if code := f.call(t, "countyOffice", "PATCH", task, strings.NewReader(`{"title":"改写"}`), "application/json"); code != http.StatusForbidden {
				t.Errorf("the county office edits a task taken over = %d, want 403", code)
			}
			if code := f.call(t, "countyOffice", "POST", task+"/revoke", strings.NewReader(`{"reason":"撤销"}`), "application/json"); code != http.StatusForbidden {
				t.Errorf("the county office revokes a task taken over = %d, want 403", code)
			}
			if code := f.call(t, "office", "PATCH", task, strings.NewReader(`{"title":"县甲任务（市改）"}`), "application/json"); code != http.StatusOK {
				t.Errorf("the city office edits the task it took over = %d", code)
			}
			// The county's other task is still the county office's.
			if code := f.call(t, "countyOffice", "PATCH", fmt.Sprintf("/api/v1/tasks/%d", county[1]), strings.NewReader(`{"title":"县乙任务（改）"}`), "application/json"); code != http.StatusOK {
				t.Errorf("the county office edits its other task = %d", code)
			}
			var audit struct {
				Items []struct {
					Action string `json:"action"`
				} `json:"items"`
			}
			if code := f.do(t, "auditadmin", "GET", "/api/v1/audit?action=task.takeover", nil, "", &audit); code != http.StatusOK || len(audit.Items) != 1 {
				t.Errorf("audit of the take-over = %d %+v", code, audit)
			}
		})
	}
}
