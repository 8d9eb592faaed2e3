package cli

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// TestTaskChangesInBrowser walks a task's changes in headless chromium:
// the liaison of 市法制办 asks for an extension on the task page; the
// office finds it on the desk, approves it on the task page and the
// deadline moves, with the request and the decision in the 变更记录;
// the office adjusts the task's requirement and revokes another task
// behind the confirming dialog. Every step leaves a screenshot.
func TestTaskChangesInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	app, base := bootLedger(t)
	today := workday.DateOf(time.Now().In(workday.Zone))
	due := today.AddDate(0, 0, 10).Format(time.DateOnly)
	newDue := today.AddDate(0, 2, 0).Format(time.DateOnly)
	task := func(title string) plandoc.Task {
		return plandoc.Task{Path: []string{"1"}, Title: title, Units: []string{"市法制办"}, LeadUnits: []string{"市法制办"},
			Text: title + "，形成制度成果。", Deadlines: []plandoc.Deadline{{Text: "按期完成", Due: due}}}
	}
	planID, _, err := app.Store.ImportPlan(context.Background(), records.PlanImport{SourceName: "changes.txt", SourceSHA256: strings.Repeat("c", 64),
		Format: "text", Plan: &plandoc.Plan{Title: "2026年法治政府建设工作要点", Tasks: []plandoc.Task{task("修订重大行政决策程序规定"), task("开展行政执法案卷评查")}}})
	if err != nil {
		t.Fatal(err)
	}
	kept, revoked := findTask(t, app.Store, planID, "修订重大行政决策程序规定"), findTask(t, app.Store, planID, "开展行政执法案卷评查")
	keptURL, revokedURL := fmt.Sprintf("%s/tasks/%d", base, kept.ID), fmt.Sprintf("%s/tasks/%d", base, revoked.ID)
	problems := browsertest.WatchConsole(ctx, nil)
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "changes-"+name) }
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}

	run("liaison asks", signInAs(base, "fazhiban"),
		chromedp.Navigate(keptURL),
		chromedp.WaitVisible(chromedp.CSS("#extension-form")),
		chromedp.SetValue(chromedp.CSS("#ext-due"), newDue),
		chromedp.SendKeys(chromedp.CSS("#ext-reason"), "规定须待省司法厅合法性审查意见，预计两个月后方能提请审议。"),
		shot("01-liaison-form"),
		chromedp.Click(chromedp.CSS(`#extension-form button[type="submit"]`)),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "延期申请已提交")]`),
		chromedp.WaitVisible(chromedp.CSS(".pending-card")),
		chromedp.WaitVisible(`//section[@id="changes"]//strong[contains(., "延期申请")]`),
		shot("02-liaison-asked"),
		signOutStep,
	)
	run("office decides", signInAs(base, "ducha"),
		chromedp.Navigate(base+"/desk"),
		chromedp.WaitVisible(`//section[@id="extensions"]//a[contains(., "修订重大行政决策程序规定")]`),
		shot("03-desk-extensions"),
		chromedp.Click(`//section[@id="extensions"]//a[contains(., "修订重大行政决策程序规定")]`),
		chromedp.WaitVisible(chromedp.CSS("#ext-comment")),
		chromedp.SendKeys(chromedp.CSS("#ext-comment"), "同意延期，请抓紧推进。"),
		shot("04-office-pending"),
		chromedp.Click(chromedp.CSS(`button[name="decision"][value="approve"]`)),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "已同意延期")]`),
		chromedp.WaitVisible(fmt.Sprintf(`//p[contains(@class, "task-meta")]//strong[contains(., %q)]`, newDue)),
		chromedp.WaitVisible(`//section[@id="changes"]//strong[contains(., "同意延期")]`),
		chromedp.WaitVisible(fmt.Sprintf(`//section[@id="changes"]//del[contains(., %q)]`, due)),
		shot("05-office-approved"),
		chromedp.Click(chromedp.CSS("#adjust summary")),
		chromedp.WaitVisible(chromedp.CSS("#adj-req")),
		chromedp.SetValue(chromedp.CSS("#adj-req"), "每月25日前报送进展，附征求意见情况。"),
		chromedp.SendKeys(chromedp.CSS("#adj-reason"), "市政府常务会议要求加强过程管理。"),
		shot("06-office-adjust-form"),
		chromedp.Click(chromedp.CSS(`#adjust button[type="submit"]`)),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "任务已调整")]`),
		chromedp.WaitVisible(`//section[@id="changes"]//strong[contains(., "每月25日前报送进展")]`),
		shot("07-office-adjusted"),
		chromedp.Navigate(revokedURL),
		chromedp.Click(chromedp.CSS("#revoke summary")),
		chromedp.WaitVisible(chromedp.CSS("#revoke-form")),
		chromedp.SendKeys(chromedp.CSS("#rev-reason"), "该项工作已并入全市执法检查，不再单独督办。"),
		chromedp.Click(chromedp.CSS(`#revoke-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#confirm-dialog[open]")),
		shot("08-office-revoke-confirm"),
		chromedp.Click(chromedp.CSS(`#confirm-dialog button[value="ok"]`)),
		chromedp.WaitVisible(chromedp.CSS(".stamp-revoked")),
		chromedp.WaitVisible(`//section[@id="changes"]//strong[contains(., "撤销")]`),
		shot("09-revoked"),
		chromedp.Navigate(fmt.Sprintf("%s/tasks?plan=%d", base, planID)),
		chromedp.WaitVisible(chromedp.CSS(".lstatus-revoked")),
		shot("10-task-list"),
	)
	got, err := app.Store.FindTaskByID(context.Background(), kept.ID)
	if err != nil || got.Due != newDue || got.Requirement != "每月25日前报送进展，附征求意见情况。" {
		t.Errorf("the kept task after the journey: %+v %v", got, err)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}
