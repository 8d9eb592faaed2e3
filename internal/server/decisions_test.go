package server

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

type decisionAnswer struct {
	ID       int64  `json:"id"`
	Status   string `json:"status"`
	Gate     string `json:"gate"`
	ExecTask int64  `json:"exec_task"`
	EvalTask int64  `json:"eval_task"`
	Steps    []struct {
		Kind string `json:"kind"`
	} `json:"steps"`
}

type problemAnswer struct {
	Error struct {
		Code string `json:"code"`
	} `json:"error"`
	Problems []struct {
		Field   string `json:"field"`
		Label   string `json:"label"`
		Message string `json:"message"`
	} `json:"problems"`
}

// answer makes a request as caller and decodes the JSON answer into
// out whatever its status: a refusal's problems are what is checked.
func (f *fixture) answer(t *testing.T, caller, method, path string, body io.Reader, out any) int {
	t.Helper()
	req := httptest.NewRequest(method, path, body)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+f.tokens[caller])
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
		t.Fatalf("%s %s: %v: %s", method, path, err, rec.Body.String())
	}
	return rec.Code
}

// TestDecisionGatesThroughAPI (issue 20): a decision entered through
// POST /api/v1/decisions is refused a comment period of 29 days (422 at
// "to") and takes one of 30; its 集体讨论决定 is refused with 409 naming
// the missing gate "legality" (合法性审查) while the review is not
// recorded, and again after a review that found it unlawful; a skip of
// 合法性审查 is refused whatever the reason; with the review passed, the
// others done or left out with a reason, it is adopted and published
// with its 解读, its 执行 and 后评估 scheduled as ledger tasks of its
// unit; the catalogue of the year lists it as published.
func TestDecisionGatesThroughAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			today := time.Now().In(workday.Zone)
			year := today.Year()
			day := func(n int) string { return today.AddDate(0, 0, n).Format(time.DateOnly) }
			var d decisionAnswer
			body := fmt.Sprintf(`{"year":%d,"title":"城市公共交通票价调整","summary":"调整地面公交票价","unit_id":%d,"planned":"%d年四季度"}`, year, f.unitA, year)
			if code := f.do(t, "office", "POST", "/api/v1/decisions", strings.NewReader(body), "application/json", &d); code != 201 || d.Status != "planned" || d.Gate != "participation" {
				t.Fatalf("POST /api/v1/decisions = %d %+v", code, d)
			}
			steps := fmt.Sprintf("/api/v1/decisions/%d/steps", d.ID)
			step := func(body string, want int, out any) {
				t.Helper()
				if code := f.answer(t, "office", "POST", steps, strings.NewReader(body), out); code != want {
					t.Fatalf("step %s = %d, want %d (%+v)", body, code, want, out)
				}
			}
			var refused problemAnswer
			step(fmt.Sprintf(`{"kind":"consult","from":%q,"to":%q}`, day(-40), day(-12)), 422, &refused)
			if refused.Error.Code != "invalid" || len(refused.Problems) != 1 || refused.Problems[0].Field != "to" || !strings.Contains(refused.Problems[0].Message, "30") {
				t.Fatalf("a 29-day period: %+v", refused)
			}
			step(fmt.Sprintf(`{"kind":"consult","from":%q,"to":%q}`, day(-40), day(-11)), 201, &d)
			step(`{"kind":"feedback","body":"收到意见12条，采纳5条"}`, 201, &d)
			step(`{"kind":"expert","body":"专家论证会，意见可行"}`, 201, &d)
			step(`{"kind":"risk","result":"low","body":"社会稳定风险评估报告"}`, 201, &d)
			legalityNamed := func(what string) {
				t.Helper()
				var p problemAnswer
				step(`{"kind":"collective","result":"adopt","body":"市政府常务会议"}`, 409, &p)
				if p.Error.Code != "state" || len(p.Problems) != 1 || p.Problems[0].Field != "legality" || !strings.Contains(p.Problems[0].Message+p.Problems[0].Label, "合法性审查") {
					t.Fatalf("collective %s: %+v", what, p)
				}
			}
			legalityNamed("before the review")
			step(`{"kind":"skip","gate":"legality","reason":"紧急"}`, 422, &refused)
			step(`{"kind":"legality","result":"fail","body":"第三条与上位法不一致"}`, 201, &d)
			legalityNamed("after an unlawful review")
			if d.Gate != "legality" {
				t.Fatalf("gate after a failed review: %+v", d)
			}
			step(`{"kind":"legality","result":"pass","body":"修改后合法"}`, 201, &d)
			step(`{"kind":"collective","result":"adopt","body":"市政府第12次常务会议审议通过"}`, 201, &d)
			if d.Status != "decided" || d.Gate != "publication" {
				t.Fatalf("after the meeting: %+v", d)
			}
			step(`{"kind":"publish","result":"市政发〔2026〕9号","body":"政策解读：票价调整的背景与要点"}`, 201, &d)
			if d.Status != "published" || d.Gate != "" || d.ExecTask == 0 || d.EvalTask == 0 || len(d.Steps) != 8 {
				t.Fatalf("published: %+v", d)
			}
			for _, task := range []int64{d.ExecTask, d.EvalTask} {
				var tk struct {
					Units []string `json:"units"`
				}
				if code := f.do(t, "liaisonA", "GET", fmt.Sprintf("/api/v1/tasks/%d", task), nil, "", &tk); code != 200 || len(tk.Units) != 1 || tk.Units[0] != "市法制办" {
					t.Fatalf("the scheduled task %d = %d %+v", task, code, tk)
				}
			}
			var cat struct {
				State string           `json:"state"`
				Items []decisionAnswer `json:"items"`
			}
			if code := f.do(t, "leader", "GET", fmt.Sprintf("/api/v1/decisions/catalogue?year=%d", year), nil, "", &cat); code != 200 ||
				cat.State != "draft" || len(cat.Items) != 1 || cat.Items[0].Status != "published" {
				t.Fatalf("the catalogue = %d %+v", code, cat)
			}
		})
	}
}

