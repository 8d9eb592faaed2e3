package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

// TestAssessmentExplainedInCallersLanguage: a unit's score over the API
// explains each line in the language of Accept-Language, zh-CN when the
// header names none it knows, with the line's message beside it.
func TestAssessmentExplainedInCallersLanguage(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			on := time.Now().In(workday.Zone).Format(time.DateOnly)
			rec := fmt.Sprintf(`{"unit_id":%d,"kind":"highlight","title":"法治示范","on":%q}`, f.unitA, on)
			if code := f.do(t, "office", "POST", "/api/v1/assessment/records", strings.NewReader(rec), "application/json", nil); code != http.StatusCreated {
				t.Fatalf("add a record = %d", code)
			}
			for lang, want := range map[string]string{
				"":      on + " 亮点「法治示范」：加 2.00 分",
				"en":    on + " 亮点「法治示范」：加 2.00 分",
				"zh-TW": on + " 亮點「法治示范」：加 2.00 分",
			} {
				req := httptest.NewRequest("GET", fmt.Sprintf("/api/v1/assessment/scores/%d?period=%s", f.unitA, on[:4]), nil)
				req.Header.Set("Authorization", "Bearer "+f.tokens["office"])
				if lang != "" {
					req.Header.Set("Accept-Language", lang)
				}
				w := httptest.NewRecorder()
				f.srv.ServeHTTP(w, req)
				var body struct {
					Score struct {
						Lines []struct {
							Part string            `json:"part"`
							Key  string            `json:"key"`
							Args map[string]string `json:"args"`
							Text string            `json:"text"`
						} `json:"lines"`
					} `json:"score"`
				}
				if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil || w.Code != http.StatusOK {
					t.Fatalf("%q: %d %v %s", lang, w.Code, err, w.Body.String())
				}
				found := false
				for _, l := range body.Score.Lines {
					if l.Part == "incentive" {
						found = l.Text == want && l.Key == "assess.line.bonus" && l.Args["title"] == "法治示范"
						if !found {
							t.Errorf("%q: line %+v, want %q", lang, l, want)
						}
					}
				}
				if !found && !t.Failed() {
					t.Errorf("%q: no incentive line in %+v", lang, body.Score.Lines)
				}
			}
		})
	}
}

// TestAssessmentProblemsInCallersLanguage: a scheme or a record that does
// not hold is a 422 with each problem at its field, under the label its
// form gives the field — a scheme's number with its part, since 分值 is a
// field of two parts — in the caller's language; the message joins them,
// so that a client that shows only the message still says where.
func TestAssessmentProblemsInCallersLanguage(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			scheme, _ := json.Marshal(func() assess.Scheme { s := assess.Default(); s.CoShare = 3; return s }())
			for _, c := range []struct {
				lang, method, path, body, want, field, label string
			}{
				{"zh-TW", "PUT", "/api/v1/assessment/scheme", string(scheme), "配合單位係數（重點攻堅考績）：應在 0–1 之間", "co_share", "配合單位係數（重點攻堅考績）"},
				{"", "POST", "/api/v1/assessment/records", fmt.Sprintf(`{"unit_id":%d,"kind":"medal","title":"x","on":"2026-03-10"}`, f.unitA),
					"类别：请选择亮点、创新、表扬或问责。", "kind", "类别"},
			} {
				req := httptest.NewRequest(c.method, c.path, strings.NewReader(c.body))
				req.Header.Set("Authorization", "Bearer "+f.tokens["office"])
				req.Header.Set("Content-Type", "application/json")
				if c.lang != "" {
					req.Header.Set("Accept-Language", c.lang)
				}
				w := httptest.NewRecorder()
				f.srv.ServeHTTP(w, req)
				var body struct {
					Error struct {
						Code, Message string
					}
					Problems []struct {
						Field, Label, Message string
					}
				}
				if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil || w.Code != http.StatusUnprocessableEntity || body.Error.Message != c.want ||
					body.Error.Code != "invalid" || len(body.Problems) != 1 || body.Problems[0].Field != c.field || body.Problems[0].Label != c.label {
					t.Errorf("%s %s: %d %s, want %q at %s (%s)", c.method, c.path, w.Code, w.Body.String(), c.want, c.field, c.label)
				}
			}
		})
	}
}
