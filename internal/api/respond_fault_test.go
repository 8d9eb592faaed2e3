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

// TestFaultLabels: a refusal that names its fields is answered under
// those names in the caller's language — a field with its part, a level
// of a ladder with its number — ahead of fieldLabels; its key is the
// problem of the whole, listed first; and the message says it all, for
// a client that shows only the message.
func TestFaultLabels(t *testing.T) {
	err := &fault.Error{Code: fault.Invalid, Key: "assess.problem.all_zero",
		Fields: map[string]string{"title": "error.required", "co_share": "assess.problem.range_0_1", "ladder.0.label": "rules.error.label_missing"},
		Labels: map[string]fault.Label{"title": {Key: "assess.record.title"},
			"co_share":       {Key: "assess.scheme.field.co_share", Group: "assess.scheme.group.key_work"},
			"ladder.0.label": {Key: "rules.error.level", Args: map[string]any{"n": 1, "label": "藍色"}}}}
	r := httptest.NewRequest("PUT", "/api/v1/x", nil)
	r.Header.Set("Accept-Language", "zh-TW")
	w := httptest.NewRecorder()
	fail(w, r, err)
	var body struct {
		Error    struct{ Code, Message string } `json:"error"`
		Problems []struct{ Field, Label, Message string }
	}
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	want := "重點攻堅、日常考評與滿意度的分值不能全為 0；配合單位係數（重點攻堅考績）：應在 0–1 之間；督辦階梯第 1 級（藍色）：缺少名稱；事由：此項為必填項。"
	if w.Code != http.StatusUnprocessableEntity || body.Error.Code != "invalid" || body.Error.Message != want || len(body.Problems) != 4 ||
		body.Problems[0].Field != "" || body.Problems[1].Label != "配合單位係數（重點攻堅考績）" || body.Problems[3].Label != "事由" {
		t.Errorf("%d %s\nwant %q", w.Code, w.Body.String(), want)
	}
}
