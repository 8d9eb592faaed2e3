package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/units"
	"github.com/duban/duban/internal/workday"
)

// openDemoOn opens `duban serve --demo` on an empty folder as it runs on
// the day today (a clock stopped at 10:00 that day, Beijing time), and
// returns the application and its folder.
func openDemoOn(t *testing.T, today string) (*App, string) {
	t.Helper()
	day, err := time.ParseInLocation(time.DateOnly, today, workday.Zone)
	if err != nil {
		t.Fatal(err)
	}
	now := day.Add(10 * time.Hour)
	cfg := config.Defaults()
	cfg.DataDir, cfg.Demo, cfg.LogLevel = t.TempDir(), true, "error"
	app, err := Open(context.Background(), cfg, &Env{Stdout: io.Discard, Stderr: io.Discard, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	return app, cfg.DataDir
}

// TestDemoIsAliveToday (issue 14): whatever day the demo is created on,
// every page has current content: the default assessment period (this
// quarter) ranks at least 12 units, the desk holds at least 3 unanswered
// 督办单, the dashboard's longest overdue task is weeks late, not years,
// some tasks fall due this week, and `duban supervise --dry-run` on the
// folder, on the same day, lists the events owed since supervision last
// ran. Days months apart show that it follows the day.
func TestDemoIsAliveToday(t *testing.T) {
	for _, today := range []string{"2026-12-06", "2027-05-19", "2027-08-20"} {
		t.Run(today, func(t *testing.T) {
			app, dir := openDemoOn(t, today)
			ctx := context.Background()
			office := authz.Principal{Username: "ducha", Role: authz.Office}
			day, _ := time.Parse(time.DateOnly, today)

			// The scores, through the API, for the default period, as the
			// leader (the office signs in with a second factor).
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("POST", "/api/v1/auth/token", strings.NewReader(`{"username":"lingdao","password":"`+DemoPassword+`"}`))
			req.Header.Set("Content-Type", "application/json")
			app.Server.ServeHTTP(rec, req)
			var tok struct{ Token string }
			if err := json.Unmarshal(rec.Body.Bytes(), &tok); rec.Code != http.StatusCreated || err != nil {
				t.Fatalf("lingdao signs in: %d %s", rec.Code, rec.Body)
			}
			rec = httptest.NewRecorder()
			req = httptest.NewRequest("GET", "/api/v1/assessment/scores", nil)
			req.Header.Set("Authorization", "Bearer "+tok.Token)
			app.Server.ServeHTTP(rec, req)
			var scores struct {
				Period struct{ Key string } `json:"period"`
				Scores []struct {
					Unit string `json:"unit"`
					Rank int    `json:"rank"`
				} `json:"scores"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &scores); rec.Code != http.StatusOK || err != nil {
				t.Fatalf("GET /api/v1/assessment/scores: %d %s", rec.Code, rec.Body)
			}
			ranked := 0
			for _, s := range scores.Scores {
				if s.Rank > 0 {
					ranked++
				}
			}
			if ranked < 12 {
				t.Errorf("the default period %+v ranks %d units, want at least 12", scores.Period, ranked)
			}

			desk, err := app.Supervision.Desk(ctx, office)
			if err != nil {
				t.Fatal(err)
			}
			if len(desk.Notices) < 3 {
				t.Errorf("the desk lists %d unanswered 督办单, want at least 3", len(desk.Notices))
			}

			dash, err := app.Portal.Dashboard(ctx, office)
			if err != nil {
				t.Fatal(err)
			}
			if len(dash.Ledger.Overdue) == 0 {
				t.Fatal("the dashboard lists no overdue task")
			}
			if late := day.Sub(dash.Ledger.Overdue[0].NextDue); late <= 0 || late >= 60*24*time.Hour {
				t.Errorf("the most overdue task is %v late (due %s), want under 60 days", late, dash.Ledger.Overdue[0].NextDue.Format(time.DateOnly))
			}
			tasks, _, err := app.Store.FindTasks(ctx, tasksDueWithin(day, 7))
			if err != nil {
				t.Fatal(err)
			}
			if len(tasks) == 0 {
				t.Errorf("no task falls due in the week from %s", today)
			}

			var out, errOut bytes.Buffer
			env := &Env{Stdout: &out, Stderr: &errOut, Now: app.Signin.Now}
			if err := runSupervise(ctx, env, []string{"--dry-run", "--data", dir}); err != nil {
				t.Fatalf("supervise --dry-run: %v %s", err, errOut.String())
			}
			if head := strings.SplitN(out.String(), "\n", 2)[0]; !strings.Contains(head, "截至 "+today) || strings.Contains(head, " 0 件") {
				t.Errorf("supervise --dry-run on %s: %s", today, head)
			}
		})
	}
}

// TestDemoUnitsHaveNoAliasTwins: no two demo units are one body under two
// names. Each unit's name and aliases are matched against the registry
// without it; an exact match or a suggestion as close as the aliases the
// matcher found (市发改委 / 市发展改革委 at 0.90) is a twin.
func TestDemoUnitsHaveNoAliasTwins(t *testing.T) {
	app, _ := openDemoOn(t, "2026-12-06")
	ctx := context.Background()
	all, err := app.Store.FindUnits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, u := range all {
		var others []units.Unit
		for j, o := range all {
			if j != i {
				others = append(others, units.Unit{ID: o.ID, Name: o.Name, Aliases: o.Aliases})
			}
		}
		ix := units.NewIndex(others)
		for _, name := range append([]string{u.Name}, u.Aliases...) {
			m := ix.Match(name)
			if m.UnitID != 0 {
				t.Errorf("%s (unit %s) is also unit %d", name, u.Name, m.UnitID)
			}
			for _, s := range m.Suggestions {
				if s.Score >= 0.88 && !partyGroupOf(name, s.Name) {
					t.Errorf("%s (unit %s) and %s are one body under two names (%.2f)", name, u.Name, s.Name, s.Score)
				}
			}
		}
	}
	// A task that names the short form links to the one unit.
	byName := map[string]int64{}
	for _, u := range all {
		byName[u.Name] = u.ID
	}
	for full, aliases := range demoAliases {
		if byName[full] == 0 {
			t.Errorf("%s is not registered", full)
		}
		for _, a := range aliases {
			if byName[a] != 0 {
				t.Errorf("%s is registered beside %s", a, full)
			}
		}
	}
	tasks, _, err := app.Store.FindTasks(ctx, records.TaskFilter{UnitID: byName["市发展改革委"], Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	short, full := 0, 0
	for _, tk := range tasks {
		for _, n := range tk.Units {
			switch n {
			case "市发改委":
				short++
			case "市发展改革委":
				full++
			}
		}
	}
	if short == 0 || full == 0 {
		t.Errorf("市发展改革委's tasks name it %d times in full and %d times as 市发改委, want both", full, short)
	}
}

// partyGroupOf reports whether one name is the other's with a party
// organ after it (各县政府 / 各县政府党组): a body and its party group are
// two bodies, however alike their names.
func partyGroupOf(a, b string) bool {
	a, b = units.Normalize(a), units.Normalize(b)
	for _, organ := range []string{"党组", "党委"} {
		if a+organ == b || b+organ == a {
			return true
		}
	}
	return false
}

// tasksDueWithin selects the ledger's tasks next due from day to days
// later.
func tasksDueWithin(day time.Time, days int) records.TaskFilter {
	return records.TaskFilter{Registered: true, DueFrom: day, DueTo: day.AddDate(0, 0, days), Limit: 50}
}
