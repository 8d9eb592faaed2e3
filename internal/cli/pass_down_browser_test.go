package cli

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// TestPassDownInBrowser is 分解下达 as the office does it: on the registry
// page of the catch-all unit 各县（市、区）政府 it chooses the group 县市区
// (two counties) the unit stands for; on the page of a task registered
// for 各县（市、区）政府 before that link, the 任务分解 card says the task
// goes to 2 member units and offers 分解下达; behind the confirmation each
// county gets its own sub-task, listed on the card, and the button is
// gone. Every step leaves a screenshot; a script error fails the test.
func TestPassDownInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	app, base := bootLedger(t)
	bg := context.Background()
	all, err := app.Store.CreateUnit(bg, audit.System, records.UnitCreate{Name: "各县（市、区）政府", Kind: records.UnitGroup})
	if err != nil {
		t.Fatal(err)
	}
	var counties []int64
	for _, n := range []string{"鹿城区政府", "瑞安市政府"} {
		u, err := app.Store.CreateUnit(bg, audit.System, records.UnitCreate{Name: n, Kind: records.UnitCounty})
		if err != nil {
			t.Fatal(err)
		}
		counties = append(counties, u.ID)
	}
	g, err := app.Store.CreateUnitGroup(bg, audit.System, records.GroupInput{Name: "县市区", Members: counties})
	if err != nil {
		t.Fatal(err)
	}
	due := time.Now().In(workday.Zone).AddDate(0, 0, 90).Format(time.DateOnly)
	planID, _, err := app.Store.ImportPlan(bg, records.PlanImport{SourceName: "整治.txt", SourceSHA256: strings.Repeat("7", 64), Format: "text",
		Plan: &plandoc.Plan{Title: "农村人居环境整治方案", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "开展村庄清洁行动",
			Units: []string{"各县〔市、区〕政府"}, Deadlines: []plandoc.Deadline{{Text: "年底前", Due: due}}}}}})
	if err != nil {
		t.Fatal(err)
	}
	tasks, _, _ := app.Store.FindTasks(bg, records.TaskFilter{PlanID: planID})
	taskURL := fmt.Sprintf("%s/tasks/%d", base, tasks[0].ID)
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "passdown-"+name) }
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	run("the office links the catch-all unit to its group", signInAs(base, "ducha"),
		chromedp.Navigate(fmt.Sprintf("%s/units/%d/edit", base, all.ID)),
		chromedp.WaitVisible(`//label[@for="members_group_id" and contains(., "分解下达")]`),
		chromedp.SetValue(chromedp.CSS("#members_group_id"), fmt.Sprint(g.ID)),
		shot("01-unit-form"),
		chromedp.Click(chromedp.CSS(`form[action$="/edit"] button[type="submit"]`)),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`),
	)
	if u, err := app.Store.FindUnitByID(bg, all.ID); err != nil || u.MembersGroupID != g.ID {
		t.Fatalf("the unit after the form: %+v %v", u, err)
	}
	run("the office passes the task down",
		chromedp.Navigate(taskURL),
		chromedp.WaitVisible(`//section[@id="subtasks"]//p[contains(., "分解下达给 2 个成员单位")]`),
		shot("02-task-before"),
		chromedp.Click(`//section[@id="subtasks"]//button[contains(., "分解下达")]`),
		confirmDialogStep,
		chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "已分解下达 2 项子任务")]`),
		chromedp.WaitVisible(`//section[@id="subtasks"]//td[contains(., "鹿城区政府")]`),
		chromedp.WaitVisible(`//section[@id="subtasks"]//td[contains(., "瑞安市政府")]`),
		shot("03-passed-down"),
	)
	card, err := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("#subtasks")))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(card, "/pass-down") {
		t.Errorf("the card still offers 分解下达 when every member holds a sub-task")
	}
	kids, err := app.Store.FindSubtasks(bg, tasks[0].ID)
	if err != nil || len(kids) != 2 || kids[0].Title != "开展村庄清洁行动" || kids[0].Due != due {
		t.Errorf("sub-tasks = %+v, %v", kids, err)
	}
}
