package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// seed000 is a second plan, uploaded to be thrown away.
const seed000 = "../../demo/seeds/000_13974991b8bcf676.txt"

// TestReviewJourneyInBrowser walks the review screen's repairs in
// headless chromium over the real services: the office uploads seed 003,
// adds a task after the first, splits the first at its first sentence,
// deletes the added task behind its second button, adds one without a
// unit, sets the plan's 文号, and confirms: 挂号 names the task without a
// unit and 仍然挂号 registers the plan. A second upload is discarded.
// Each step is checked in the store and leaves a screenshot; a script
// error or a content security policy violation fails the test.
func TestReviewJourneyInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	app, base := bootLedger(t)
	seed3, err := filepath.Abs(seed003)
	if err != nil {
		t.Fatal(err)
	}
	seed0, err := filepath.Abs(seed000)
	if err != nil {
		t.Fatal(err)
	}
	problems := browsertest.WatchConsole(ctx, nil)
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "review-"+name) }
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			loc, _ := chromedp.Run(ctx, chromedp.Location())
			t.Fatalf("%s: %v (at %s)", step, err, loc)
		}
	}
	flashed := func(text string) chromedp.Action[chromedp.Void] {
		return chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "` + text + `")]`)
	}
	upload := func(file string) int64 {
		t.Helper()
		run("upload "+filepath.Base(file),
			chromedp.Navigate(base+"/plans"),
			chromedp.WaitVisible(chromedp.CSS("#plan-file")),
			chromedp.SetUploadFiles(chromedp.CSS("#plan-file"), []string{file}),
			chromedp.Click(chromedp.CSS(`.upload-form button[type="submit"]`)),
			chromedp.WaitVisible(`//h1[contains(., "审核方案")]`),
		)
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`/plans/(\d+)/review`).FindStringSubmatch(loc)
		if m == nil {
			t.Fatalf("after upload at %s", loc)
		}
		id, _ := strconv.ParseInt(m[1], 10, 64)
		return id
	}
	tasks := func(plan int64) []records.Task {
		t.Helper()
		list, _, err := app.Store.FindTasks(context.Background(), records.TaskFilter{PlanID: plan, Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		return list
	}

	run("office signs in", signInAs(base, "ducha"))
	planID := upload(seed3)
	review := fmt.Sprintf("%s/plans/%d/review", base, planID)
	before := len(tasks(planID))
	first := findTask(t, app.Store, planID, "加强政治建设")
	run("the check's warnings",
		chromedp.WaitVisible(chromedp.CSS("#warnings")),
		chromedp.WaitVisible(chromedp.CSS("#warn-no_deadline")),
		shot("01-warnings"),
	)

	run("add a task after the first",
		chromedp.Navigate(fmt.Sprintf("%s?after=%d#add-task", review, first.ID)),
		chromedp.WaitVisible(chromedp.CSS("#add-name")),
		chromedp.SendKeys(chromedp.CSS("#add-path"), "二.(一).1-1"),
		chromedp.SendKeys(chromedp.CSS("#add-name"), "建立政治建设工作台账"),
		chromedp.SendKeys(chromedp.CSS(`#add-task input[name="units.0.name"]`), "市法制办"),
		chromedp.SendKeys(chromedp.CSS(`#add-task input[name="deadlines.0.text"]`), "2026年底前"),
		chromedp.SetValue(chromedp.CSS(`#add-task input[name="deadlines.0.due"]`), "2026-12-31"),
		shot("02-add"),
		chromedp.Click(chromedp.CSS(`#add-task button[type="submit"]`)),
		flashed("已新增任务"),
		chromedp.WaitVisible(chromedp.CSS(".review-task:target")),
		shot("03-added"),
	)
	added := findTask(t, app.Store, planID, "建立政治建设工作台账")
	if len(added.UnitLinks) != 1 || added.UnitLinks[0].Name != "市法制办" || len(added.Deadlines) != 1 {
		t.Errorf("added task: units %v, deadlines %v", added.UnitLinks, added.Deadlines)
	}
	if got := len(tasks(planID)); got != before+1 {
		t.Errorf("after adding: %d tasks, want %d", got, before+1)
	}

	sec := fmt.Sprintf("#task-%d", first.ID)
	run("split the first task at its first sentence",
		chromedp.Navigate(review),
		chromedp.WaitVisible(chromedp.CSS(sec)),
		chromedp.ScrollIntoView(chromedp.CSS(sec)),
		chromedp.Click(chromedp.CSS(sec+" > form > details > summary")),
		chromedp.Click(chromedp.CSS(sec+" .tool-split > summary")),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`%s button[form="split-%d"][value="1"]`, sec, first.ID))),
		shot("04-split-offered"),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`%s button[form="split-%d"][value="1"]`, sec, first.ID))),
		flashed("任务已拆分"),
		shot("05-split"),
	)
	if got := len(tasks(planID)); got != before+2 {
		t.Errorf("after splitting: %d tasks, want %d", got, before+2)
	}
	if kept, err := app.Store.FindTaskByID(context.Background(), first.ID); err != nil {
		t.Error(err)
	} else if !strings.HasPrefix(first.Text, kept.Text) || kept.Text == first.Text {
		t.Errorf("split kept %q of %q", kept.Text, first.Text)
	}

	asec := fmt.Sprintf("#task-%d", added.ID)
	run("delete the added task",
		chromedp.Navigate(review),
		chromedp.WaitVisible(chromedp.CSS(asec)),
		chromedp.ScrollIntoView(chromedp.CSS(asec)),
		chromedp.Click(chromedp.CSS(asec+" > form > details > summary")),
		chromedp.Click(chromedp.CSS(asec+" .tool-delete > summary")),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`%s button[form="delete-%d"]`, asec, added.ID))),
		shot("06-delete-asks"),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`%s button[form="delete-%d"]`, asec, added.ID))),
		flashed("任务已删除"),
	)
	if _, err := app.Store.FindTaskByID(context.Background(), added.ID); !errors.Is(err, fault.ErrNotFound) {
		t.Errorf("deleted task: %v", err)
	}

	run("add a task without a unit, set the 文号",
		chromedp.Navigate(review+"#add-task"),
		chromedp.Click(chromedp.CSS("#add-task > details > summary")),
		chromedp.WaitVisible(chromedp.CSS("#add-name")),
		chromedp.SendKeys(chromedp.CSS("#add-path"), "五.1"),
		chromedp.SendKeys(chromedp.CSS("#add-name"), "建立督查工作年度报告制度"),
		chromedp.Click(chromedp.CSS(`#add-task button[type="submit"]`)),
		flashed("已新增任务"),
		chromedp.WaitVisible(`//a[contains(@class, "count-flag") and contains(., "项任务没有责任单位")]`),
		chromedp.Click(chromedp.CSS(".review-plan > details > summary")),
		chromedp.WaitVisible(chromedp.CSS("#p-doc")),
		chromedp.SetValue(chromedp.CSS("#p-doc"), "嘉政发〔2019〕7号"),
		chromedp.Click(chromedp.CSS(`.review-plan button[type="submit"]`)),
		flashed("方案信息已保存"),
		shot("07-unitless-flagged"),
	)
	if p, err := app.Store.FindPlanByID(context.Background(), planID); err != nil || p.DocNumber != "嘉政发〔2019〕7号" {
		t.Errorf("plan after the fields were saved: %v %v", p, err)
	}

	run("挂号 names the task without a unit, 仍然挂号 registers",
		// No dialog first: with tasks lacking a unit the server asks.
		chromedp.Click(chromedp.CSS(`#review-banner button[type="submit"]`)),
		chromedp.WaitVisible(`//h1[contains(., "有任务没有责任单位")]`),
		chromedp.WaitVisible(`//li[contains(., "建立督查工作年度报告制度")]`),
		shot("08-unitless"),
		chromedp.Click(`//button[contains(., "仍然挂号")]`),
		chromedp.WaitVisible(`//h1[contains(., "任务清单")]`),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "已挂号")]`),
		shot("09-confirmed"),
	)
	if p, err := app.Store.FindPlanByID(context.Background(), planID); err != nil || p.Status != "confirmed" {
		t.Errorf("plan after 仍然挂号: %v %v", p, err)
	}

	other := upload(seed0)
	run("discard the second upload",
		chromedp.WaitVisible(chromedp.CSS(".danger-zone > summary")),
		chromedp.Click(chromedp.CSS(".danger-zone > summary")),
		chromedp.WaitVisible(chromedp.CSS(`.danger-body button[type="submit"]`)),
		shot("10-discard-asks"),
		chromedp.Click(chromedp.CSS(`.danger-body button[type="submit"]`)),
		flashed("方案草稿已放弃"),
		shot("11-discarded"),
	)
	if _, err := app.Store.FindPlanByID(context.Background(), other); !errors.Is(err, fault.ErrNotFound) {
		t.Errorf("discarded plan: %v", err)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}
