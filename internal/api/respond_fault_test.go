package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// TestFaultAnswered: every service's refusal is answered from fault's
// one table: its fields as problems under their labels, its key as the
// message, in the caller's language, with the code's status.
func TestFaultAnswered(t *testing.T) {
	cases := []struct {
		lang   string
		err    error
		status int
		code   string
		field  string // the problem expected, if any
		want   string // the problem's or the error's message
	}{
		{"zh-TW", fault.Field("units", "plans.error.unit_unregistered"), http.StatusUnprocessableEntity, "", "units", "責任單位不在單位名錄中：請從名錄中選擇，或先在單位管理中登記該單位。"},
		{"", fmt.Errorf("x: %w", fault.Field("text", "error.text_too_long")), http.StatusUnprocessableEntity, "", "text", "内容过长，请精简。"},
		{"", fault.Wrap(fault.Conflict, "error.answered", fault.ErrConflict), http.StatusConflict, "conflict", "", "这份督办单已有整改反馈。"},
		{"zh-TW", &fault.Error{Code: fault.Invalid, Key: "api.problem.non_negative", Args: map[string]any{"key": "limit"}}, http.StatusBadRequest, "invalid", "", "limit 應為非負整數"},
		{"", fmt.Errorf("store: %w", records.ErrClosed), http.StatusConflict, "closed", "", "任务已销号，不能再修改 (the task is closed)"},
		{"", fault.ErrForbidden, http.StatusForbidden, "forbidden", "", "无权执行此操作 (not allowed for your role or unit)"},
	}
	for _, c := range cases {
		r := httptest.NewRequest("GET", "/api/v1/x", nil)
		if c.lang != "" {
			r.Header.Set("Accept-Language", c.lang)
		}
		w := httptest.NewRecorder()
		fail(w, r, c.err)
		var body struct {
			Error    struct{ Code, Message string } `json:"error"`
			Problems []struct{ Field, Label, Message string }
		}
		if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		if w.Code != c.status {
			t.Errorf("%v: status %d, want %d", c.err, w.Code, c.status)
		}
		if c.field != "" {
			if len(body.Problems) != 1 || body.Problems[0].Field != c.field || body.Problems[0].Message != c.want || body.Problems[0].Label == "" {
				t.Errorf("%v: problems %+v, want %s: %q under a label", c.err, body.Problems, c.field, c.want)
			}
			continue
		}
		if body.Error.Code != c.code || body.Error.Message != c.want {
			t.Errorf("%v: %+v, want %s %q", c.err, body.Error, c.code, c.want)
		}
	}
}
