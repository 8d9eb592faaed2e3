package cli

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
)

// seedQuarter fills the ledger with a first quarter of 2026 to assess:
// four tasks of three units, one closed on time, 催办 and notices on
// another, a 亮点 and a 问责.
func seedQuarter(t *testing.T, app *App) {
	t.Helper()
	ctx := context.Background()
	due := func(s string) []plandoc.Deadline { return []plandoc.Deadline{{Text: s, Due: s}} }
	plan := &plandoc.Plan{Title: "2026年法治政府建设重点任务", Year: 2026, Tasks: []plandoc.Task{
		{Path: []string{"1"}, Title: "完善行政决策机制", LeadUnits: []string{"市法制办"}, Units: []string{"市法制办", "市财政局"}, Deadlines: due("2026-02-27")},
		{Path: []string{"2"}, Title: "推进权责清单", LeadUnits: []string{"市编委办"}, Units: []string{"市编委办"}, Deadlines: due("2026-03-31")},
		{Path: []string{"3"}, Title: "建设政务热线", LeadUnits: []string{"市政府办公室"}, Units: []string{"市政府办公室", "市法制办"}, Deadlines: due("2026-01-31")},
		{Path: []string{"4"}, Title: "深化放管服改革", LeadUnits: []string{"市发展改革委"}, Units: []string{"市发展改革委"}, Deadlines: due("2026-03-20")},
	}}
	id, _, err := app.Store.ImportPlan(ctx, records.PlanImport{SourceName: "法治.txt", SourceSHA256: strings.Repeat("e", 64), Format: "text", Plan: plan})
	if err != nil {
		t.Fatal(err)
	}
	tasks, _, _ := app.Store.FindTasks(ctx, records.TaskFilter{PlanID: id})
	if err := app.Store.PublishPlan(ctx, audit.System, id, true); err != nil {
		t.Fatal(err)
	}
	liaison, _ := app.Store.FindUserByUsername(ctx, "fazhiban")
	office, _ := app.Store.FindUserByUsername(ctx, "ducha")
	units, _ := app.Store.FindUnits(ctx)
	unit := map[string]int64{}
	for _, u := range units {
		unit[u.Name] = u.ID
	}
	if _, err := app.Store.RequestClose(ctx, audit.Actor{ID: liaison.ID, Username: liaison.Username}, tasks[0].ID, unit["市法制办"], "已完成", nil); err != nil {
		t.Fatal(err)
	}
	if err := app.Store.DecideClose(ctx, audit.Actor{ID: office.ID, Username: office.Username}, tasks[0].ID, true, ""); err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	hot := tasks[2].ID
	if _, err := app.Store.RecordSupervision(ctx, []supervise.Event{
		{Key: "q/press", TaskID: hot, Kind: supervise.KindPress, On: day("2026-02-02"), Recorded: day("2026-02-02")},
		{Key: "q/blue", TaskID: hot, Kind: supervise.KindNotice, Level: "blue", Label: "蓝色督办单", On: day("2026-02-04"), Deadline: day("2026-02-11"), Recorded: day("2026-02-04")},
		{Key: "q/yellow", TaskID: hot, Kind: supervise.KindEscalate, Level: "yellow", Label: "黄色督办单", On: day("2026-02-12"), Deadline: day("2026-02-25"), Recorded: day("2026-02-12")},
		{Key: "q/red", TaskID: hot, Kind: supervise.KindEscalate, Level: "red", Label: "红色督办单", On: day("2026-02-26"), Deadline: day("2026-03-02"), Recorded: day("2026-02-26")},
	}, func(supervise.Event) []records.Notification { return nil }); err != nil {
		t.Fatal(err)
	}
	for _, r := range []records.AssessRecord{
		{UnitID: unit["市法制办"], Kind: assess.RecordHighlight, Title: "重大决策目录化管理", On: "2026-03-10", TaskIDs: []int64{tasks[0].ID}},
		{UnitID: unit["市政府办公室"], Kind: assess.RecordAccountability, Title: "热线建设推进不力", On: "2026-03-25", EventKeys: []string{"q/red"}},
	} {
		if _, err := app.Store.AddAssessRecord(ctx, audit.Actor{ID: office.ID, Username: office.Username}, r); err != nil {
			t.Fatal(err)
		}
	}
}

