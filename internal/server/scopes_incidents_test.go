package server

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/store/storetest"
)

// TestScopesIncidents: the county office reports an incident only with a
// lead unit of its county's subtree (a city unit is refused at unit_id,
// 403; none at all, 422), lists and reads those only; a city unit's
// incident is not found to it, and the city's office lists both.
func TestScopesIncidents(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			scopeFixture(t, f)
			reg, err := f.db.FindUnits(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			var sub int64
			for _, u := range reg {
				if u.Name == "鹿城区发改局" {
					sub = u.ID
				}
			}
			occurred := time.Now().Add(-2 * time.Hour).Truncate(time.Second).Format(time.RFC3339)
			report := func(caller, unit string) (int, string) {
				return f.send(t, caller, "POST", "/api/v1/incidents", fmt.Sprintf(`{"title":"某镇山洪","level":"major","occurred_at":%q%s}`, occurred, unit))
			}
			code, body := report("countyOffice", fmt.Sprintf(`,"unit_id":%d`, f.unitA))
			if code != http.StatusForbidden || scopeRefusal(t, body)["unit_id"] != "该单位不在本督查室的督查范围内。" {
				t.Errorf("the county office's incident of a city unit = %d %s", code, body)
			}
			if code, body := report("countyOffice", ""); code != http.StatusUnprocessableEntity {
				t.Errorf("the county office's incident of no unit = %d %s", code, body)
			}
			var own, city apiIncident
			if code := f.do(t, "countyOffice", "POST", "/api/v1/incidents", strings.NewReader(fmt.Sprintf(`{"title":"县里山洪","level":"major","occurred_at":%q,"unit_id":%d}`, occurred, sub)), "application/json", &own); code != http.StatusCreated {
				t.Fatalf("the county office's incident of its unit = %d", code)
			}
			if code := f.do(t, "office", "POST", "/api/v1/incidents", strings.NewReader(fmt.Sprintf(`{"title":"市里火灾","level":"general","occurred_at":%q,"unit_id":%d}`, occurred, f.unitA)), "application/json", &city); code != http.StatusCreated {
				t.Fatalf("the city office's incident = %d", code)
			}
			count := func(caller string) int {
				var l struct {
					Items []apiIncident `json:"items"`
				}
				if code := f.do(t, caller, "GET", "/api/v1/incidents", nil, "", &l); code != http.StatusOK {
					t.Fatalf("GET /api/v1/incidents as %s = %d", caller, code)
				}
				return len(l.Items)
			}
			if n, m := count("countyOffice"), count("office"); n != 1 || m != 2 {
				t.Errorf("incidents listed: the county office %d, the city office %d", n, m)
			}
			for id, want := range map[int64]int{own.ID: http.StatusOK, city.ID: http.StatusNotFound} {
				if code := f.call(t, "countyOffice", "GET", fmt.Sprintf("/api/v1/incidents/%d", id), nil, ""); code != want {
					t.Errorf("the county office reads incident %d = %d, want %d", id, code, want)
				}
			}
		})
	}
}
