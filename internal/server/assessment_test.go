package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// ask makes a request as caller in lang and returns the status and body.
func (f *fixture) ask(t *testing.T, caller, method, path, lang, body string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	req.Header.Set("Authorization", "Bearer "+f.tokens[caller])
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// TestAssessmentSchemeDraftAPI (D12): the scheme's draft goes only to the
// office; the leaders and the liaisons read the scheme in force and its
// formula, as the pages give them.
func TestAssessmentSchemeDraftAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			draft := assess.Default()
			draft.Name = "草拟办法"
			if _, err := f.db.SaveSchemeDraft(context.Background(), audit.System, draft); err != nil {
				t.Fatal(err)
			}
			for _, caller := range []string{"office", "leader", "liaisonA"} {
				code, body := f.ask(t, caller, "GET", "/api/v1/assessment/scheme", "", "")
				var out map[string]json.RawMessage
				if err := json.Unmarshal([]byte(body), &out); code != http.StatusOK || err != nil || out["formula"] == nil {
					t.Fatalf("%s: %d %s", caller, code, body)
				}
				_, hasDraft := out["draft"]
				if want := caller == "office"; hasDraft != want || strings.Contains(body, "草拟办法") != want {
					t.Errorf("%s gets the draft: %v, want %v", caller, hasDraft, want)
				}
			}
			if code, _ := f.ask(t, "sysadmin", "GET", "/api/v1/assessment/scheme", "", ""); code != http.StatusForbidden {
				t.Errorf("an administrator reads the scheme: %d", code)
			}
		})
	}
}

// TestAssessmentUnitScoreAPI (D20): a liaison reads their own unit's
// score, not another unit's; the office and the leaders read every unit's.
func TestAssessmentUnitScoreAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			due := []plandoc.Deadline{{Text: "3月底前", Due: "2026-03-31"}}
			if _, _, err := f.db.ImportPlan(context.Background(), records.PlanImport{SourceName: "q.txt", SourceSHA256: strings.Repeat("9", 64),
				Format: "text", Plan: &plandoc.Plan{Title: "一季度方案", Tasks: []plandoc.Task{
					{Path: []string{"1"}, Title: "丙", Units: []string{"市法制办"}, Deadlines: due},
					{Path: []string{"2"}, Title: "丁", Units: []string{"市财政局"}, Deadlines: due}}}}); err != nil {
				t.Fatal(err)
			}
			score := func(unit int64) string { return fmt.Sprintf("/api/v1/assessment/scores/%d?period=2026-Q1", unit) }
			for _, c := range []struct {
				caller string
				unit   int64
				want   int
			}{
				{"office", f.unitB, http.StatusOK}, {"leader", f.unitA, http.StatusOK},
				{"liaisonA", f.unitA, http.StatusOK}, {"liaisonA", f.unitB, http.StatusForbidden},
				{"liaisonB", f.unitB, http.StatusOK}, {"liaisonB", f.unitA, http.StatusForbidden},
				{"sysadmin", f.unitA, http.StatusForbidden},
			} {
				if code, body := f.ask(t, c.caller, "GET", score(c.unit), "", ""); code != c.want {
					t.Errorf("%s reading unit %d: %d %s, want %d", c.caller, c.unit, code, body, c.want)
				}
			}
			if code, body := f.ask(t, "liaisonA", "GET", "/api/v1/assessment/scores?period=2026-Q1", "", ""); code != http.StatusOK ||
				!strings.Contains(body, "市财政局") {
				t.Errorf("a liaison reads the ranking: %d %s", code, body)
			}
			if code, body := f.ask(t, "office", "GET", "/api/v1/assessment/scores?period=2026-Q5", "zh-TW", ""); code != http.StatusUnprocessableEntity ||
				!strings.Contains(body, `"field":"period","label":"統計期"`) || !strings.Contains(body, "統計期應寫作") {
				t.Errorf("a bad period: %d %s", code, body)
			}
		})
	}
}

// TestAssessmentRecordProblemsAPI: a record that does not hold is a 422
// naming each field by the records form's label in the caller's
// language, from the catalogue.
func TestAssessmentRecordProblemsAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			body := fmt.Sprintf(`{"unit_id":%d,"kind":"medal","title":" ","on":"2026-03-10"}`, f.unitA)
			code, out := f.ask(t, "office", "POST", "/api/v1/assessment/records", "zh-TW", body)
			if code != http.StatusUnprocessableEntity || !strings.Contains(out, "類別：請選擇亮點、創新、表揚或問責；事由：此項為必填項。") {
				t.Errorf("a bad record in zh-TW: %d %s", code, out)
			}
			code, out = f.ask(t, "office", "POST", "/api/v1/assessment/records/1/revoke", "", `{"reason":""}`)
			if code != http.StatusUnprocessableEntity || !strings.Contains(out, "撤销理由：此项为必填项。") {
				t.Errorf("revoking without a reason: %d %s", code, out)
			}
			if code, out := f.ask(t, "office", "POST", "/api/v1/assessment/scheme/publish", "", ""); code != http.StatusNotFound {
				t.Errorf("publishing without a draft: %d %s", code, out)
			}
		})
	}
}