// TestAssessmentInBrowser: the office opens the first quarter's ranking,
// a unit's explanation, the 通报 with its four charts drawn, the
// dashboard with its charts, and, signed out, the public formula and the
// portal (a published plan, a task, a search); no script error or policy
// violation on the way. Screenshots are saved.
func TestAssessmentInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	app, base := bootLedger(t)
	seedQuarter(t, app)
	problems := browsertest.WatchConsole(ctx, nil)
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "assess-"+name) }
	// drawn waits until n charts have their canvas: ECharts drew them.
	drawn := func(n int) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			_, err := chromedp.Poll[bool](fmt.Sprintf(`document.querySelectorAll(".chart[data-drawn] canvas").length >= %d`, n),
				chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))(ctx, tg)
			return chromedp.Void{}, err
		}
	}
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.Navigate(base + "/signin"),
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), "ducha"),
		chromedp.SendKeys(chromedp.CSS("#password"), DemoPassword),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(`//h1[contains(., "您好")]`),
		chromedp.Navigate(base + "/assessment?period=2026-Q1"),
		chromedp.WaitVisible(`//td//a[contains(., "市法制办")]`),
		shot("01-ranking"),
		chromedp.Click(`//td//a[contains(., "市法制办")]`),
		chromedp.WaitVisible(`//li[contains(., "完善行政决策机制")]`),
		chromedp.WaitVisible(`//li[contains(., "红色督办单「建设政务热线」（配合）")]`),
		shot("02-unit"),
		chromedp.Navigate(base + "/assessment/bulletin?period=2026-Q1"),
		chromedp.WaitVisible(`//h1[contains(., "关于2026年第一季度重点工作推进情况的通报")]`),
		drawn(4),
		chromedp.WaitVisible(`//td//a[contains(., "建设政务热线")]`),
		shot("03-bulletin"),
		chromedp.Navigate(base + "/dashboard"),
		chromedp.WaitVisible(`//h1[contains(., "领导驾驶舱")]`),
		drawn(4),
		shot("04-dashboard"),
		chromedp.Navigate(base + "/assessment/scheme"),
		chromedp.WaitVisible(chromedp.CSS("#s-key_work")),
		shot("05-scheme"),
		chromedp.Navigate(base + "/assessment/records"),
		chromedp.WaitVisible(`//td[contains(., "热线建设推进不力")]`),
		shot("06-records"),
	}
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
	// The formula and the portal are public: a fresh browser without the
	// session reads them.
	pub := browsertest.New(t)
	if err := chromedp.Do(pub, chromedp.Navigate(base+"/scoring"), chromedp.WaitVisible(`//p[contains(., "总分 = 重点攻坚考绩（60 分）")]`),
		browsertest.Shot(dir, "assess-07-public-formula"),
		chromedp.Navigate(base+"/public"),
		chromedp.Click(`//a[contains(., "2026年法治政府建设重点任务")]`),
		chromedp.WaitVisible(`//td[contains(., "市政府办公室")]`),
		browsertest.Shot(dir, "portal-01-plan"),
		chromedp.Click(`//td//a[contains(., "建设政务热线")]`),
		chromedp.WaitVisible(`//h2[contains(., "办理进程")]`),
		browsertest.Shot(dir, "portal-02-task"),
		chromedp.Navigate(base+"/public?q=热线"),
		chromedp.WaitVisible(`//h2[contains(., "搜索结果：1 项")]`),
		browsertest.Shot(dir, "portal-03-search"),
	); err != nil {
		t.Fatal(err)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}
