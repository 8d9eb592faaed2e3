package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/browsertest"
)

// TestIncidentsInBrowser walks the emergency disclosure clocks in
// headless chromium: the office records a major incident that happened
// four and a half hours ago for 市法制办 and sees the 5-hour clock 临近
// and the 24-hour clock running; the unit's liaison opens it, records the
// authoritative information with its address, and the clock shows it
// done in time.
func TestIncidentsInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	_, base := bootLedger(t)
	problems := browsertest.WatchConsole(ctx, nil)
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "incidents-"+name) }
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	occurred := time.Now().In(time.FixedZone("CST", 8*3600)).Add(-270 * time.Minute).Format("2006-01-02T15:04")
	run("the office records an incident", signInAs(base, "ducha"),
		chromedp.Navigate(base+"/incidents"),
		chromedp.WaitVisible(chromedp.CSS("#i-title")),
		chromedp.SendKeys(chromedp.CSS("#i-title"), "某路段山体滑坡"),
		chromedp.SetValue(chromedp.CSS("#i-level"), "major"),
		chromedp.SetValue(chromedp.CSS("#i-occurred"), occurred),
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector("#i-unit");
			for (const o of s.options) { if (o.text === "市法制办") { s.value = o.value; } } })()`),
		chromedp.SendKeys(chromedp.CSS("#i-summary"), "道路中断，暂无人员伤亡报告。"),
		shot("01-report"),
		chromedp.Click(`//form[@action="/incidents"]//button`),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`),
		chromedp.WaitVisible(`//section[h2[contains(., "发布权威信息")]]//strong[. = "临近时限"]`),
		chromedp.WaitVisible(`//section[h2[contains(., "举行新闻发布会")]]//strong[. = "计时中"]`),
		shot("02-clocks"),
		signOutStep,
	)
	run("the unit records the information published", signInAs(base, "fazhiban"),
		chromedp.Navigate(base+"/incidents"),
		chromedp.Click(`//td/a[contains(., "某路段山体滑坡")]`),
		chromedp.WaitVisible(chromedp.CSS("#d-ev-authoritative")),
		chromedp.SendKeys(chromedp.CSS("#d-ev-authoritative"), "https://www.example.gov.cn/xwfb/1.html"),
		chromedp.Click(`//form[.//input[@value="authoritative"]]//button`),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`),
		chromedp.WaitVisible(`//section[h2[contains(., "发布权威信息")]]//strong[. = "按时完成"]`),
		shot("03-done"),
	)
	if p := problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}
