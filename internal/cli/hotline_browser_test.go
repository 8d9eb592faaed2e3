package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/records"
)

// TestHotlineInBrowser walks 12345 in headless chromium: a citizen files
// a ticket on the public form (no category, so it goes to triage) and
// keeps the follow link; the office routes it to 市法制办; the unit's
// liaison signs for it and answers, seeing the caller masked; the citizen
// opens the link again and rates the answer, which closes the ticket;
// the office's statistics show the unit's 三率 with their chart.
func TestHotlineInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	app, base := bootLedger(t)
	if err := app.Store.SaveTicketService(context.Background(), audit.System, records.TicketService{Code: "zc-zx", Name: "政策咨询",
		Path: "政务服务/政策咨询", Type: "consult", Active: true}); err != nil {
		t.Fatal(err)
	}
	problems := browsertest.WatchConsole(ctx, nil)
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "hotline-"+name) }
	signIn := func(user string) chromedp.Action[chromedp.Void] { return signInAs(base, user) }
	signOut := signOutStep
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	run("a citizen files a ticket",
		chromedp.Navigate(base+"/public/tickets/new"),
		chromedp.WaitVisible(chromedp.CSS("#t-description")),
		chromedp.SetValue(chromedp.CSS("#t-type"), "complaint"),
		chromedp.SendKeys(chromedp.CSS("#t-description"), "行政执法人员态度恶劣，要求处理。"),
		chromedp.SendKeys(chromedp.CSS("#t-address"), "中山路1号"),
		chromedp.SendKeys(chromedp.CSS("#t-name"), "张三"),
		chromedp.SendKeys(chromedp.CSS("#t-phone"), "13900001111"),
		shot("01-public-form"),
		chromedp.Click(chromedp.CSS(`form button[type="submit"]`)),
		chromedp.WaitVisible(`//div[contains(@class, "alert-info") and contains(., "请保存本页链接")]`),
		shot("02-follow"),
	)
	follow, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.Contains(follow, "?k=") {
		t.Fatalf("follow link %q", follow)
	}
	run("the office routes it", signIn("ducha"),
		chromedp.Navigate(base+"/tickets"),
		chromedp.Click(`//td//a[1]`),
		chromedp.WaitVisible(chromedp.CSS("#a-unit")),
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector("#a-unit");
			for (const o of s.options) { if (o.text === "市法制办") { s.value = o.value; } } })()`),
		chromedp.Click(`//form[.//input[@value="assign"]]//button`),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`),
		chromedp.WaitVisible(`//p[contains(., "待签收")]`),
		shot("03-routed"),
		signOut,
	)
	run("the unit signs and answers", signIn("fazhiban"),
		chromedp.Navigate(base+"/tickets"),
		chromedp.Click(`//td//a[1]`),
		chromedp.WaitVisible(`//p[contains(., "张* 139****1111")]`),
		chromedp.Click(`//form[.//input[@value="sign"]]//button`),
		chromedp.WaitVisible(chromedp.CSS("#a-answer")),
		chromedp.SendKeys(chromedp.CSS("#a-answer"), "已核实并对相关人员批评教育，向您致歉。"),
		chromedp.Click(`//form[.//input[@value="answer"]]//button`),
		chromedp.WaitVisible(`//p[contains(., "待回访")]`),
		shot("04-answered"),
		signOut,
	)
	run("the citizen rates it",
		chromedp.Navigate(follow),
		chromedp.WaitVisible(`//p[contains(., "已核实并对相关人员批评教育")]`),
		chromedp.Click(`//input[@name="verdict" and @value="satisfied"]`),
		chromedp.Click(`//input[@name="resolved"]`),
		chromedp.Click(`//form[contains(@action, "/rate")]//button`),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`),
		chromedp.WaitVisible(`//p[contains(., "已办结")]`),
		shot("05-rated"),
	)
	run("the office reads the 三率", signIn("ducha"),
		chromedp.Navigate(base+"/tickets/stats"),
		chromedp.WaitVisible(`//tr[td[contains(., "市法制办")]]/td[last()][contains(., "100.0%")]`),
		chromedp.WaitVisible(chromedp.CSS("#chart-rates canvas")),
		shot("06-stats"),
		// The ticket's steps say the citizen's verdict in words, not its code.
		chromedp.Navigate(base+"/tickets"),
		chromedp.Click(`//td//a[1]`),
		chromedp.WaitVisible(`//li[contains(., "回访") and contains(., "满意")]`),
	)
	if leaked, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.body.innerText.includes("satisfied")`)); err != nil || leaked {
		t.Errorf("the ticket page shows the verdict's code \"satisfied\" (%v)", err)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}
