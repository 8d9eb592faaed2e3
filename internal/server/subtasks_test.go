package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/duban/duban/internal/store/storetest"
)

// TestSubtasksRollUpAPI is issue 15's must-show through the API: task A
// split into two sub-tasks (one for 市法制办, one the office gives 市财政局),
// each reported by its own unit (100 % and 50 %, weights 1 and 1), reports
// the parent's progress from its children: 75 %. Each unit sees its own
// sub-task; 市财政局 still may not read the parent.
func TestSubtasksRollUpAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			type task struct {
				ID       int64    `json:"id"`
				ParentID int64    `json:"parent_id"`
				Percent  *float64 `json:"percent"`
			}
			var b struct {
				Subtasks []task  `json:"subtasks"`
				RollUp   float64 `json:"rollup"`
				CanSplit bool    `json:"can_split"`
			}
			body := fmt.Sprintf(`[{"title":"起草实施细则","unit_id":%d,"due":"2026-12-31","weight":1},
				{"title":"保障经费","unit_id":%d,"due":"2026-12-31"}]`, f.unitA, f.unitB)
			path := fmt.Sprintf("/api/v1/tasks/%d/subtasks", f.taskA)
			if code := f.do(t, "office", "POST", path, strings.NewReader(body), "application/json", &b); code != http.StatusCreated {
				t.Fatalf("split = %d", code)
			}
			if len(b.Subtasks) != 2 || b.Subtasks[0].ParentID != f.taskA || !b.CanSplit {
				t.Fatalf("breakdown = %+v", b)
			}
			a, c := b.Subtasks[0].ID, b.Subtasks[1].ID
			for _, r := range []struct {
				caller string
				id     int64
				pct    int
			}{{"liaisonA", a, 100}, {"liaisonB", c, 50}} {
				p := fmt.Sprintf("/api/v1/tasks/%d/progress", r.id)
				if code := f.do(t, r.caller, "POST", p, strings.NewReader(fmt.Sprintf(`{"text":"进展","percent":%d}`, r.pct)), "application/json", nil); code != http.StatusCreated {
					t.Fatalf("%s reports on sub-task %d = %d", r.caller, r.id, code)
				}
			}
			var parent task
			if code := f.do(t, "leader", "GET", fmt.Sprintf("/api/v1/tasks/%d", f.taskA), nil, "", &parent); code != http.StatusOK ||
				parent.Percent == nil || *parent.Percent != 75 {
				t.Fatalf("the parent = %d %+v, want percent 75", code, parent)
			}
			if code := f.do(t, "liaisonA", "GET", path, nil, "", &b); code != http.StatusOK || b.RollUp != 75 {
				t.Errorf("GET subtasks = %d, rollup %v", code, b.RollUp)
			}
			if code := f.call(t, "liaisonB", "GET", fmt.Sprintf("/api/v1/tasks/%d", c), nil, ""); code != http.StatusOK {
				t.Errorf("市财政局 reads its sub-task = %d", code)
			}
			if code := f.call(t, "liaisonB", "GET", fmt.Sprintf("/api/v1/tasks/%d", f.taskA), nil, ""); code != http.StatusForbidden {
				t.Errorf("市财政局 reads the parent = %d, want 403", code)
			}
			// A sub-task is not split again; a bad row is named.
			again := fmt.Sprintf(`{"subtasks":[{"title":"再分","unit_id":%d,"due":"2026-06-30"}]}`, f.unitA)
			if code := f.call(t, "liaisonA", "POST", fmt.Sprintf("/api/v1/tasks/%d/subtasks", a), strings.NewReader(again), "application/json"); code != http.StatusConflict {
				t.Errorf("splitting a sub-task = %d, want 409", code)
			}
			var problems struct {
				Problems []struct{ Field, Label string } `json:"problems"`
			}
			req := fmt.Sprintf(`{"subtasks":[{"title":"","unit_id":%d,"due":"2026-06-30"}]}`, f.unitA)
			rec := httptest.NewRecorder()
			hr := httptest.NewRequest("POST", path, strings.NewReader(req))
			hr.Header.Set("Content-Type", "application/json")
			hr.Header.Set("Authorization", "Bearer "+f.tokens["office"])
			f.srv.ServeHTTP(rec, hr)
			_ = json.Unmarshal(rec.Body.Bytes(), &problems)
			if code := rec.Code; code != http.StatusUnprocessableEntity ||
				len(problems.Problems) != 1 || problems.Problems[0].Field != "subtasks.1.title" || !strings.Contains(problems.Problems[0].Label, "1") {
				t.Errorf("a row without a title = %d %+v", code, problems)
			}
		})
	}
}
