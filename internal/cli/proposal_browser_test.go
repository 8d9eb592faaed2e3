package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/browsertest"
)

// TestProposalsInBrowser walks a 建议 through its cycle in headless
// chromium: the office takes it in and 交办 it to 市法制办 with 市财政局
// 会办; 市财政局's liaison sends its 会办 opinion; 市法制办's liaison,
// who could not answer before it, answers (class C); the office records
// the representative's 不满意 and sends it back (重新办理): the proposal
// is being handled again, in its second round, its first answer in the
// history.
func TestProposalsInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	app, base := bootLedger(t)
	addLiaison(t, app, "caizheng", "市财政局")
	// The answer refused before the 会办 opinion answers 422 on purpose.
	problems := browsertest.WatchConsole(ctx, func(url, text string) bool {
		return strings.HasSuffix(url, "/answer") && strings.Contains(text, "422")
	})
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "proposals-"+name) }
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	pick := func(sel, name string) chromedp.Action[chromedp.Void] {
		return chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector("` + sel + `");
			for (const o of s.options) { if (o.text === "` + name + `") { o.selected = true; if (!s.multiple) s.value = o.value; } } })()`)
	}
	flashed := chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`)
	run("the office takes a 建议 in", signInAs(base, "ducha"),
		chromedp.Navigate(base+"/proposals"),
		chromedp.WaitVisible(chromedp.CSS("#c-title")),
		chromedp.SendKeys(chromedp.CSS("#c-number"), "18"),
		chromedp.SendKeys(chromedp.CSS("#c-title"), "关于规范行政执法公示的建议"),
		chromedp.SendKeys(chromedp.CSS("#c-proposers"), "李华"),
		chromedp.SendKeys(chromedp.CSS("#c-delegation"), "城东代表团"),
		chromedp.SendKeys(chromedp.CSS("#c-phone"), "13900001111"),
		chromedp.SendKeys(chromedp.CSS("#c-content"), "建议统一执法公示栏内容，及时更新执法人员信息。"),
		chromedp.Click(`//form[@method="post"][@action="/proposals"]//button`),
		flashed,
		chromedp.WaitVisible(`//h1[contains(., "关于规范行政执法公示的建议")]`),
	)
	page, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	run("the office 交办 it", pick("#a-lead", "市法制办"), pick("#a-co", "市财政局"),
		chromedp.Click(`//form[contains(@action, "/assign")]//button`),
		flashed,
		chromedp.WaitVisible(`//strong[@id="proposal-state"][contains(., "办理中")]`),
		chromedp.WaitVisible(`//dd[contains(., "市法制办")]`),
		shot("01-assigned"),
		signOutStep,
	)
	run("the lead unit cannot answer before the 会办 opinion", signInAs(base, "fazhiban"),
		chromedp.Navigate(page),
		chromedp.WaitVisible(chromedp.CSS("#an-text")),
		chromedp.Click(`//input[@name="class"][@value="C"]`),
		chromedp.SendKeys(chromedp.CSS("#an-text"), "经研究，因编制所限，留作参考。"),
		chromedp.SendKeys(chromedp.CSS("#an-signer"), "张主任"),
		chromedp.SendKeys(chromedp.CSS("#an-contact"), "王科长 0750-1234567"),
		chromedp.Click(`//form[contains(@action, "/answer")]//button`),
		chromedp.WaitVisible(`//div[contains(@class, "alert-error")][contains(., "会办单位尚未全部提出会办意见")]`),
		signOutStep,
	)
	run("the 会办 unit sends its opinion", signInAs(base, "caizheng"),
		chromedp.Navigate(page),
		chromedp.WaitVisible(`//section[@id="co-units"]//textarea`),
		chromedp.SendKeys(`//section[@id="co-units"]//textarea`, "同意主办单位意见，经费按规定保障。"),
		chromedp.Click(`//section[@id="co-units"]//button`),
		flashed,
		chromedp.WaitVisible(`//section[@id="co-units"]//p[contains(., "经费按规定保障")]`),
		shot("02-opinion"),
		signOutStep,
	)
	run("the lead unit answers", signInAs(base, "fazhiban"),
		chromedp.Navigate(page),
		chromedp.WaitVisible(chromedp.CSS("#an-text")),
		chromedp.Click(`//input[@name="class"][@value="C"]`),
		chromedp.SendKeys(chromedp.CSS("#an-text"), "经研究，因编制所限，留作参考。"),
		chromedp.SendKeys(chromedp.CSS("#an-signer"), "张主任"),
		chromedp.SendKeys(chromedp.CSS("#an-contact"), "王科长 0750-1234567"),
		chromedp.Click(`//form[contains(@action, "/answer")]//button`),
		flashed,
		chromedp.WaitVisible(`//section[@id="answer"]//p[contains(., "留作参考")]`),
		chromedp.WaitVisible(`//a[contains(@href, "/letter.docx")]`),
		shot("03-answered"),
		signOutStep,
	)
	run("the portal publishes the answer, not the phone", chromedp.Navigate(base+"/public/proposals"),
		chromedp.WaitVisible(`//td[contains(., "市法制办")]`),
		shot("03a-public-list"),
		chromedp.Click(`//a[contains(., "关于规范行政执法公示的建议")]`),
		chromedp.WaitVisible(`//p[@id="public-answer"][contains(., "留作参考")]`),
		shot("03b-public"),
	)
	public, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(public, "13900001111") || strings.Contains(public, "0750-1234567") {
		t.Errorf("the portal shows the representative's phone or the contact:\n%s", public)
	}
	run("the office records 不满意", signInAs(base, "ducha"),
		chromedp.Navigate(page),
		chromedp.WaitVisible(`//input[@name="satisfaction"][@value="unsatisfied"]`),
		chromedp.Click(`//input[@name="satisfaction"][@value="unsatisfied"]`),
		chromedp.SendKeys(chromedp.CSS("#fb-text"), "答复未回应执法人员信息更新问题"),
		chromedp.Click(`//form[contains(@action, "/feedback")]//button`),
		flashed,
		chromedp.WaitVisible(`//section[@id="answer"]//strong[contains(., "不满意")]`),
		shot("04-unsatisfied"),
	)
	run("the office sends it back (重新办理)",
		chromedp.SendKeys(chromedp.CSS("#rd-text"), "代表不满意，请重新研究答复"),
		chromedp.Click(`//form[contains(@action, "/redo")]//button`),
		flashed,
		chromedp.WaitVisible(`//strong[@id="proposal-state"][contains(., "办理中")]`),
		chromedp.WaitVisible(`//p[contains(., "第2轮办理")]`),
		chromedp.WaitVisible(`//section[@id="history"]//li[contains(., "重新办理")]`),
		shot("05-redo"),
		chromedp.Navigate(base+"/proposals"),
		chromedp.WaitVisible(`//td//a[contains(., "关于规范行政执法公示的建议")]`),
		shot("06-list"),
	)
	run("back to the proposal", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#history")))
	history, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#history")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"交办", "会办意见", "答复", "不满意", "重新办理"} {
		if !strings.Contains(history, want) {
			t.Errorf("the history lacks %q:\n%s", want, history)
		}
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}
