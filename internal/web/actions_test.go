package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestSignIn(t *testing.T) {
	f := newFixture(t, "")
	tests := []struct {
		name             string
		form             url.Values
		status           int
		location, inBody string
	}{
		{"ok", url.Values{"username": {"admin"}, "password": {"Duban-2026!"}, "next": {"/units"}}, 303, "/units", ""},
		{"open redirect refused", url.Values{"username": {"admin"}, "password": {"Duban-2026!"}, "next": {"//evil.example/x"}}, 303, "/", ""},
		{"scheme refused", url.Values{"username": {"admin"}, "password": {"Duban-2026!"}, "next": {"https://evil.example"}}, 303, "/", ""},
		{"bad password", url.Values{"username": {"admin"}, "password": {"nope"}}, 422, "", "用户名或密码不正确"},
		{"unknown user", url.Values{"username": {"ghost"}, "password": {"nope"}}, 422, "", "用户名或密码不正确"},
		{"locked reads as a wrong password", url.Values{"username": {"locked"}, "password": {"x"}}, 422, "", "用户名或密码不正确"},
		{"empty", url.Values{"username": {" "}}, 422, "", "请输入用户名和密码"},
		{"second factor asked", url.Values{"username": {"two"}, "password": {"Duban-2026!"}}, 422, "", "此账号已启用两步验证"},
		{"wrong code", url.Values{"username": {"two"}, "password": {"Duban-2026!"}, "code": {"135790"}}, 422, "", "动态验证码不正确"},
		{"right code", url.Values{"username": {"two"}, "password": {"Duban-2026!"}, "code": {"246810"}}, 303, "/", ""},
		{"throttled", url.Values{"username": {"crowd"}, "password": {"nope"}}, 429, "", "登录尝试过于频繁"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := f.do(t, "POST", "/signin", "", tt.form)
			wantStatus(t, w, tt.status)
			if tt.location != "" && w.Header().Get("Location") != tt.location {
				t.Errorf("Location %q, want %q", w.Header().Get("Location"), tt.location)
			}
			if tt.inBody != "" {
				wantBody(t, w, tt.inBody, `value="`+strings.TrimSpace(tt.form.Get("username")))
				if strings.Contains(w.Body.String(), "nope") {
					t.Error("password echoed back")
				}
				if c := tt.form.Get("code"); c != "" && strings.Contains(w.Body.String(), c) {
					t.Error("code echoed back")
				}
			}
		})
	}
}

func TestSignOutAndFlash(t *testing.T) {
	f := newFixture(t, "")
	w := f.do(t, "POST", "/signout", "admin", nil)
	wantStatus(t, w, http.StatusSeeOther)
	var flashC *http.Cookie
	for _, c := range w.Result().Cookies() {
		if c.Name == flashCookie {
			flashC = c
		}
	}
	if flashC == nil {
		t.Fatal("no flash cookie")
	}
	w = f.do(t, "GET", "/signin", "", nil, "Cookie", flashC.Name+"="+flashC.Value)
	wantBody(t, w, `class="flash flash-info"`, "您已安全退出")
	// A forged flash with text that is not a catalogue key shows nothing.
	w = f.do(t, "GET", "/signin", "", nil, "Cookie", flashCookie+"=W3siayI6ImluZm8iLCJtIjoi6K-36Ie055S1In1d")
	if strings.Contains(w.Body.String(), "flash-info") {
		t.Error("forged flash shown")
	}
}

