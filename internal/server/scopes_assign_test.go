package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/duban/duban/internal/store/storetest"
)

// scopeRefusal is an answer's problem fields and status.
func scopeRefusal(t *testing.T, body string) map[string]string {
	t.Helper()
	var out struct {
		Problems []struct{ Field, Message string } `json:"problems"`
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatalf("the refusal %q: %v", body, err)
	}
	m := map[string]string{}
	for _, p := range out.Problems {
		m[p.Field] = p.Message
	}
	return m
}

// TestScopesAssign: a county office (分级督查) may assign, adjust, split
// and enter 督办件 and findings only to units of its county's subtree; a
// city unit is refused at the field that chose it (403, or 422 at the
// row of a split or the line of a batch), a county unit is taken; the
// city's office, bound to nothing, assigns anywhere as before.
func TestScopesAssign(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			scopeFixture(t, f)
			reg, err := f.db.FindUnits(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]int64{}
			for _, u := range reg {
				ids[u.Name] = u.ID
			}
			county, sub, city := ids["鹿城区政府"], ids["鹿城区发改局"], f.unitA
			outside := "该单位不在本督查室的督查范围内。"
			refused := func(what string, code int, body string, wantCode int, field string) {
				t.Helper()
				if code != wantCode {
					t.Errorf("%s = %d %s, want %d", what, code, body, wantCode)
					return
				}
				if got := scopeRefusal(t, body)[field]; got != outside {
					t.Errorf("%s: problem at %s = %q in %s", what, field, got, body)
				}
			}
			matter := func(caller string, unit int64) (int, string) {
				return f.send(t, caller, "POST", "/api/v1/matters", fmt.Sprintf(
					`{"kind":"instruction","title":"县里的批示件","source_text":"请研究。","units":[{"unit_id":%d}],"deadline":"12月31日前"}`, unit))
			}
			code, body := matter("countyOffice", city)
			refused("the county office's 督办件 to a city unit", code, body, http.StatusForbidden, "units")
			code, body = f.send(t, "countyOffice", "POST", "/api/v1/matters/batch", fmt.Sprintf(
				`{"kind":"meeting","source_text":"县长办公会","units":[{"unit_id":%d}],"deadline":"12月31日前","lines":"第一件事\n\n第二件事"}`, city))
			refused("the county office's batch to a city unit", code, body, http.StatusUnprocessableEntity, "lines.1")
			if scopeRefusal(t, body)["lines.3"] != outside {
				t.Errorf("the batch's second line is not refused at lines.3: %s", body)
			}
			code, body = matter("countyOffice", county)
			if code != http.StatusCreated {
				t.Fatalf("the county office's 督办件 to its county = %d %s", code, body)
			}
			var task struct {
				ID  int64  `json:"id"`
				Due string `json:"due"`
			}
			if err := json.Unmarshal([]byte(body), &task); err != nil {
				t.Fatal(err)
			}
			path := fmt.Sprintf("/api/v1/tasks/%d", task.ID)

			code, body = f.send(t, "countyOffice", "PATCH", path, fmt.Sprintf(`{"units":[{"name":"市法制办","unit_id":%d,"lead":true}]}`, city))
			refused("the county office assigning its task to a city unit", code, body, http.StatusForbidden, "units")
			code, body = f.send(t, "countyOffice", "POST", path+"/adjust", fmt.Sprintf(
				`{"units":[{"name":"市法制办","unit_id":%d,"lead":true}],"reason":"调整责任单位"}`, city))
			refused("the county office adjusting its task to a city unit", code, body, http.StatusForbidden, "units")
			code, body = f.send(t, "countyOffice", "POST", path+"/subtasks", fmt.Sprintf(
				`[{"title":"分解一","unit_id":%d,"due":%q},{"title":"分解二","unit_id":%d,"due":%q}]`, sub, task.Due, city, task.Due))
			refused("the county office splitting to a city unit", code, body, http.StatusUnprocessableEntity, "subtasks.2.unit")

			if code, body = f.send(t, "countyOffice", "PATCH", path, fmt.Sprintf(`{"units":[{"name":"鹿城区发改局","unit_id":%d,"lead":true}]}`, sub)); code != http.StatusOK {
				t.Errorf("the county office assigning its task to its county's unit = %d %s", code, body)
			}
			if code, body = f.send(t, "countyOffice", "POST", path+"/subtasks", fmt.Sprintf(`[{"title":"分解一","unit_id":%d,"due":%q}]`, sub, task.Due)); code != http.StatusCreated {
				t.Errorf("the county office splitting to its county's unit = %d %s", code, body)
			}
			if code, body = f.send(t, "office", "PATCH", path, fmt.Sprintf(`{"units":[{"name":"市法制办","unit_id":%d,"lead":true}]}`, city)); code != http.StatusOK {
				t.Errorf("the city office assigning the county task to a city unit = %d %s", code, body)
			}

			addPlanEntry(t, f)
			var in struct{ ID int64 }
			if code := f.do(t, "office", "POST", "/api/v1/inspections", strings.NewReader(`{"plan_entry_id":1,"title":"专项督查",`+
				`"held_on":"`+inspectionDay(0)+`","inspectors":"督查室","place":"鹿城区"}`), "application/json", &in); code != 201 {
				t.Fatalf("POST /api/v1/inspections = %d", code)
			}
			finding := func(unit int64) (int, string) {
				return f.send(t, "countyOffice", "POST", fmt.Sprintf("/api/v1/inspections/%d/findings", in.ID),
					fmt.Sprintf(`{"description":"公示栏内容过期","unit_id":%d,"due":%q}`, unit, inspectionDay(15)))
			}
			code, body = finding(city)
			refused("the county office's finding at a city unit", code, body, http.StatusForbidden, "unit_id")
			if code, body = finding(sub); code != http.StatusCreated {
				t.Errorf("the county office's finding at its county's unit = %d %s", code, body)
			}
		})
	}
}
