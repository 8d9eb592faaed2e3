package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestCacheExpiresByWhatChanged: a progress report on one plan expires
// that plan's cached list and the whole ledger's, not another plan's; a
// sign-in expires no list; a change of no single plan (a unit's) expires
// every plan's list; a cached answer never reaches another account. Both
// databases, whose generations move in the change's transaction.
func TestCacheExpiresByWhatChanged(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			ctx := context.Background()
			other := &plandoc.Plan{Title: "另一方案", Year: 2026, Tasks: []plandoc.Task{
				{Path: []string{"1"}, Title: "丙任务", Units: []string{"市法制办"}, LeadUnits: []string{"市法制办"}}}}
			p2, _, err := f.db.ImportPlan(ctx, records.PlanImport{SourceName: "q.txt", SourceSHA256: strings.Repeat("ef", 32), Format: "text", Plan: other})
			if err != nil {
				t.Fatal(err)
			}
			t2, _, _ := f.db.FindTasks(ctx, records.TaskFilter{PlanID: p2})
			p1Task, _ := f.db.FindTaskByID(ctx, f.taskA)
			p1 := p1Task.PlanID
			get := func(caller, path string) (bool, string) {
				t.Helper()
				req := httptest.NewRequest("GET", path, nil)
				req.Header.Set("Authorization", "Bearer "+f.tokens[caller])
				rec := httptest.NewRecorder()
				f.srv.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					t.Fatalf("GET %s = %d", path, rec.Code)
				}
				return rec.Header().Get("X-Cache") == "hit", rec.Body.String()
			}
			list1, list2, all := fmt.Sprintf("/api/v1/tasks?plan=%d", p1), fmt.Sprintf("/api/v1/tasks?plan=%d", p2), "/api/v1/tasks"
			for _, path := range []string{list1, list2, all} {
				if hit, _ := get("office", path); hit {
					t.Errorf("%s: a hit before any answer", path)
				}
				if hit, _ := get("office", path); !hit {
					t.Errorf("%s: not kept", path)
				}
			}
			if code := f.do(t, "liaisonA", "POST", fmt.Sprintf("/api/v1/tasks/%d/progress", t2[0].ID),
				strings.NewReader(`{"text":"丙任务推进中","percent":30}`), "application/json", nil); code != http.StatusCreated {
				t.Fatalf("report = %d", code)
			}
			if hit, _ := get("office", list1); !hit {
				t.Error("a report on another plan expired plan 1's list")
			}
			if hit, body := get("office", list2); hit || !strings.Contains(body, `"percent":30`) {
				t.Errorf("plan 2's list after a report on it: hit %v", hit)
			}
			if hit, _ := get("office", all); hit {
				t.Error("the whole list kept through a report")
			}
			get("office", all)
			if err := f.db.RecordEvent(ctx, audit.Actor{ID: f.users["leader"], Username: "leader"}, "auth.login", "user", f.users["leader"], nil); err != nil {
				t.Fatal(err)
			}
			if hit, _ := get("office", all); !hit {
				t.Error("a sign-in expired the task list")
			}
			if hit, body := get("liaisonB", list1); hit || strings.Contains(body, "甲任务") {
				t.Errorf("liaison B got an answer made for another account: hit %v", hit)
			}
			if err := f.db.RecordEvent(ctx, audit.System, "unit.update", "unit", f.unitA, nil); err != nil {
				t.Fatal(err)
			}
			if hit, _ := get("office", list1); hit {
				t.Error("a unit's change kept plan 1's list")
			}
		})
	}
}
