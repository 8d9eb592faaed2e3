package cli

import (
	"context"
	"fmt"
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
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// TestSubtasksInBrowser is issue 15's decomposition as people do it: the
// liaison of 市法制办, which leads a task with 市财政局 配合, splits it on
// the task's page into two sub-tasks (one for itself, one for 市财政局);
// each unit reports on its own (100 % and 50 %); the office opens the
// task and reads 75 % rolled up from them. Then 市法制办 uploads its 落实
// 计划, drops a row and changes a unit at review, and confirms. Every
// step leaves a screenshot; a script error fails the test.
func TestSubtasksInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 4*time.Minute)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	app, base := bootLedger(t)
	bg := context.Background()
	units, _ := app.Store.FindUnits(bg)
	unit := map[string]int64{}
	for _, u := range units {
		unit[u.Name] = u.ID
	}
	hash, _ := auth.HashPassword(DemoPassword)
	if _, err := app.Store.CreateUser(bg, audit.System, records.UserCreate{Username: "caizheng", DisplayName: "市财政局 联络员 钱进",
		PasswordHash: hash, Role: authz.Liaison, Units: []int64{unit["市财政局"]}}); err != nil {
		t.Fatal(err)
	}
	today := time.Now().In(workday.Zone)
	day := func(days int) string { return today.AddDate(0, 0, days).Format(time.DateOnly) }
	plan := &plandoc.Plan{Title: "2026年法治政府建设重点任务", Year: today.Year(), Tasks: []plandoc.Task{
		{Path: []string{"1"}, Title: "完善行政决策机制", LeadUnits: []string{"市法制办"}, Units: []string{"市法制办", "市财政局"},
			Deadlines: []plandoc.Deadline{{Text: "年底前", Due: day(90)}}},
	}}
	planID, _, err := app.Store.ImportPlan(bg, records.PlanImport{SourceName: "法治.txt", SourceSHA256: strings.Repeat("5", 64), Format: "text", Plan: plan})
	if err != nil {
		t.Fatal(err)
	}
	tasks, _, _ := app.Store.FindTasks(bg, records.TaskFilter{PlanID: planID})
	taskURL := fmt.Sprintf("%s/tasks/%d", base, tasks[0].ID)
	workPlan := filepath.Join(t.TempDir(), "市法制办落实计划.txt")
	doc := "市法制办关于完善行政决策机制的落实计划\n" +
		"一、梳理重大行政决策事项目录（市法制办负责，" + monthEnd(today, 1) + "前完成）\n" +
		"二、组织决策程序培训（市财政局负责，" + monthEnd(today, 2) + "前完成）\n" +
		"三、建立决策后评估制度（市发改委负责）\n"
	if err := os.WriteFile(workPlan, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	// The refused split answers 422 on purpose.
	problems := browsertest.WatchConsole(ctx, func(url, text string) bool {
		return strings.Contains(url, "/subtasks") && strings.Contains(text, "422")
	})
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "subtasks-"+name) }
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	row := func(n int, name string) chromedp.CSS {
		return chromedp.CSS(fmt.Sprintf(`form[action*="/subtasks"] tbody tr:nth-child(%d) [name="%s"]`, n, name))
	}
	run("the lead unit splits the task", signInAs(base, "fazhiban"),
		chromedp.Navigate(taskURL),
		chromedp.WaitVisible(`//section[@id="subtasks"]//p[contains(., "尚未分解")]`),
		chromedp.Click(`//section[@id="subtasks"]//summary[contains(., "分解任务")]`),
		chromedp.WaitVisible(row(1, "title")),
		chromedp.SendKeys(row(1, "title"), "起草重大行政决策程序规定"),
		chromedp.SetValue(row(1, "unit"), fmt.Sprint(unit["市法制办"])),
		chromedp.SetValue(row(1, "due"), day(30)),
		chromedp.SendKeys(row(2, "title"), "开展决策合法性审查"),
		chromedp.SetValue(row(2, "unit"), fmt.Sprint(unit["市财政局"])),
		// A deadline after the task's is refused at its row, the rows kept.
		chromedp.SetValue(row(2, "due"), day(120)),
		chromedp.Click(`//section[@id="subtasks"]//button[contains(., "增加一行")]`),
		chromedp.WaitVisible(row(4, "title")),
		chromedp.Click(`//section[@id="subtasks"]//button[contains(., "分解") and not(@name)]`),
		chromedp.WaitVisible(`//section[@id="subtasks"]//tr[2]//p[contains(@class, "field-error") and contains(., "不能晚于本任务的完成时限")]`),
		chromedp.WaitVisible(`//section[@id="subtasks"]//tr[1]//input[@name="title" and @value="起草重大行政决策程序规定"]`),
		shot("01-split-refused"),
		chromedp.SetValue(row(2, "due"), day(60)),
		shot("01-split-form"),
		chromedp.Click(`//section[@id="subtasks"]//button[contains(., "分解") and not(@name)]`),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "已分解为 2 项子任务")]`),
		chromedp.WaitVisible(`//section[@id="subtasks"]//td//a[contains(., "开展决策合法性审查")]`),
		shot("02-split"),
		chromedp.Click(`//section[@id="subtasks"]//td//a[contains(., "起草重大行政决策程序规定")]`),
		chromedp.WaitVisible(`//section[@id="subtasks"]//p[contains(., "子任务")]`),
		chromedp.SendKeys(chromedp.CSS("#r-text"), "规定已印发。"),
		chromedp.SendKeys(chromedp.CSS("#r-percent"), "100"),
		chromedp.Click(chromedp.CSS(`#report-form button[type="submit"]`)),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`),
		shot("03-subtask-reported"),
		signOutStep,
	)
	run("the 配合 unit reports on its sub-task", signInAs(base, "caizheng"),
		chromedp.Navigate(base+"/tasks"),
		chromedp.Click(`//a[contains(., "开展决策合法性审查")]`),
		chromedp.WaitVisible(chromedp.CSS("#r-text")),
		chromedp.SendKeys(chromedp.CSS("#r-text"), "已审查半数决策事项。"),
		chromedp.SendKeys(chromedp.CSS("#r-percent"), "50"),
		chromedp.Click(chromedp.CSS(`#report-form button[type="submit"]`)),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`),
		signOutStep,
	)
	run("the office reads the roll-up", signInAs(base, "ducha"),
		chromedp.Navigate(taskURL),
		chromedp.WaitVisible(`//p[contains(@class, "rollup") and contains(., "75%")]`),
		chromedp.WaitVisible(`//p[contains(@class, "task-meta") and contains(., "75%")]`),
		shot("04-office-rollup"),
		chromedp.Navigate(taskURL+"?lang=zh-TW"),
		chromedp.WaitVisible(`//h2[contains(., "任務分解")]`),
		shot("04b-office-rollup-zh-TW"),
		chromedp.Navigate(taskURL+"?lang=zh-CN"),
		chromedp.WaitVisible(`//h2[contains(., "任务分解")]`),
		signOutStep,
	)
	run("the lead unit's 落实计划", signInAs(base, "fazhiban"),
		chromedp.Navigate(taskURL),
		chromedp.Click(`//section[@id="subtasks"]//summary[contains(., "上传落实计划")]`),
		chromedp.SetUploadFiles(chromedp.CSS("#wp-file"), []string{workPlan}),
		chromedp.Click(`//section[@id="subtasks"]//button[contains(., "上传并解析")]`),
		chromedp.WaitVisible(`//h1[contains(., "核对落实计划")]`),
		chromedp.WaitVisible(`//p[contains(., "市发改委")]`),
		shot("05-workplan-review"),
		chromedp.Click(chromedp.CSS(`input[name="keep"][value="3"]`)),
		chromedp.SetValue(chromedp.CSS(`tbody tr:nth-child(2) select[name="unit"]`), fmt.Sprint(unit["市法制办"])),
		chromedp.Click(`//button[contains(., "确认建立子任务")]`),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "已分解为 2 项子任务")]`),
		chromedp.WaitVisible(`//section[@id="subtasks"]//td//a[contains(., "组织决策程序培训")]`),
		shot("06-workplan-confirmed"),
	)
	kids, err := app.Store.FindSubtasks(bg, tasks[0].ID)
	if err != nil || len(kids) != 4 || kids[3].UnitIDs[0] != unit["市法制办"] {
		t.Errorf("sub-tasks after the 落实计划 = %+v, %v", kids, err)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}

// monthEnd is "YYYY年M月底" n months after t, as plans write deadlines.
func monthEnd(t time.Time, n int) string {
	m := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, workday.Zone)
	return fmt.Sprintf("%d年%d月底", m.Year(), int(m.Month()))
}
