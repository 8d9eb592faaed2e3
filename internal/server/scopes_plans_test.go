package server

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/store/storetest"
)

// planTitles is GET /api/v1/plans as caller: the titles, sorted.
func planTitles(t *testing.T, f *fixture, caller string) []string {
	t.Helper()
	var l struct {
		Items []struct{ Title string } `json:"items"`
		Total int                      `json:"total"`
	}
	if code := f.do(t, caller, "GET", "/api/v1/plans", nil, "", &l); code != http.StatusOK || l.Total != len(l.Items) {
		t.Fatalf("GET /api/v1/plans as %s = %d (total %d)", caller, code, l.Total)
	}
	var out []string
	for _, it := range l.Items {
		out = append(out, it.Title)
	}
	slices.Sort(out)
	return out
}

// TestScopesPlans: a county office and a county leader list the plans
// with a task of the county's subtree, not the city's plan; the county
// office lists too a plan it imported itself whose units the registry
// does not hold yet, which its leader does not; the city's office lists
// every plan.
func TestScopesPlans(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			scopeFixture(t, f)
			for _, caller := range []string{"countyOffice", "countyLeader"} {
				if got := planTitles(t, f, caller); !slices.Equal(got, []string{"鹿城区方案"}) {
					t.Errorf("%s lists plans %v", caller, got)
				}
			}
			if code, body := f.uploadPlan(t, "countyOffice", "乡镇.txt", []byte("鹿城区乡镇方案\n\n一、建立台账。(责任单位:某未登记街道)\n")); code != http.StatusCreated {
				t.Fatalf("the county office's upload = %d %s", code, body)
			}
			if got := planTitles(t, f, "countyOffice"); len(got) != 2 || got[0] != "鹿城区乡镇方案" || got[1] != "鹿城区方案" {
				t.Errorf("the county office lists plans %v after its import", got)
			}
			if got := planTitles(t, f, "countyLeader"); !slices.Equal(got, []string{"鹿城区方案"}) {
				t.Errorf("the county leader lists plans %v after the county office's import", got)
			}
			if got := planTitles(t, f, "office"); len(got) != 3 {
				t.Errorf("the city office lists plans %v", got)
			}

			// A bound office registers (挂号) tasks of its subtree only: a
			// draft with a city unit is refused, naming the task, even
			// when forced; one of the county's units is registered.
			code, body := f.uploadPlan(t, "countyOffice", "混合.txt", []byte("鹿城区混合方案\n\n一、建立台账。(责任单位:鹿城区发改局)\n二、清理文件。(责任单位:市法制办)\n"))
			if code != http.StatusCreated {
				t.Fatalf("the county office's upload = %d %s", code, body)
			}
			mixed := decode[reviewBody](t, body).ID
			code, body = f.send(t, "countyOffice", "POST", fmt.Sprintf("/api/v1/plans/%d/confirm", mixed), `{"force":true}`)
			if code != http.StatusForbidden || !strings.Contains(body, "清理文件") || scopeRefusal(t, body)["units"] != "该单位不在本督查室的督查范围内。" {
				t.Errorf("the county office registers a city unit's task = %d %s", code, body)
			}
			code, body = f.uploadPlan(t, "countyOffice", "本县.txt", []byte("鹿城区本县方案\n\n一、建立台账。(责任单位:鹿城区发改局)\n"))
			if code != http.StatusCreated {
				t.Fatalf("the county office's upload = %d %s", code, body)
			}
			if code, body := f.send(t, "countyOffice", "POST", fmt.Sprintf("/api/v1/plans/%d/confirm", decode[reviewBody](t, body).ID), ``); code != http.StatusOK {
				t.Errorf("the county office registers its county's plan = %d %s", code, body)
			}
		})
	}
}