func TestSetup(t *testing.T) {
	f := newFixture(t, "")
	form := url.Values{"username": {"root"}, "display_name": {"管理员"}, "password": {"Long-enough-1"}, "confirm": {"Other-1"}}
	w := f.do(t, "POST", "/setup/s3tup-t0ken", "", form)
	wantStatus(t, w, 422)
	wantBody(t, w, "两次输入的密码不一致", `value="root"`)

	form.Set("password", "short")
	form.Set("confirm", "short")
	w = f.do(t, "POST", "/setup/s3tup-t0ken", "", form)
	wantStatus(t, w, 422)
	wantBody(t, w, "密码太短")

	// Done, the page shows the other two administrators' one-time
	// passwords, once; a name left empty is the role's code.
	form.Set("password", "Long-enough-1")
	form.Set("confirm", "Long-enough-1")
	form.Set("auditadmin_username", "shenji")
	w = f.do(t, "POST", "/setup/s3tup-t0ken", "", form)
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "安全管理员", "<code>secadmin</code>", "One-time-sec1", "<code>shenji</code>", "One-time-aud1", `href="/signin"`)
	if len(f.setup.created) != 1 || f.setup.created[0].Username != "root" || f.setup.created[0].SecAdmin != "secadmin" ||
		f.setup.created[0].AuditAdmin != "shenji" {
		t.Fatalf("created %+v", f.setup.created)
	}
	w = f.do(t, "POST", "/setup/s3tup-t0ken", "", form)
	wantStatus(t, w, http.StatusNotFound)
	wantBody(t, w, "初始化链接无效")
}

func TestUserCreate(t *testing.T) {
	f := newFixture(t, "")
	w := f.do(t, "POST", "/users/new", "admin", url.Values{"username": {"x y"}, "display_name": {""}, "role": {"liaison"}})
	wantStatus(t, w, 422)
	wantBody(t, w, "用户名格式不正确", "此项为必填项", "联络员至少要选择一个所属单位")

	w = f.do(t, "POST", "/users/new", "admin", url.Values{"username": {"admin"}, "display_name": {"重名"}, "role": {"office"}})
	wantStatus(t, w, 422)
	wantBody(t, w, "该用户名已被使用")

	w = f.do(t, "POST", "/users/new", "admin", url.Values{"username": {"wu.li"}, "display_name": {"吴丽"}, "role": {"liaison"}, "units": {"3", "6", "junk"}})
	wantStatus(t, w, 200)
	wantBody(t, w, "用户已创建", "Tmp-7qX2-kP9m", "吴丽（wu.li）", `<span class="uname">王建国</span>`)
	if w.Header().Get("Cache-Control") != "no-store" {
		t.Error("password page may be cached")
	}
	got, _ := f.users.Get(t.Context(), 9)
	if got.Username != "wu.li" || len(got.UnitIDs) != 2 {
		t.Errorf("created %+v", got)
	}
	// A leader keeps the units ticked: the subtrees it oversees (分级督查).
	f.do(t, "POST", "/users/new", "admin", url.Values{"username": {"boss"}, "display_name": {"领导"}, "role": {"leader"}, "units": {"3"}})
	if got, _ := f.users.Get(t.Context(), 10); len(got.UnitIDs) != 1 {
		t.Errorf("leader got units %v, want [3]", got.UnitIDs)
	}
	// Units ticked for another role are dropped.
	f.do(t, "POST", "/users/new", "admin", url.Values{"username": {"sys2"}, "display_name": {"系统"}, "role": {"sysadmin"}, "units": {"3"}})
	if got, err := f.users.Get(t.Context(), 11); err != nil || got.Username != "sys2" || len(got.UnitIDs) != 0 {
		t.Errorf("sysadmin got %+v %v, want no units", got, err)
	}
}

