package web

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/browsertest"
)

// TestBrowserSmoke drives the pages in headless chromium: sign-in, the
// workbench, user administration with an htmx row action behind the
// confirmation dialog, units, the audit viewer and its htmx filter, the
// traditional-character rendering and a phone-sized screen. It saves a
// screenshot of each step and fails on any script error or content
// security policy violation in the console.
func TestBrowserSmoke(t *testing.T) {
	ctx := browsertest.New(t)
	dir := browsertest.ScreenshotDir(t)
	f := newFixture(t, "")
	srv := httptest.NewServer(f.h)
	defer srv.Close()

	problems := browsertest.WatchConsole(ctx, browsertest.FailedNonStatic)

	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, name) }
	signIn := func(user string) []chromedp.Action[chromedp.Void] {
		return []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(srv.URL + "/signin"),
			chromedp.WaitVisible(chromedp.CSS("#username")),
			chromedp.SendKeys(chromedp.CSS("#username"), user),
			chromedp.SendKeys(chromedp.CSS("#password"), "Duban-2026!"),
			chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
			chromedp.WaitVisible(`//h1[contains(., "您好")]`),
		}
	}
	signOut := []chromedp.Action[chromedp.Void]{
		chromedp.Click(chromedp.CSS("details.usermenu summary")),
		chromedp.WaitVisible(chromedp.CSS(".usermenu-panel button")),
		chromedp.Click(chromedp.CSS(".usermenu-panel button")),
		chromedp.WaitVisible(`//div[contains(@class, "flash") and contains(., "您已安全退出")]`),
	}

	steps := []struct {
		name    string
		actions []chromedp.Action[chromedp.Void]
	}{
		{"01-signin", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(srv.URL + "/signin"),
			chromedp.WaitVisible(`//h1[contains(., "登录")]`),
			chromedp.WaitVisible(`//label[contains(., "用户名")]`),
		}},
		{"02-signin-failed", []chromedp.Action[chromedp.Void]{
			chromedp.SendKeys(chromedp.CSS("#username"), "admin"),
			chromedp.SendKeys(chromedp.CSS("#password"), "wrong"),
			chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
			chromedp.WaitVisible(`//div[contains(@class, "alert-error") and contains(., "用户名或密码不正确")]`),
		}},
		{"03-home-sysadmin", signIn("admin")},
		{"04-users", []chromedp.Action[chromedp.Void]{
			chromedp.Click(`//nav[@class="mainnav"]//a[contains(., "用户管理")]`),
			chromedp.WaitVisible(`//tr[@id="user-5"]//span[contains(., "已锁定")]`),
		}},
		{"05-confirm-disable", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`#user-6 form[action$="/disable"] button`)),
			chromedp.WaitVisible(`//dialog[@id="confirm-dialog"]//p[contains(., "刘副市长")]`),
		}},
		{"06-disabled-by-htmx", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`#confirm-dialog button[value="ok"]`)),
			chromedp.WaitVisible(`//tr[@id="user-6"]//span[contains(., "已停用")]`),
			chromedp.WaitNotVisible(chromedp.CSS("#confirm-dialog")),
		}},
		{"07-user-new-liaison", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(srv.URL + "/users/new"),
			chromedp.WaitVisible(`//h1[contains(., "新建用户")]`),
			chromedp.WaitNotVisible(chromedp.CSS(".units-field")),
			chromedp.SendKeys(chromedp.CSS("#username"), "wu.li"),
			chromedp.SendKeys(chromedp.CSS("#display_name"), "吴丽"),
			chromedp.SetValue(chromedp.CSS("#role"), "liaison"),
			chromedp.WaitVisible(chromedp.CSS(".units-field")),
			chromedp.Click(chromedp.CSS(`input[name="units"][value="3"]`)),
		}},
		{"08-user-created", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`.form-actions button[type="submit"]`)),
			chromedp.WaitVisible(`//code[@id="secret" and contains(., "Tmp-7qX2-kP9m")]`),
		}},
		{"09-units", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(srv.URL + "/units"),
			chromedp.WaitVisible(`//span[contains(@class, "tree-node") and contains(., "东城区新华街道办事处")]`),
		}},
		{"10-unit-edit", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(srv.URL + "/units/3/edit"),
			chromedp.WaitVisible(`//textarea[@id="aliases"]`),
		}},
		{"11-audit", append(append(append([]chromedp.Action[chromedp.Void]{}, signOut...), signIn("auditor")...),
			chromedp.Navigate(srv.URL+"/audit"),
			chromedp.WaitVisible(`//p[contains(., "共 5 条")]`),
		)},
		{"12-audit-filtered-by-htmx", []chromedp.Action[chromedp.Void]{
			chromedp.SendKeys(chromedp.CSS("#actor"), "secadmin"),
			chromedp.Click(chromedp.CSS(`.filters button[type="submit"]`)),
			chromedp.WaitVisible(`//p[contains(., "共 2 条")]`),
		}},
		{"13-audit-zh-TW", []chromedp.Action[chromedp.Void]{
			chromedp.Click(`//a[@hreflang="zh-TW"]`),
			chromedp.WaitVisible(`//h1[contains(., "審計日誌")]`),
			chromedp.WaitVisible(`//p[contains(., "共 2 條")]`),
		}},
		{"14-home-liaison-mobile", append(append(append([]chromedp.Action[chromedp.Void]{}, signOut[:2]...),
			chromedp.Click(chromedp.CSS(".usermenu-panel button")),
			chromedp.WaitVisible(`//div[contains(@class, "flash") and contains(., "您已安全登出")]`),
			chromedp.Navigate(srv.URL+"/signin?lang=zh-CN"),
			chromedp.EmulateViewport(390, 844)),
			signIn("liaison")...,
		)},
		{"15-table-mobile", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(srv.URL + "/units"),
			chromedp.WaitVisible(`//span[contains(@class, "tree-node") and contains(., "市司法局")]`),
		}},
		{"16-error-404", []chromedp.Action[chromedp.Void]{
			chromedp.EmulateViewport(1280, 860),
			chromedp.Navigate(srv.URL + "/no/such/page"),
			chromedp.WaitVisible(`//h1[contains(., "页面不存在")]`),
		}},
	}
	for _, s := range steps {
		start := time.Now()
		// The first Run (Console) started the browser, so a deadline per
		// step now limits the step, not the browser's life.
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		err := chromedp.Do(sctx, append(s.actions, shot(s.name))...)
		cancel()
		if err != nil {
			dctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			loc, _ := chromedp.Run(dctx, chromedp.Location())
			html, _ := chromedp.Run(dctx, chromedp.OuterHTML(chromedp.CSS("main")))
			cancel()
			t.Fatalf("step %s: %v\nat %s\n%.3000s", s.name, err, loc, html)
		}
		t.Logf("%s: %v", s.name, time.Since(start).Round(time.Millisecond))
	}
	time.Sleep(100 * time.Millisecond) // let the last console events arrive
	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}
	t.Logf("screenshots in %s", dir)
}
