package api

import (
	"encoding/json"
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/duban/duban/internal/fault"
)

// TestErrorsInCallersLanguage: the API words its errors in the language
// of Accept-Language, zh-CN when the header says nothing it knows.
func TestErrorsInCallersLanguage(t *testing.T) {
	cases := []struct {
		lang string
		err  error
		want string
	}{
		{"", fault.ErrNotFound, "未找到 (not found)"},
		{"zh-TW", fault.ErrNotFound, "找不到 (not found)"},
		{"zh-Hant-HK, en;q=0.5", errForbidden, "無權執行此操作 (not allowed for your role or unit)"},
		{"en", errForbidden, "无权执行此操作 (not allowed for your role or unit)"},
		{"", errInvalid("api.problem.id"), "请求内容有误 (bad request)\nid 应为正整数"},
		{"zh-TW", errInvalid("api.problem.id"), "請求內容有誤 (bad request)\nid 應為正整數"},
		{"zh-TW", errors.Join(errBadRequest, errors.New("as the service words it")), "請求內容有誤 (bad request)\nas the service words it"},
	}
	for _, c := range cases {
		r := httptest.NewRequest("GET", "/api/v1/x", nil)
		if c.lang != "" {
			r.Header.Set("Accept-Language", c.lang)
		}
		w := httptest.NewRecorder()
		fail(w, r, c.err)
		var body apiError
		if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		if body.Error.Message != c.want {
			t.Errorf("%q %v: %q, want %q", c.lang, c.err, body.Error.Message, c.want)
		}
	}
}
