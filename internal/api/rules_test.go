package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/supervisionsvc"
)

// TestRulesRefusals: rules that do not hold are answered by fail, the one
// translator, with every problem at its field in the caller's language, a
// level's named by the level as the rules page names it (422); a refusal
// by role is a 403.
func TestRulesRefusals(t *testing.T) {
	bad := supervise.Rules{RemindWorkdays: 61, Ladder: []supervise.Level{{Name: "blue", Label: "藍色督辦單", RectifyWorkdays: 0}}}
	cases := []struct {
		lang   string
		err    error
		status int
		want   string
	}{
		{"zh-TW", supervisionsvc.CheckRules(bad), http.StatusUnprocessableEntity,
			"督辦階梯第 1 級（藍色督辦單）：限期整改應為 1–60 個工作日；到期前提醒應為 0–60 個工作日。"},
		{"", supervisionsvc.CheckRules(bad), http.StatusUnprocessableEntity,
			"督办阶梯第 1 级（藍色督辦單）：限期整改应为 1–60 个工作日；到期前提醒应为 0–60 个工作日。"},
		{"", fault.ErrForbidden, http.StatusForbidden, "无权执行此操作 (not allowed for your role or unit)"},
	}
	for _, c := range cases {
		r := httptest.NewRequest("PUT", "/api/v1/supervision/rules/0", nil)
		if c.lang != "" {
			r.Header.Set("Accept-Language", c.lang)
		}
		w := httptest.NewRecorder()
		fail(w, r, c.err)
		var body apiError
		if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		if w.Code != c.status || body.Error.Message != c.want {
			t.Errorf("%q %v: %d %q, want %d %q", c.lang, c.err, w.Code, body.Error.Message, c.status, c.want)
		}
	}
}