func TestUserUpdateAndRowActions(t *testing.T) {
	f := newFixture(t, "")
	w := f.do(t, "POST", "/users/6/edit", "secadmin", url.Values{"username": {"leader"}, "display_name": {"刘市长"}, "role": {"bogus"}})
	wantStatus(t, w, 422)
	wantBody(t, w, "请选择有效的角色")
	w = f.do(t, "POST", "/users/6/edit", "secadmin", url.Values{"username": {"leader"}, "display_name": {"刘市长"}, "role": {"leader"}})
	wantStatus(t, w, http.StatusSeeOther)
	if u, _ := f.users.Get(t.Context(), 6); u.DisplayName != "刘市长" {
		t.Errorf("not saved: %+v", u)
	}

	// htmx row action: the row comes back alone, showing the new state.
	w = f.do(t, "POST", "/users/6/disable", "admin", nil, "HX-Request", "true")
	wantStatus(t, w, 200)
	wantBody(t, w, `<tr id="user-6">`, "已停用", `hx-post="/users/6/enable"`)
	if strings.Contains(w.Body.String(), "<html") {
		t.Error("fragment has the layout")
	}
	// Plain form: redirect with a flash.
	w = f.do(t, "POST", "/users/6/enable", "admin", nil)
	wantStatus(t, w, http.StatusSeeOther)
	w = f.do(t, "POST", "/users/5/unlock", "secadmin", nil, "HX-Request", "true")
	wantBody(t, w, "正常")

	w = f.do(t, "POST", "/users/5/reset-password", "secadmin", nil)
	wantStatus(t, w, 200)
	wantBody(t, w, "密码已重置", "Rst-4hN8-wQ2z", `href="/users?lang=zh-TW"`)
	wantStatus(t, f.do(t, "POST", "/users/77/reset-password", "secadmin", nil), 404)
}

func TestUnitCreateUpdate(t *testing.T) {
	f := newFixture(t, "")
	w := f.do(t, "POST", "/units/new", "admin", url.Values{"name": {""}, "kind": {"planet"}, "parent": {"1"}})
	wantStatus(t, w, 422)
	wantBody(t, w, "此项为必填项", "请选择有效的单位类型")

	w = f.do(t, "POST", "/units/new", "admin", url.Values{"name": {"市教育局"}, "kind": {"department"}, "parent": {"1"},
		"aliases": {"市教委\n市教委、 教育局，\r\n"}})
	wantStatus(t, w, http.StatusSeeOther)
	u, _ := f.units.Get(t.Context(), 8)
	if u.Name != "市教育局" || u.ParentID != 1 || strings.Join(u.Aliases, "|") != "市教委|教育局" {
		t.Errorf("created %+v", u)
	}

	// A unit cannot move under its own descendant.
	w = f.do(t, "POST", "/units/1/edit", "admin", url.Values{"name": {"市人民政府"}, "kind": {"city"}, "parent": {"7"}})
	wantStatus(t, w, 422)
	wantBody(t, w, "不能把单位设为自己或自己下级单位的下级")
	w = f.do(t, "POST", "/units/7/edit", "admin", url.Values{"name": {"市政府督查室"}, "kind": {"office"}, "parent": {"1"}})
	wantStatus(t, w, http.StatusSeeOther)
}

