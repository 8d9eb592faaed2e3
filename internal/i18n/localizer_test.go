package i18n

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestFromRequest(t *testing.T) {
	tests := []struct {
		name, query, cookie, accept string
		want                        Lang
		chosen                      bool
	}{
		{name: "nothing", want: ZhCN},
		{name: "query", query: "zh-TW", want: ZhTW, chosen: true},
		{name: "query beats cookie", query: "zh-CN", cookie: "zh-TW", want: ZhCN, chosen: true},
		{name: "bad query ignored", query: "xx", cookie: "zh-TW", want: ZhTW},
		{name: "cookie beats header", cookie: "zh-TW", accept: "zh-CN", want: ZhTW},
		{name: "bad cookie ignored", cookie: "<b>", accept: "zh-TW", want: ZhTW},
		{name: "header zh-TW", accept: "zh-TW,zh;q=0.9", want: ZhTW},
		{name: "header zh-HK", accept: "zh-HK", want: ZhTW},
		{name: "header zh-Hant", accept: "zh-Hant", want: ZhTW},
		{name: "header zh", accept: "zh", want: ZhCN},
		{name: "header en then tw", accept: "en-US,en;q=0.9,zh-TW;q=0.5", want: ZhTW},
		{name: "header en only", accept: "en-US,en;q=0.9", want: ZhCN},
		{name: "header garbage", accept: ";;;q=x", want: ZhCN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := "/"
			if tt.query != "" {
				target += "?lang=" + tt.query
			}
			r := httptest.NewRequest(http.MethodGet, target, nil)
			if tt.cookie != "" {
				r.AddCookie(&http.Cookie{Name: CookieName, Value: tt.cookie})
			}
			if tt.accept != "" {
				r.Header.Set("Accept-Language", tt.accept)
			}
			l, chosen := FromRequest(r)
			if l.Lang() != tt.want || chosen != tt.chosen {
				t.Errorf("got %s, %v; want %s, %v", l.Lang(), chosen, tt.want, tt.chosen)
			}
		})
	}
}

func TestLocalizerContext(t *testing.T) {
	if got := FromContext(context.Background()).Lang(); got != Default {
		t.Errorf("empty context: %s", got)
	}
	ctx := WithLocalizer(context.Background(), New(ZhTW))
	if got := FromContext(ctx).T("nav.home"); got != "工作臺" {
		t.Errorf("T = %q", got)
	}
	if got := New("xx").Lang(); got != Default {
		t.Errorf("New(xx) = %s", got)
	}
	if got := (Localizer{}).T("nav.home"); got != "工作台" {
		t.Errorf("zero Localizer: %q", got)
	}
}

// TestRenderMessage: a kept message is written in the reader's language,
// its terms named by the catalogue, its plain values as they are.
func TestRenderMessage(t *testing.T) {
	m := Message{Key: "users.secret.for", Args: map[string]string{"username": "zhang"}, Terms: map[string]string{"name": "nav.users"}}
	if got := New(ZhTW).Render(m); got != "使用者管理（zhang）的初始密碼：" {
		t.Errorf("zh-TW: %q", got)
	}
	lines := []Message{{Key: "nav.users"}, {Key: "users.count", Args: map[string]string{"n": "3"}}}
	if got := New(ZhCN).RenderLines(lines); got != "用户管理\n共 3 个账号\n" {
		t.Errorf("lines: %q", got)
	}
	if got := New(ZhCN).RenderLines(nil); got != "" {
		t.Errorf("no lines: %q", got)
	}
}
