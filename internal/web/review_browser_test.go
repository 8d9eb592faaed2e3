package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/browsertest"
)

// reviewPlanText is a small plan as an office would upload it: a notice,
// tasks with and without units, a 保障措施 chapter and an annex table.
const reviewPlanText = `关于印发《某市营商环境提升行动方案》的通知

各县（市、区）人民政府，市政府各部门：
现将《某市营商环境提升行动方案》印发给你们，请认真贯彻执行。

某市营商环境提升行动方案

一、重点任务
1. 推行企业开办一网通办。全面推行线上办理；2026年6月底前实现全流程网办。（责任单位：市市场监管局）
2. 压减工程建设项目审批时间。（责任单位：市住建局、市发改委）
3. 建立营商环境投诉处理机制，每季度通报一次。
二、保障措施
1. 加强组织领导。
`

// TestReviewInBrowser walks the review screen in headless chromium over
// the fakes: a plan is uploaded; on the fixture's draft a warning leads
// to its source line, a task is split at a sentence, one is deleted
// behind its second button, one is added, one is moved first, the
// plan's 文号 is set; 挂号
// names the tasks without a unit and 仍然挂号 registers them; the
// uploaded draft is discarded. Each step leaves a screenshot, and a
// script error or a content security policy violation fails the test.
func TestReviewInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	dir := browsertest.ScreenshotDir(t)
	f := newFixture(t, "")
	srv := httptest.NewServer(f.h)
	defer srv.Close()
	planFile := filepath.Join(t.TempDir(), "营商环境方案.txt")
	if err := os.WriteFile(planFile, []byte(reviewPlanText), 0o644); err != nil {
		t.Fatal(err)
	}

	problems := browsertest.WatchConsole(ctx, browsertest.FailedNonStatic)
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "review-"+name) }
	flashed := func(text string) chromedp.Action[chromedp.Void] {
		return chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "` + text + `")]`)
	}
	review := srv.URL + "/plans/2/review"
	// uncovered fails unless the element is on screen and is what a click
	// at its centre reaches: nothing (an open disclosure) lies over it.
	uncovered := func(sel string) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			js := `(() => { const b = document.querySelector(` + strconv.Quote(sel) + `); if (!b) return "missing";
				b.scrollIntoView({block: "nearest"}); const r = b.getBoundingClientRect();
				const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				return b.contains(e) ? "" : "covered by " + (e ? e.outerHTML.slice(0, 120) : "nothing"); })()`
			got, err := chromedp.Evaluate[string](js)(ctx, tg)
			if err == nil && got != "" {
				err = fmt.Errorf("%s: %s", sel, got)
			}
			return chromedp.Void{}, err
		}
	}

	steps := []struct {
		name    string
		actions []chromedp.Action[chromedp.Void]
	}{
		{"01-uploaded", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(srv.URL + "/signin"),
			chromedp.WaitVisible(chromedp.CSS("#username")),
			chromedp.SendKeys(chromedp.CSS("#username"), "duban"),
			chromedp.SendKeys(chromedp.CSS("#password"), "Duban-2026!"),
			chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
			chromedp.WaitVisible(`//h1[contains(., "您好")]`),
			chromedp.Navigate(srv.URL + "/plans"),
			// The file input is the house's 选择文件 button with the
			// chosen name beside it, not the browser's "Choose File".
			chromedp.WaitVisible(`//label[contains(@class, "file-btn") and @for="plan-file" and . = "选择文件"]`),
			chromedp.WaitVisible(`//span[contains(@class, "file-name") and . = "未选择文件"]`),
			chromedp.SetUploadFiles(chromedp.CSS("#plan-file"), []string{planFile}),
			chromedp.WaitVisible(`//span[contains(@class, "file-name") and . = "营商环境方案.txt"]`),
			shot("00-file-chosen"),
			chromedp.Click(chromedp.CSS(`.upload-form button[type="submit"]`)),
			chromedp.WaitVisible(`//h1[contains(., "某市营商环境提升行动方案")]`),
			chromedp.WaitVisible(`//a[contains(@class, "count-flag") and contains(., "项任务没有责任单位")]`),
		}},
		{"02-review", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(review),
			chromedp.WaitVisible(chromedp.CSS("#warnings")),
			chromedp.WaitVisible(`//a[contains(@class, "count-flag") and contains(., "2 项任务没有责任单位")]`),
		}},
		{"02a-unmatched-names", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`#review-banner a[href="#warn-unknown_unit"]`)),
			chromedp.WaitVisible(chromedp.CSS("#warn-unknown_unit:target")),
			chromedp.WaitVisible(`//details[@id="warn-unknown_unit"]//a[@href="#task-12"]`),
			uncovered(`#warn-unknown_unit > summary`),
		}},
		{"03-warning-to-source", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`#warnings a[href="#src-L9"]`)),
			chromedp.WaitVisible(chromedp.CSS("#src-L9:target")),
		}},
		{"04-split-offered", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS("#task-11 > form > details > summary")),
			chromedp.Click(chromedp.CSS("#task-11 .tool-split > summary")),
			chromedp.WaitVisible(chromedp.CSS(`#task-11 button[form="split-11"][value="1"]`)),
		}},
		{"05-split", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`#task-11 button[form="split-11"][value="1"]`)),
			flashed("任务已拆分为两项"),
			chromedp.WaitVisible(chromedp.CSS(".review-task:target")),
		}},
		{"06-delete-asks", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS("#task-14 > form > details > summary")),
			chromedp.Click(chromedp.CSS("#task-14 .tool-delete > summary")),
			chromedp.WaitVisible(chromedp.CSS(`#task-14 button[form="delete-14"]`)),
		}},
		{"07-deleted", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`#task-14 button[form="delete-14"]`)),
			flashed("任务已删除"),
		}},
		{"08-add", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(review + "?after=13#add-task"),
			chromedp.WaitVisible(chromedp.CSS("#add-name")),
			chromedp.SendKeys(chromedp.CSS("#add-path"), "二.2"),
			chromedp.SendKeys(chromedp.CSS("#add-name"), "建立决策后评估制度"),
			chromedp.SendKeys(chromedp.CSS(`#add-task input[name="units.0.name"]`), "市司法局"),
			chromedp.SendKeys(chromedp.CSS(`#add-task input[name="deadlines.0.text"]`), "2026年底前"),
		}},
		{"09-added", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`#add-task button[type="submit"]`)),
			flashed("已新增任务"),
			chromedp.WaitVisible(`//section[contains(@class, "review-task")]//span[contains(., "建立决策后评估制度")]`),
		}},
		{"09a-move", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(srv.URL + "/plans/2/tasks/13/move"),
			chromedp.WaitVisible(chromedp.CSS("#move-after")),
			chromedp.SetValue(chromedp.CSS("#move-after"), "0"),
			chromedp.SendKeys(chromedp.CSS("#move-path"), "一.0"),
		}},
		{"09b-moved", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(`.form-actions button[type="submit"]`)),
			flashed("任务已移动"),
			chromedp.WaitVisible(chromedp.CSS("#task-13:target")),
		}},
		{"10-plan-fields", []chromedp.Action[chromedp.Void]{
			chromedp.Click(chromedp.CSS(".review-plan > details > summary")),
			chromedp.WaitVisible(chromedp.CSS("#p-doc")),
			chromedp.SendKeys(chromedp.CSS("#p-doc"), "嘉政发〔2026〕7号"),
			chromedp.Click(chromedp.CSS(`.review-plan button[type="submit"]`)),
			flashed("方案信息已保存"),
			chromedp.WaitVisible(`//p[contains(., "嘉政发〔2026〕7号")]`),
		}},
		{"11-review-zh-TW-narrow", []chromedp.Action[chromedp.Void]{
			chromedp.EmulateViewport(390, 844),
			chromedp.Navigate(review + "?lang=zh-TW"),
			chromedp.WaitVisible(`//a[contains(@class, "count-flag") and contains(., "項任務沒有責任單位")]`),
		}},
		{"12-unitless", []chromedp.Action[chromedp.Void]{
			chromedp.EmulateViewport(1280, 860),
			chromedp.Navigate(review + "?lang=zh-CN"),
			chromedp.WaitVisible(chromedp.CSS("#review-banner")),
			chromedp.Click(chromedp.CSS(`#review-banner button[type="submit"]`)),
			chromedp.WaitVisible(`//h1[contains(., "有任务没有责任单位")]`),
			chromedp.WaitVisible(`//li[contains(., "加强督查")]`),
		}},
		{"13-confirmed-anyway", []chromedp.Action[chromedp.Void]{
			chromedp.Click(`//button[contains(., "仍然挂号")]`),
			chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "已挂号")]`),
		}},
		{"14-discard-asks", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(srv.URL + "/plans/101/review"),
			chromedp.WaitVisible(chromedp.CSS(".danger-zone > summary")),
			chromedp.Click(chromedp.CSS(".danger-zone > summary")),
			chromedp.WaitVisible(chromedp.CSS(`.danger-body button[type="submit"]`)),
			uncovered(`#review-banner button[type="submit"]`),
			uncovered(`.danger-body button[type="submit"]`),
		}},
		{"14a-discard-asks-scrolled", []chromedp.Action[chromedp.Void]{
			chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 120)`),
			uncovered(`#review-banner button[type="submit"]`),
		}},
		{"14b-discard-asks-narrow", []chromedp.Action[chromedp.Void]{
			chromedp.EmulateViewport(390, 844),
			chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`),
			uncovered(`#review-banner button[type="submit"]`),
			uncovered(`.danger-body button[type="submit"]`),
		}},
		{"15-discarded", []chromedp.Action[chromedp.Void]{
			chromedp.EmulateViewport(1280, 860),
			chromedp.Click(chromedp.CSS(`.danger-body button[type="submit"]`)),
			flashed("方案草稿已放弃"),
			chromedp.WaitVisible(`//h1[contains(., "方案")]`),
		}},
	}
	for _, s := range steps {
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
	}
	if p := f.plans.plans[2].plan; p.Status != "confirmed" || p.DocNumber != "嘉政发〔2026〕7号" {
		t.Errorf("plan 2 after the walk: %+v", p)
	}
	time.Sleep(100 * time.Millisecond)
	for _, p := range problems() {
		t.Errorf("browser console: %s", p)
	}
	t.Logf("screenshots in %s", dir)
}