func TestAuditExportCSV(t *testing.T) {
	f := newFixture(t, "")
	f.audit.entries = append(f.audit.entries, AuditView{Seq: 6, At: testNow, Actor: "=HYPERLINK(\"http://x\")", IP: "10.0.0.1", Action: "signin", Object: "@SUM(1)"})
	w := f.do(t, "GET", "/audit/export.csv?actor=", "auditor", nil)
	wantStatus(t, w, 200)
	body := w.Body.String()
	if !strings.HasPrefix(body, "\ufeff序号,时间,操作人,来源IP,操作,对象,变更前,变更后,哈希\n") {
		t.Errorf("header: %.120q", body)
	}
	if strings.Count(body, "\n") != 7 {
		t.Errorf("want 6 rows + header:\n%s", body)
	}
	wantBody(t, w, `"'=HYPERLINK(""http://x"")"`, "'@SUM(1)", "2026-03-02 09:30:00")
	if cd := w.Header().Get("Content-Disposition"); cd != `attachment; filename="duban-audit-20260302-093000.csv"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	// 2026-03-02 in Beijing starts at 16:00 UTC the day before: seq 5
	// (00:01 Beijing) and 6 are in it, seq 4 (23:50 the day before) not.
	w = f.do(t, "GET", "/audit/export.csv?from=2026-03-02", "auditor", nil)
	if n := strings.Count(w.Body.String(), "\n"); n != 3 {
		t.Errorf("filtered export has %d lines", n)
	}
	wantStatus(t, f.do(t, "GET", "/audit/export.csv?from=nope", "auditor", nil), 400)
}

func TestAuditFilterAndPaging(t *testing.T) {
	f := newFixture(t, "")
	for i := 0; i < 120; i++ {
		f.audit.entries = append(f.audit.entries, AuditView{Seq: int64(10 + i), At: testNow, Actor: "bulk", Action: "signin"})
	}
	w := f.do(t, "GET", "/audit?actor=bulk&page=2", "auditor", nil)
	wantBody(t, w, "第 51–100 条，共 120 条", `href="/audit?actor=bulk"`, `href="/audit?actor=bulk&amp;page=3"`,
		`href="/audit/export.csv?actor=bulk"`)
	if f.audit.last.Offset != 50 || f.audit.last.Limit != 50 || f.audit.last.Actor != "bulk" {
		t.Errorf("filter %+v", f.audit.last)
	}
	w = f.do(t, "GET", "/audit?from=2026-03-01&to=2026-03-01", "auditor", nil, "HX-Request", "true")
	if strings.Contains(w.Body.String(), "<html") || !strings.Contains(w.Body.String(), "第 1–4 条，共 4 条") {
		t.Errorf("htmx results fragment:\n%.500s", w.Body.String())
	}
	if got := f.audit.last.To.Sub(f.audit.last.From).Hours(); got != 24 {
		t.Errorf("a one-day range spans %v hours", got)
	}
}

func TestCrossOriginRefused(t *testing.T) {
	f := newFixture(t, "")
	form := url.Values{"username": {"admin"}, "password": {"Duban-2026!"}}
	w := f.do(t, "POST", "/signin", "", form, "Sec-Fetch-Site", "cross-site")
	wantStatus(t, w, http.StatusForbidden)
	wantBody(t, w, "无权访问")
	w = f.do(t, "POST", "/users/1/disable", "admin", nil, "Origin", "http://evil.example")
	wantStatus(t, w, http.StatusForbidden)
	if u, _ := f.users.Get(t.Context(), 1); u.Disabled {
		t.Error("cross-origin request changed data")
	}
	w = f.do(t, "POST", "/signin", "", form, "Sec-Fetch-Site", "same-origin")
	wantStatus(t, w, http.StatusSeeOther)
}

func TestStaticAssets(t *testing.T) {
	f := newFixture(t, "")
	css, err := f.h.assets.url("app.css")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(css, "/static/app.") || len(css) != len("/static/app.0123456789.css") {
		t.Errorf("hashed name %q", css)
	}
	w := f.do(t, "GET", css, "", nil)
	wantStatus(t, w, 200)
	if got := w.Header().Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
		t.Errorf("Cache-Control %q", got)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("Content-Type %q", ct)
	}
	etag := w.Header().Get("ETag")
	wantStatus(t, f.do(t, "GET", css, "", nil, "If-None-Match", etag), http.StatusNotModified)

	js, _ := f.h.assets.url("vendor/htmx.min.js")
	w = f.do(t, "GET", js, "", nil)
	wantStatus(t, w, 200)
	wantBody(t, w, "htmx")
	if ct := w.Header().Get("Content-Type"); !strings.Contains(ct, "javascript") {
		t.Errorf("Content-Type %q", ct)
	}
	w = f.do(t, "GET", "/static/app.css", "", nil)
	wantStatus(t, w, 200)
	if w.Header().Get("Cache-Control") != "no-cache" {
		t.Errorf("plain name cached: %q", w.Header().Get("Cache-Control"))
	}
	wantStatus(t, f.do(t, "GET", "/static/vendor/README.md", "", nil), 404)
	// The mux cleans the path before any handler sees it, so a climb out
	// of /static/ lands outside it, where templates are not served.
	wantStatus(t, f.do(t, "GET", "/static/../templates/layout/base.html", "", nil), http.StatusTemporaryRedirect)
	wantStatus(t, f.do(t, "GET", "/templates/layout/base.html", "", nil), 404)
	if _, err := f.h.assets.url("nope.css"); err == nil {
		t.Error("unknown asset accepted")
	}
}
