package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// TestInspectionsInBrowser walks a field inspection in headless
// chromium: the office puts a 明察暗访 in this year's 督查计划, records
// it as held today, records a finding for 市法制办 with a photo, and sees
// it in the 问题清单 with its 督办 task; a 复查 fails with a new
// deadline, which the finding shows; 市法制办's liaison finds it in
// their 问题清单 and opens the photo's link; 市财政局's liaison's
// 问题清单 is empty.
func TestInspectionsInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	app, base := bootLedger(t)
	addLiaison(t, app, "caizheng", "市财政局")
	problems := browsertest.WatchConsole(ctx, nil)
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "inspections-"+name) }
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	photo := filepath.Join(t.TempDir(), "现场.png")
	if err := os.WriteFile(photo, append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...), 0o600); err != nil {
		t.Fatal(err)
	}
	today := time.Now().In(workday.Zone)
	unitPick := func(sel, name string) chromedp.Action[chromedp.Void] {
		return chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector("` + sel + `");
			for (const o of s.options) { if (o.text === "` + name + `") { o.selected = true; s.value = o.value; } } })()`)
	}
	run("the office plans an inspection", signInAs(base, "ducha"),
		chromedp.Navigate(base+"/inspections/plan"),
		chromedp.WaitVisible(chromedp.CSS("#p-title")),
		chromedp.SendKeys(chromedp.CSS("#p-title"), "执法窗口明察暗访"),
		chromedp.SetValue(chromedp.CSS("#p-kind"), "covert"),
		chromedp.SetValue(chromedp.CSS("#p-month"), today.Format("1")),
		unitPick("#p-units", "市法制办"),
		chromedp.Click(`//form[@action="/inspections/plan"]//button`),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`),
		chromedp.WaitVisible(`//td[contains(., "执法窗口明察暗访")]`),
		shot("01-plan"),
	)
	run("the office records it held", chromedp.Navigate(base+"/inspections"),
		chromedp.WaitVisible(chromedp.CSS("#r-title")),
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector("#r-entry"); s.selectedIndex = 1; })()`),
		chromedp.SendKeys(chromedp.CSS("#r-title"), "执法窗口明察暗访（第一次）"),
		chromedp.SetValue(chromedp.CSS("#r-held"), today.Format(time.DateOnly)),
		chromedp.SendKeys(chromedp.CSS("#r-place"), "市民服务中心"),
		chromedp.SendKeys(chromedp.CSS("#r-who"), "督查室 王科长"),
		chromedp.SendKeys(chromedp.CSS("#r-method"), "随机暗访"),
		chromedp.Click(`//form[@action="/inspections"]//button`),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`),
		chromedp.WaitVisible(`//h1[contains(., "执法窗口明察暗访（第一次）")]`),
	)
	run("the office records a finding with a photo",
		chromedp.SendKeys(chromedp.CSS("#f-desc"), "执法公示栏信息过期，未公示执法人员证件号"),
		unitPick("#f-unit", "市法制办"),
		chromedp.SetValue(chromedp.CSS("#f-due"), today.AddDate(0, 0, 15).Format(time.DateOnly)),
		chromedp.SetUploadFiles(chromedp.CSS("#f-files"), []string{photo}),
		chromedp.Click(`//form[contains(@action, "/findings")]//button[contains(., "登记问题")]`),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`),
		chromedp.WaitVisible(`//section[contains(@id, "finding-")]//a[contains(., "现场.png")]`),
		chromedp.WaitVisible(`//section[contains(@id, "finding-")]//a[contains(., "督办任务")]`),
		shot("02-inspection"),
	)
	newDue := today.AddDate(0, 0, 30).Format(time.DateOnly)
	run("the office's 复查 fails with a new deadline",
		chromedp.Click(`//section[contains(@id, "finding-")]//summary[contains(., "复查")]`),
		chromedp.WaitVisible(`//section[contains(@id, "finding-")]//input[@value="failed"]`),
		chromedp.Click(`//section[contains(@id, "finding-")]//input[@value="failed"]`),
		chromedp.SendKeys(`//section[contains(@id, "finding-")]//textarea[@name="note"]`, "公示栏仍未更新"),
		chromedp.SetValue(`//section[contains(@id, "finding-")]//input[@name="new_due"]`, newDue),
		chromedp.Click(`//section[contains(@id, "finding-")]//form[contains(@action, "/recheck")]//button`),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`),
		chromedp.WaitVisible(`//section[contains(@id, "finding-")]//p[contains(., "未通过") and contains(., "`+newDue+`")]`),
		shot("02b-recheck"),
		chromedp.Navigate(base+"/findings"),
		chromedp.WaitVisible(`//td[contains(., "执法公示栏信息过期")]`),
		shot("03-findings"),
		signOutStep,
	)
	run("the unit finds its problem", signInAs(base, "fazhiban"),
		chromedp.Navigate(base+"/findings"),
		chromedp.WaitVisible(`//td[contains(., "执法公示栏信息过期")]`),
		chromedp.WaitVisible(`//td//a[contains(., "现场.png")]`),
		shot("04-liaison"),
		signOutStep,
	)
	run("another unit does not", signInAs(base, "caizheng"),
		chromedp.Navigate(base+"/findings"),
		chromedp.WaitVisible(`//h1[contains(., "问题清单")]`),
	)
	body, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(body, "执法公示栏信息过期") {
		t.Errorf("市财政局's liaison sees 市法制办's finding")
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}

// addLiaison gives bootLedger's system a liaison of unit, signing in with
// the demo password.
func addLiaison(t *testing.T, app *App, username, unit string) {
	t.Helper()
	ctx := context.Background()
	units, err := app.Store.FindUnits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword(DemoPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		if u.Name == unit {
			if _, err := app.Store.CreateUser(ctx, audit.System, records.UserCreate{Username: username, PasswordHash: hash,
				Role: authz.Liaison, Units: []int64{u.ID}}); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatalf("no unit %s", unit)
}
