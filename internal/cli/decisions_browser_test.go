package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/commitsvc"
)

// TestDecisionGatesInBrowser (issue 20): the office enters a decision
// into this year's catalogue and takes it through every gate on its
// page: a public comment period of 30 days ended, the 采纳情况, 专家论证
// with its report attached, 风险评估; 集体讨论决定 is refused naming
// 合法性审查 until the review is recorded; adopted, it is published with
// its 政策解读 uploaded, and its 执行 and 后评估 are linked as ledger
// tasks. The catalogue approved and published, the decision's public
// page shows the 采纳情况 and the 解读.
func TestDecisionGatesInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	app, base := bootLedger(t)
	// The refused meeting answers 422 on purpose.
	problems := browsertest.WatchConsole(ctx, func(url, text string) bool {
		return strings.HasSuffix(url, "/steps") && strings.Contains(text, "422")
	})
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "decisions-"+name) }
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	pick := func(sel, name string) chromedp.Action[chromedp.Void] {
		return chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector("` + sel + `");
			for (const o of s.options) { if (o.text === "` + name + `") { s.value = o.value; } } })()`)
	}
	file := func(name string) string {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, pdfBytes, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	today := app.Ledger.Today()
	day := func(n int) string { return today.AddDate(0, 0, n).Format(time.DateOnly) }
	// A comment period is recorded on the day it begins: the clock is
	// set back 40 days for it (one write, the offset read atomically).
	var back atomic.Int64
	clock := app.Ledger.Now
	app.Ledger.Now = func() time.Time { return clock().AddDate(0, 0, -int(back.Load())) }
	// The flash of the step before is taken away before a form is sent,
	// so that the next one is the answer's.
	clearFlash := chromedp.Evaluate[chromedp.Void](`document.querySelectorAll(".flash-success, .alert-error").forEach(e => e.remove())`)
	submit := chromedp.Steps(clearFlash, chromedp.Click(`//form[contains(@action, "/steps")]//button[@type="submit"]`))
	recorded := chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`)
	step := func(kind string, more ...chromedp.Action[chromedp.Void]) chromedp.Action[chromedp.Void] {
		return chromedp.Steps(append(append([]chromedp.Action[chromedp.Void]{chromedp.WaitVisible(chromedp.CSS("#s-kind")),
			chromedp.SetValue(chromedp.CSS("#s-kind"), kind)}, more...), submit)...)
	}
	run("the office enters a decision into the catalogue", signInAs(base, "ducha"),
		chromedp.Navigate(base+"/decisions"),
		chromedp.WaitVisible(chromedp.CSS("#d-title")),
		chromedp.SendKeys(chromedp.CSS("#d-title"), "行政执法公示办法"),
		pick("#d-unit", "市法制办"),
		chromedp.SendKeys(chromedp.CSS("#d-planned"), "年内"),
		chromedp.SendKeys(chromedp.CSS("#d-summary"), "规范行政执法公示的内容、时限和方式。"),
		chromedp.Click(chromedp.CSS(`form.form[action="/decisions"] button[type="submit"]`)),
		recorded,
		chromedp.WaitVisible(`//li[@id="gate-participation" and contains(@class, "is-current")]`),
		shot("01-entered"),
	)
	run("the catalogue approved and published, so that the draft may be put to comment",
		chromedp.Navigate(base+"/decisions"),
		chromedp.WaitVisible(chromedp.CSS("#c-note")),
		chromedp.SendKeys(chromedp.CSS("#c-note"), "市政府第3次常务会议"),
		clearFlash,
		chromedp.Click(`//form[@action="/decisions/catalogue"]//button`),
		recorded,
		chromedp.WaitVisible(`//h2//span[contains(@class, "badge") and . = "已审定"]`),
		clearFlash,
		chromedp.Click(`//form[@action="/decisions/catalogue"]//button`),
		recorded,
		chromedp.WaitVisible(`//h2//span[contains(@class, "badge") and . = "已公布"]`),
		chromedp.Click(`//a[. = "行政执法公示办法"]`),
		chromedp.WaitVisible(`//li[@id="gate-participation" and contains(@class, "is-current")]`),
	)
	back.Store(40)
	run("公众参与: 30 days of comments, recorded on the first",
		step("consult", chromedp.SetValue(chromedp.CSS("#s-from"), day(-40)), chromedp.SetValue(chromedp.CSS("#s-to"), day(-11))),
		recorded,
	)
	back.Store(0)
	run("公众参与: then the 采纳情况",
		step("feedback", chromedp.SendKeys(chromedp.CSS("#s-body"), "收到意见9条，采纳4条。")),
		recorded,
		step("expert", chromedp.SendKeys(chromedp.CSS("#s-body"), "法学专家3名论证，意见可行。"),
			chromedp.SetUploadFiles(chromedp.CSS("#s-files"), []string{file("专家论证意见.pdf")})),
		recorded,
		step("risk", chromedp.SetValue(chromedp.CSS("#s-result"), "low"), chromedp.SendKeys(chromedp.CSS("#s-body"), "风险等级低。")),
		recorded,
		chromedp.WaitVisible(`//li[@id="gate-expert"]//a[contains(@href, "/decisions/files/") and contains(., "专家论证意见.pdf")]`),
	)
	run("集体讨论 before 合法性审查 is refused naming it",
		step("collective", chromedp.SetValue(chromedp.CSS("#s-result"), "adopt"), chromedp.SendKeys(chromedp.CSS("#s-body"), "常务会议")),
		chromedp.WaitVisible(`//div[contains(@class, "alert-error")]//li[contains(., "合法性审查")]`),
		shot("02-refused"),
	)
	run("合法性审查, 集体讨论决定, publication with its 解读",
		step("legality", chromedp.SetValue(chromedp.CSS("#s-result"), "pass"), chromedp.SendKeys(chromedp.CSS("#s-body"), "经审查合法。")),
		recorded,
		step("collective", chromedp.SetValue(chromedp.CSS("#s-result"), "adopt"), chromedp.SendKeys(chromedp.CSS("#s-body"), "市政府第20次常务会议审议通过。")),
		recorded,
		step("publish", chromedp.SendKeys(chromedp.CSS("#s-ref"), "市政发〔2026〕30号"),
			chromedp.SendKeys(chromedp.CSS("#s-body"), "政策解读：明确公示的三类信息和七日时限。"),
			chromedp.SetUploadFiles(chromedp.CSS("#s-files"), []string{file("政策解读.pdf")})),
		recorded,
		chromedp.WaitVisible(`//p[contains(@class, "muted")]//strong[. = "已公布"]`),
		chromedp.WaitVisible(`//li[@id="gate-publication"]//a[contains(., "政策解读.pdf")]`),
		chromedp.WaitVisible(`//a[contains(@href, "/tasks/") and . = "决策执行"]`),
		chromedp.WaitVisible(`//a[contains(@href, "/tasks/") and . = "决策后评估"]`),
		chromedp.WaitNotPresent(`//form[contains(@action, "/steps")]//select[@name="kind"]`),
		shot("03-published"),
	)
	run("the public page shows the 采纳情况 and the 解读",
		signOutStep,
		chromedp.Navigate(base+"/public/decisions"),
		chromedp.Click(`//a[. = "行政执法公示办法"]`),
		chromedp.WaitVisible(`//p[contains(., "收到意见9条，采纳4条。")]`),
		chromedp.WaitVisible(`//div[contains(@class, "decision-interpretation")]//p[contains(., "明确公示的三类信息")]`),
		chromedp.WaitVisible(`//a[contains(@href, "/public/decisions/files/") and . = "政策解读.pdf"]`),
		shot("04-public"),
	)
	office := authz.Principal{Role: authz.Office}
	units, err := app.Store.FindUnits(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i, deadline := range []string{day(-3), day(30)} {
		if _, err := app.Commitments.Create(context.Background(), office, audit.System, commitsvc.Input{Title: []string{"行政复议案件当月办结", "新建口袋公园10个"}[i],
			Source: "pledge", UnitID: units[0].ID, Target: "按期完成", Deadline: deadline}); err != nil {
			t.Fatal(err)
		}
	}
	run("the commitments signed out, the one past its deadline late",
		chromedp.Navigate(base+"/public/commitments"),
		chromedp.WaitVisible(`//tr[contains(@class, "standing-late") and .//strong[. = "行政复议案件当月办结"]]//span[. = "已逾期"]`),
		chromedp.WaitVisible(`//tr[contains(@class, "standing-on_track") and .//strong[. = "新建口袋公园10个"]]`),
		shot("05-commitments"),
	)
	list, err := app.Decisions.Decisions(context.Background(), office, today.Year())
	if err != nil || len(list) != 1 || list[0].Status != "published" || list[0].ExecTask == 0 || list[0].EvalTask == 0 {
		t.Fatalf("the decision: %v %+v", err, list)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}
