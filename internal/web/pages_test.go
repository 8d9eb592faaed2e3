package web

import (
	"net/http"
	"strings"
	"testing"
)

// TestPagesGET opens every page through the router as a user who may see
// it, and checks the status and a piece of its Chinese text.
func TestPagesGET(t *testing.T) {
	f := newFixture(t, "")
	tests := []struct {
		path, user string
		status     int
		want       []string
	}{
		{"/signin", "", 200, []string{"<h1 id=\"signin-title\">登录</h1>", `name="password"`, "简体", "繁體"}},
		{"/signin?next=/users", "", 200, []string{`name="next" value="/users"`}},
		{"/setup/s3tup-t0ken", "", 200, []string{"初始化系统", "确认密码", `action="/setup/s3tup-t0ken"`}},
		{"/setup/wrong", "", 404, []string{"初始化链接无效"}},
		{"/", "admin", 200, []string{"王建国，您好", "系统管理员", `href="/users"`, "退出登录"}},
		{"/", "liaison", 200, []string{"负责本单位任务的进展报送", `href="/tasks"`}},
		{"/", "auditor", 200, []string{`href="/audit"`}},
		{"/users", "admin", 200, []string{"用户管理", "共 8 个账号", "市司法局、市发展和改革委员会", "已锁定", "已停用", "未分配角色", `hx-post="/users/5/unlock"`}},
		{"/users?role=liaison", "admin", 200, []string{"张联络", "周离职"}},
		{"/users?q=%E7%8E%8B", "admin", 200, []string{"王建国"}},
		{"/users/new", "admin", 200, []string{"新建用户", `name="units" value="3"`, "联络员"}},
		{"/users/5/edit", "admin", 200, []string{"编辑用户", `value="liaison"`, "readonly", `value="3" checked`}},
		{"/units", "admin", 200, []string{"单位管理", "市司法局", "市法制办", "市直部门", "depth-2"}},
		{"/units/new", "admin", 200, []string{"新增单位", "无（顶级单位）"}},
		{"/units/new?parent=5", "admin", 200, []string{`<option value="5" selected>`}},
		{"/units/1/edit", "admin", 200, []string{"编辑单位", `<option value="2" disabled>`}},
		{"/audit", "auditor", 200, []string{"审计日志", "第 1–5 条，共 5 条", "来源IP", "10.2.3.9", "<del>", "<ins>", "导出 CSV"}},
		{"/audit?actor=secadmin", "auditor", 200, []string{"共 2 条"}},
		{"/audit?from=bad", "auditor", 200, []string{"日期格式应为"}},
		{"/nowhere", "", 404, []string{"页面不存在"}},
		{"/nowhere", "admin", 404, []string{"页面不存在", "王建国"}},
		{"/users/99/edit", "admin", 404, []string{"页面不存在"}},
		{"/users/abc/edit", "admin", 404, nil},
		{"/?lang=zh-TW", "admin", 200, []string{"使用者管理", `lang="zh-TW"`}},
	}
	for _, tt := range tests {
		t.Run(tt.path+" as "+tt.user, func(t *testing.T) {
			w := f.do(t, "GET", tt.path, tt.user, nil)
			wantStatus(t, w, tt.status)
			wantBody(t, w, tt.want...)
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("Content-Type %q", ct)
			}
			if w.Header().Get("Content-Security-Policy") == "" {
				t.Error("no Content-Security-Policy")
			}
		})
	}
}

// TestSignedOutRedirects: a page needing a user sends a stranger to the
// sign-in page, remembering where they were going.
func TestSignedOutRedirects(t *testing.T) {
	f := newFixture(t, "")
	for path, want := range map[string]string{
		"/":                      "/signin",
		"/users":                 "/signin?next=%2Fusers",
		"/audit?actor=x":         "/signin?next=%2Faudit%3Factor%3Dx",
		"/units/1/edit":          "/signin?next=%2Funits%2F1%2Fedit",
		"/audit/export.csv?to=x": "/signin?next=%2Faudit%2Fexport.csv%3Fto%3Dx",
	} {
		w := f.do(t, "GET", path, "", nil)
		wantStatus(t, w, http.StatusSeeOther)
		if got := w.Header().Get("Location"); got != want {
			t.Errorf("%s: Location %q, want %q", path, got, want)
		}
	}
	w := f.do(t, "POST", "/users/1/disable", "", nil, "HX-Request", "true")
	if w.Code != http.StatusNoContent || w.Header().Get("HX-Redirect") != "/signin" {
		t.Errorf("htmx: %d %q", w.Code, w.Header().Get("HX-Redirect"))
	}
}

// TestForbidden: a service's ErrForbidden becomes the 403 page.
func TestForbidden(t *testing.T) {
	f := newFixture(t, "")
	f.users.forbidden = true
	for _, path := range []string{"/users", "/users/new", "/users/1/edit"} {
		// The empty form too: it is offered only to whoever may create.
		w := f.do(t, "GET", path, "liaison", nil)
		wantStatus(t, w, http.StatusForbidden)
		wantBody(t, w, "无权访问")
	}
	w := f.do(t, "POST", "/users/1/disable", "liaison", nil)
	wantStatus(t, w, http.StatusForbidden)
}

// TestSignedInSigninGoesHome: the sign-in page is not shown twice.
func TestSignedInSigninGoesHome(t *testing.T) {
	f := newFixture(t, "")
	w := f.do(t, "GET", "/signin?next=/units", "admin", nil)
	wantStatus(t, w, http.StatusSeeOther)
	if w.Header().Get("Location") != "/units" {
		t.Errorf("Location %q", w.Header().Get("Location"))
	}
}

func TestLanguageSwitch(t *testing.T) {
	f := newFixture(t, "")
	w := f.do(t, "GET", "/signin?lang=zh-TW", "", nil)
	wantStatus(t, w, 200)
	wantBody(t, w, "使用者名稱", `<span class="lang current" lang="zh-TW" aria-current="true">繁體</span>`, `href="/signin?lang=zh-CN"`)
	var set bool
	for _, c := range w.Result().Cookies() {
		set = set || (c.Name == "lang" && c.Value == "zh-TW")
	}
	if !set {
		t.Error("?lang= did not set the lang cookie")
	}
	w = f.do(t, "GET", "/signin", "", nil, "Cookie", "lang=zh-TW")
	wantBody(t, w, "登入")
	w = f.do(t, "GET", "/audit?actor=admin&page=2", "auditor", nil, "Accept-Language", "zh-TW")
	wantBody(t, w, "審計日誌", `href="/audit?actor=admin&amp;lang=zh-CN&amp;page=2"`)
}
