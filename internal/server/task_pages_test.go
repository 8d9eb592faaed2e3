package server

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestTaskListCursorAPI walks the task list with next_cursor, as the office
// and as a liaison, and finds every task the caller may read once, in the
// order of one long page; a broken cursor is a 400; q= finds Chinese
// words of two characters and unit names through the search index. Both
// databases.
func TestTaskListCursorAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			plan := &plandoc.Plan{Title: "翻页方案", Year: 2026}
			for i := range 45 {
				unit := []string{"市法制办", "市财政局"}[i%2]
				plan.Tasks = append(plan.Tasks, plandoc.Task{Path: []string{fmt.Sprint(i + 1)}, Title: fmt.Sprintf("第%d项养老服务任务", i+1),
					Units: []string{unit}, LeadUnits: []string{unit}, Deadlines: []plandoc.Deadline{{Text: "年底前", Due: "2026-12-31"}}})
			}
			if _, _, err := f.db.ImportPlan(context.Background(), records.PlanImport{SourceName: "翻页.txt", SourceSHA256: strings.Repeat("cd", 32),
				Format: "text", Plan: plan}); err != nil {
				t.Fatal(err)
			}
			type page struct {
				Items []struct {
					ID    int64  `json:"id"`
					Title string `json:"title"`
				} `json:"items"`
				Total      int    `json:"total"`
				NextCursor string `json:"next_cursor"`
			}
			ids := func(p page) []int64 {
				var out []int64
				for _, it := range p.Items {
					out = append(out, it.ID)
				}
				return out
			}
			for _, caller := range []string{"office", "liaisonA"} {
				for _, sort := range []string{"plan", "due"} {
					var long page
					if code := f.do(t, caller, "GET", "/api/v1/tasks?limit=500&sort="+sort, nil, "", &long); code != http.StatusOK {
						t.Fatalf("long page = %d", code)
					}
					var walked []int64
					cursor := ""
					for range 20 {
						var p page
						if code := f.do(t, caller, "GET", "/api/v1/tasks?limit=7&sort="+sort+"&cursor="+url.QueryEscape(cursor), nil, "", &p); code != http.StatusOK {
							t.Fatalf("page = %d", code)
						}
						if p.Total != long.Total {
							t.Errorf("%s: total %d on a page, %d in all", caller, p.Total, long.Total)
						}
						walked = append(walked, ids(p)...)
						if cursor = p.NextCursor; cursor == "" {
							break
						}
					}
					if !slices.Equal(walked, ids(long)) || len(walked) != long.Total {
						t.Errorf("%s sort %s: walked %d tasks, %d in one page", caller, sort, len(walked), long.Total)
					}
				}
			}
			var mine page
			f.do(t, "liaisonA", "GET", "/api/v1/tasks?limit=500", nil, "", &mine)
			if mine.Total != 24 { // 甲任务 and 23 of the 45
				t.Errorf("liaison A reads %d tasks", mine.Total)
			}
			if code := f.do(t, "office", "GET", "/api/v1/tasks?cursor=nonsense", nil, "", nil); code != http.StatusBadRequest {
				t.Errorf("a broken cursor = %d", code)
			}
			var found page
			f.do(t, "liaisonA", "GET", "/api/v1/tasks?q="+url.QueryEscape("养老"), nil, "", &found)
			if found.Total != 23 {
				t.Errorf("liaison A finds 养老 in %d tasks", found.Total)
			}
			f.do(t, "office", "GET", "/api/v1/tasks?q="+url.QueryEscape("第7项"), nil, "", &found)
			if found.Total != 1 || found.Items[0].Title != "第7项养老服务任务" {
				t.Errorf("第7项: %+v", found)
			}
			f.do(t, "office", "GET", "/api/v1/tasks?q="+url.QueryEscape("财政"), nil, "", &found)
			if found.Total != 23 {
				t.Errorf("by unit name 财政: %d", found.Total)
			}
		})
	}
}