// TestDecisionCatalogueAdjusted (issue 20): a catalogue is approved,
// then published, not the other way round; a decision entered into the
// published catalogue needs its reason and is then an adjustment, as is
// a withdrawal.
func TestDecisionCatalogueAdjusted(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			enterDecision(t, f)
			set := func(action string, want int) {
				t.Helper()
				if code := f.do(t, "office", "POST", "/api/v1/decisions/catalogue", strings.NewReader(`{"year":2026,"action":"`+action+`"}`),
					"application/json", nil); code != want {
					t.Fatalf("%s = %d, want %d", action, code, want)
				}
			}
			set("publish", 409)
			set("approve", 200)
			set("publish", 200)
			add := func(reason string) int {
				return f.do(t, "office", "POST", "/api/v1/decisions", strings.NewReader(fmt.Sprintf(
					`{"year":2026,"title":"养犬管理规定","unit_id":%d,"planned":"2026年12月","reason":%q}`, f.unitB, reason)), "application/json", nil)
			}
			if code := add(""); code != 422 {
				t.Fatalf("an addition without reason = %d", code)
			}
			if code := add("市政府第15次常务会议决定增补"); code != 201 {
				t.Fatalf("an addition = %d", code)
			}
			if code := f.do(t, "office", "POST", fmt.Sprintf("/api/v1/decisions/%d/steps", f.decision),
				strings.NewReader(`{"kind":"withdraw","reason":"上位法修订，暂缓决策"}`), "application/json", nil); code != 201 {
				t.Fatalf("withdraw = %d", code)
			}
			var cat struct {
				State       string `json:"state"`
				Adjustments []struct {
					Kind, Reason string
				} `json:"adjustments"`
			}
			if code := f.do(t, "office", "GET", "/api/v1/decisions/catalogue?year=2026", nil, "", &cat); code != 200 || cat.State != "published" ||
				len(cat.Adjustments) != 2 || cat.Adjustments[0].Kind != "added" || cat.Adjustments[1].Kind != "withdrawn" {
				t.Fatalf("the catalogue = %d %+v", code, cat)
			}
		})
	}
}

// TestCommitmentStandingThroughAPI (issue 20): a commitment whose
// deadline has passed is late; fulfilled it is fulfilled; broken needs
// its reason and rectification and is then broken; a closed one takes no
// more entries (409).
func TestCommitmentStandingThroughAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			yesterday := time.Now().In(workday.Zone).AddDate(0, 0, -1).Format(time.DateOnly)
			var c struct {
				ID       int64  `json:"id"`
				Standing string `json:"standing"`
			}
			body := fmt.Sprintf(`{"title":"老旧小区改造30个","source":"work_report","source_ref":"政府工作报告民生实事第2项","unit_id":%d,"target":"完成改造","deadline":%q}`, f.unitA, yesterday)
			if code := f.do(t, "office", "POST", "/api/v1/commitments", strings.NewReader(body), "application/json", &c); code != 201 || c.Standing != "late" {
				t.Fatalf("POST /api/v1/commitments = %d %+v", code, c)
			}
			progress := fmt.Sprintf("/api/v1/commitments/%d/progress", c.ID)
			if code := f.do(t, "liaisonB", "POST", progress, strings.NewReader(`{"kind":"progress","body":"x"}`), "application/json", nil); code != 403 {
				t.Fatalf("another unit's liaison = %d", code)
			}
			if code := f.do(t, "liaisonA", "POST", progress, strings.NewReader(`{"kind":"broken","body":"未完成"}`), "application/json", nil); code != 422 {
				t.Fatalf("broken without reason = %d", code)
			}
			if code := f.do(t, "liaisonA", "POST", progress, strings.NewReader(`{"kind":"broken","body":"完成22个","reason":"资金未到位","rectification":"次年一季度完成剩余8个"}`),
				"application/json", &c); code != 201 || c.Standing != "broken" {
				t.Fatalf("broken = %d %+v", code, c)
			}
			if code := f.do(t, "office", "POST", progress, strings.NewReader(`{"kind":"fulfilled","body":"完成"}`), "application/json", nil); code != 409 {
				t.Fatalf("after closing = %d", code)
			}
		})
	}
}
