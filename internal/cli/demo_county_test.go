package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
)

// TestDemoCountyOfficeScope is issue 16's scope must-show on the demo:
// xianducha, 鹿城区政府's 督查室, lists through the API and on the task
// list page only the tasks of the county's subtree (its plan's four, of
// the county and the units under it), the city's office (ducha) finds
// them too, and xianducha is refused a city task, reading (403) and
// writing (403).
func TestDemoCountyOfficeScope(t *testing.T) {
	app := openDemo(t)
	ctx := context.Background()
	token := func(name, kind string) string {
		u, err := app.Store.FindUserByUsername(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		if !u.TOTPEnabled { // an office signs in with a second factor; enrolled here, not the point of the test
			if err := app.Store.StartTOTP(ctx, audit.System, u.ID, "JBSWY3DPEHPK3PXP"); err != nil {
				t.Fatal(err)
			}
			if err := app.Store.ConfirmTOTP(ctx, audit.System, u.ID, 1, nil); err != nil {
				t.Fatal(err)
			}
		}
		tok, err := app.Signin.Issue(ctx, audit.System, u.ID, kind, "test", "127.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	do := func(method, path, body string, header http.Header) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		for k, v := range header {
			req.Header[k] = v
		}
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, req)
		return rec
	}
	type list struct {
		Items []struct {
			ID      int64   `json:"id"`
			Title   string  `json:"title"`
			UnitIDs []int64 `json:"unit_ids"`
		} `json:"items"`
		Total int `json:"total"`
	}
	get := func(bearer http.Header, path string) list {
		rec := do("GET", path, "", bearer)
		var l list
		if err := json.Unmarshal(rec.Body.Bytes(), &l); rec.Code != http.StatusOK || err != nil {
			t.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body)
		}
		return l
	}
	county := http.Header{"Authorization": {"Bearer " + token("xianducha", records.SessionAPI)}}
	city := http.Header{"Authorization": {"Bearer " + token("ducha", records.SessionAPI)}}

	// xianducha lists its county plan's tasks and the city tasks passed
	// down to the county (分解下达), and nothing of another unit's.
	subtree, err := app.Store.UnitSubtree(ctx, []int64{mustUnit(t, app, demoCounty)})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, c := range demoCountyTasks {
		want = append(want, c.title)
	}
	mine := get(county, "/api/v1/tasks?limit=500")
	var got []string
	for _, it := range mine.Items {
		got = append(got, it.Title)
		if !slices.ContainsFunc(it.UnitIDs, func(u int64) bool { return slices.Contains(subtree, u) }) {
			t.Errorf("xianducha lists %q of units %v, outside the county's subtree %v", it.Title, it.UnitIDs, subtree)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("xianducha's list lacks the county task %s", w)
		}
	}
	if mine.Total != len(mine.Items) || mine.Total <= len(want) {
		t.Fatalf("xianducha lists %d tasks (%d items), want the county plan's %d and the sub-tasks passed down to it",
			mine.Total, len(mine.Items), len(want))
	}
	countyIDs := map[int64]bool{}
	for _, it := range mine.Items {
		countyIDs[it.ID] = true
	}
	// The city's office reads every one of them, and lists more.
	for _, it := range mine.Items {
		if rec := do("GET", fmt.Sprintf("/api/v1/tasks/%d", it.ID), "", city); rec.Code != http.StatusOK {
			t.Errorf("ducha reads the county's task %q: %d", it.Title, rec.Code)
		}
	}
	all := get(city, "/api/v1/tasks?limit=500")
	var cityTask int64
	var cityTitle string
	for _, it := range all.Items {
		if !countyIDs[it.ID] && cityTask == 0 {
			cityTask, cityTitle = it.ID, it.Title
		}
	}
	if all.Total <= mine.Total || cityTask == 0 {
		t.Fatalf("ducha lists %d tasks, xianducha %d", all.Total, mine.Total)
	}
	path := fmt.Sprintf("/api/v1/tasks/%d", cityTask)
	if rec := do("GET", path, "", county); rec.Code != http.StatusForbidden {
		t.Errorf("xianducha reads a city task: %d, want 403", rec.Code)
	}
	jsonCT := http.Header{"Authorization": county["Authorization"], "Content-Type": {"application/json"}}
	if rec := do("PATCH", path, `{"title":"改写"}`, jsonCT); rec.Code != http.StatusForbidden {
		t.Errorf("xianducha edits a city task: %d, want 403", rec.Code)
	}
	if rec := do("POST", path+"/revoke", `{"reason":"撤销"}`, jsonCT); rec.Code != http.StatusForbidden {
		t.Errorf("xianducha revokes a city task: %d, want 403", rec.Code)
	}

	// The ranking: xianducha's places the county's units only, among
	// themselves, in the quarter its overdue task falls due.
	period, err := ledger.PeriodOf("quarter", app.Ledger.Today().AddDate(0, 0, -3))
	if err != nil {
		t.Fatal(err)
	}
	scores := func(bearer http.Header) []int64 {
		rec := do("GET", "/api/v1/assessment/scores?period="+period.Key, "", bearer)
		var b struct {
			Scores []struct {
				UnitID int64 `json:"unit_id"`
				Rank   int   `json:"rank"`
			} `json:"scores"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &b); rec.Code != http.StatusOK || err != nil {
			t.Fatalf("scores: %d %s", rec.Code, rec.Body)
		}
		var ids []int64
		for _, s := range b.Scores {
			ids = append(ids, s.UnitID)
		}
		return ids
	}
	ranked, cityRanked := scores(county), scores(city)
	if len(ranked) == 0 || len(cityRanked) <= len(ranked) {
		t.Errorf("ranked: xianducha %v, ducha %d units", ranked, len(cityRanked))
	}
	for _, u := range ranked {
		if !slices.Contains(subtree, u) {
			t.Errorf("xianducha's ranking places unit %d, outside the county", u)
		}
	}

	// The web task list, in a web session of each office.
	page := func(name, path string) string {
		rec := do("GET", path, "", http.Header{"Cookie": {httpauth.CookieName + "=" + token(name, records.SessionWeb)}})
		if rec.Code != http.StatusOK {
			t.Fatalf("%s as %s: %d", path, name, rec.Code)
		}
		return rec.Body.String()
	}
	body := page("xianducha", "/tasks")
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("xianducha's task list lacks %s", w)
		}
	}
	if strings.Contains(body, cityTitle) {
		t.Errorf("xianducha's task list shows the city task %s", cityTitle)
	}
	if body := page("ducha", "/tasks?q="+url.QueryEscape(want[0])); !strings.Contains(body, want[0]) {
		t.Errorf("ducha's task list does not find %s", want[0])
	}
}

// mustUnit is the id of the demo's unit named name.
func mustUnit(t *testing.T, app *App, name string) int64 {
	t.Helper()
	all, err := app.Store.FindUnits(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range all {
		if u.Name == name {
			return u.ID
		}
	}
	t.Fatalf("no unit %s", name)
	return 0
}
