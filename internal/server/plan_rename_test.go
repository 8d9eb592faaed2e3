package server

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestRenameRegisteredPlanByAPI: PATCH /api/v1/plans/{id} with a title
// alone renames a registered plan (the office's; a liaison gets 403, a
// blank title 422); with a registered plan's 文号 it is 409.
func TestRenameRegisteredPlanByAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			f := newFixture(t, kind)
			plan, _, err := f.db.ImportPlan(ctx, records.PlanImport{SourceName: "002_0dd53b290f14253f.txt", SourceSHA256: strings.Repeat("ef", 32), Format: "text",
				Plan: &plandoc.Plan{Title: "002_0dd53b290f14253f", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "走访", Units: []string{"市法制办"}}}}})
			if err != nil {
				t.Fatal(err)
			}
			path := "/api/v1/plans/" + strconv.FormatInt(plan, 10)
			if code, body := f.send(t, "liaisonA", "PATCH", path, `{"title":"改名"}`); code != http.StatusForbidden {
				t.Errorf("liaison: %d %s", code, body)
			}
			if code, body := f.send(t, "office", "PATCH", path, `{"title":" "}`); code != http.StatusUnprocessableEntity {
				t.Errorf("blank: %d %s", code, body)
			}
			if code, body := f.send(t, "office", "PATCH", path, `{"title":"x","doc_number":"某政发〔2026〕1号"}`); code != http.StatusConflict {
				t.Errorf("文号 of a registered plan: %d %s", code, body)
			}
			code, body := f.send(t, "office", "PATCH", path, `{"title":"困难群众帮扶方案"}`)
			var p struct{ Title string }
			if err := json.Unmarshal([]byte(body), &p); code != http.StatusOK || err != nil || p.Title != "困难群众帮扶方案" {
				t.Fatalf("rename: %d %s", code, body)
			}
			if got, _ := f.db.FindPlanByID(ctx, plan); got.Title != "困难群众帮扶方案" || got.DocNumber != "" {
				t.Errorf("stored %+v", got)
			}
		})
	}
}
