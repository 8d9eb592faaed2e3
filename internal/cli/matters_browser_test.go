package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/records"
)

// meetingLines are a 常务会议's five 议定事项 as a 纪要 lists them: units
// in the running prose and in a note, deadlines in words, one line with
// neither (the form's shared unit and deadline stand for it).
const meetingLines = `一、关于老旧小区加装电梯资金缺口问题。由市财政局牵头，市发展改革委配合，12月20日前拿出资金方案。
二、关于政务热线整合问题（市政府办公室牵头），12月31日前完成整合。
三、关于行政执法监督平台建设问题。由市法制办牵头，市财政局配合，每月报送进展。
四、关于机构编制核查问题（市编委办牵头），年底前完成核查。
五、研究制定加强营商环境建设的配套措施。`

// TestMeetingMattersInBrowser (issue 15): the office enters a 常务会议's
// five 议定事项 as one pasted list and gets five tasks, each with its
// units and deadline; the task list shows them with the 会议 label; a
// list with a unit the registry does not know is refused naming its line
// and enters nothing. The single 督办件 form enters a 领导批示 whose task
// page shows its source record.
func TestMeetingMattersInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	app, base := bootLedger(t)
	// The refused list answers 422 on purpose.
	problems := browsertest.WatchConsole(ctx, func(url, text string) bool {
		return strings.HasSuffix(url, "/matters/batch") && strings.Contains(text, "422")
	})
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "matters-"+name) }
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
	run("a list naming an unknown unit is refused", signInAs(base, "ducha"),
		chromedp.Navigate(base+"/matters/batch"),
		chromedp.WaitVisible(chromedp.CSS("#b-lines")),
		chromedp.SendKeys(chromedp.CSS("#b-meeting"), "市政府第12次常务会议"),
		chromedp.SetValue(chromedp.CSS("#b-lines"), "一、由市财政局牵头，12月20日前完成。\n二、由市不存在局牵头，年底前完成。"),
		chromedp.Click(`//form[@action="/matters/batch"]//button[@type="submit"]`),
		chromedp.WaitVisible(`//div[contains(@class, "alert-error")]//li[contains(., "第 2 行")]`),
		shot("01-refused"),
	)
	if tasks, _, _ := app.Store.FindTasks(context.Background(), records.TaskFilter{Source: records.SourceMeeting}); len(tasks) != 0 {
		t.Fatalf("a refused list entered %d tasks", len(tasks))
	}
	run("the meeting's five 议定事项 become five tasks",
		chromedp.Navigate(base+"/matters/batch"),
		chromedp.WaitVisible(chromedp.CSS("#b-lines")),
		chromedp.SendKeys(chromedp.CSS("#b-meeting"), "市政府第12次常务会议"),
		chromedp.SendKeys(chromedp.CSS("#b-minutes-no"), "〔2026〕12号"),
		chromedp.SetValue(chromedp.CSS("#b-lines"), meetingLines),
		pick("#b-lead", "市政府办公室"),
		chromedp.SendKeys(chromedp.CSS("#b-deadline"), "12月25日前"),
		shot("02-pasted"),
		chromedp.Click(`//form[@action="/matters/batch"]//button[@type="submit"]`),
		chromedp.WaitVisible(`//h2[contains(., "已录入 5 项议定事项")]`),
		chromedp.WaitVisible(`//section[contains(@class, "matter-created")]//tr[td[contains(., "老旧小区加装电梯")] and td[contains(., "市财政局（牵头）")]]`),
		chromedp.WaitVisible(`//section[contains(@class, "matter-created")]//tr[td[contains(., "营商环境")] and td[contains(., "市政府办公室")]]`),
		shot("03-created"),
		chromedp.Navigate(base+"/tasks?source=meeting"),
		chromedp.WaitVisible(`//tr[.//span[contains(@class, "src-meeting")] and .//a[contains(., "政务热线整合")]]`),
		chromedp.WaitVisible(`//table[.//a[contains(., "政务热线整合")]]/tbody[count(tr) = 5]`),
		shot("04-task-list"),
	)
	tasks, _, err := app.Store.FindTasks(context.Background(), records.TaskFilter{Source: records.SourceMeeting})
	if err != nil || len(tasks) != 5 {
		t.Fatalf("the meeting's tasks: %d %v", len(tasks), err)
	}
	due := map[string]string{}
	for _, tk := range tasks {
		due[tk.Title] = tk.Due + tk.Every
		if tk.Status != "registered" || len(tk.UnitIDs) == 0 {
			t.Errorf("task %q: %s, units %v", tk.Title, tk.Status, tk.UnitIDs)
		}
	}
	year := app.Ledger.Today().Format("2006")
	for title, want := range map[string]string{"关于老旧小区加装电梯资金缺口问题": year + "-12-20", "关于行政执法监督平台建设问题": "month",
		"研究制定加强营商环境建设的配套措施": year + "-12-25", "关于机构编制核查问题": year + "-12-31", "关于政务热线整合问题": year + "-12-31"} {
		if due[title] != want {
			t.Errorf("%q due %q, want %q (all: %v)", title, due[title], want, due)
		}
	}
	scan := filepath.Join(t.TempDir(), "批示件.pdf")
	if err := os.WriteFile(scan, pdfBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	run("a 领导批示 entered by hand shows its source",
		chromedp.Navigate(base+"/matters/new"),
		chromedp.WaitVisible(chromedp.CSS("#m-kind")),
		chromedp.SetValue(chromedp.CSS("#m-kind"), "instruction"),
		chromedp.SendKeys(chromedp.CSS("#m-leader"), "张市长"),
		chromedp.SendKeys(chromedp.CSS("#m-source"), "请法制办牵头研究，12月20日前报结果。"),
		chromedp.Click(`//input[@name="report_back"]`),
		chromedp.SendKeys(chromedp.CSS("#m-title"), "研究解决行政执法经费缺口"),
		pick("#m-lead", "市法制办"),
		chromedp.Click(`//label[contains(., "市财政局")]/input[@name="support"]`),
		chromedp.SendKeys(chromedp.CSS("#m-deadline"), "12月20日前"),
		chromedp.SetUploadFiles(chromedp.CSS("#m-files"), []string{scan}),
		shot("05-form"),
		chromedp.Click(`//form[@action="/matters/new"]//button[@type="submit"]`),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`),
		chromedp.WaitVisible(`//section[contains(@class, "matter-record")]//dd[contains(., "请法制办牵头研究")]`),
		chromedp.WaitVisible(`//a[contains(@href, "/report.docx")]`),
		chromedp.WaitVisible(`//section[contains(@class, "matter-record")]//a[contains(@href, "/attachments/") and contains(., "批示件.pdf")]`),
		chromedp.WaitVisible(`//span[contains(@class, "src-instruction")]`),
		shot("06-task"),
	)
	if p := problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}
