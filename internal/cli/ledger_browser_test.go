package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
)

// bootLedger starts the application on a free loopback port with part of
// seed 003's units registered (the rest are for the review to flag), an
// office account and the liaison of 市法制办, and returns it and its URL.
func bootLedger(t *testing.T) (*App, string) {
	t.Helper()
	cfg := config.Defaults()
	cfg.TOTPRequiredRoles = nil // not about the second factor: TestTOTPJourney is
	cfg.DataDir, cfg.Addr, cfg.LogLevel = t.TempDir(), "127.0.0.1:0", "warn"
	env := &Env{Stdout: io.Discard, Stderr: io.Discard}
	ctx, cancel := context.WithCancel(context.Background())
	app, err := Open(ctx, cfg, env)
	if err != nil {
		t.Fatal(err)
	}
	units := map[string]int64{}
	for _, n := range []string{"市法制办", "市政府办公室", "市编委办", "市发展改革委", "市人力社保局", "市财政局"} {
		u, err := app.Store.CreateUnit(ctx, audit.System, records.UnitCreate{Name: n, Kind: records.UnitDepartment})
		if err != nil {
			t.Fatal(err)
		}
		units[n] = u.ID
	}
	hash, err := auth.HashPassword(DemoPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []records.UserCreate{
		{Username: "ducha", DisplayName: "督查室 王科长", Role: authz.Office},
		{Username: "fazhiban", DisplayName: "市法制办 联络员 赵敏", Role: authz.Liaison, Units: []int64{units["市法制办"]}},
	} {
		u.PasswordHash = hash
		if _, err := app.Store.CreateUser(ctx, audit.System, u); err != nil {
			t.Fatal(err)
		}
	}
	return app, serveApp(t, ctx, cancel, app)
}

// TestLedgerJourneyInBrowser walks the ledger in headless chromium: the
// office uploads seed 003 through the form, fixes a unit at review (新建
// 单位) and confirms behind the dialog; the liaison of 市法制办 opens the
// task, reports progress with an attachment and applies for 销号; the
// office verifies and closes it; the ledger is exported and read back.
// Every step leaves a screenshot, and a script error or a content
// security policy violation fails the test.
func TestLedgerJourneyInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 4*time.Minute)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	app, base := bootLedger(t)
	plan, err := filepath.Abs(seed003)
	if err != nil {
		t.Fatal(err)
	}
	evidence := filepath.Join(t.TempDir(), "会议纪要.pdf")
	if err := os.WriteFile(evidence, pdfBytes, 0o644); err != nil {
		t.Fatal(err)
	}
	problems := browsertest.WatchConsole(ctx, nil)
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "ledger-"+name) }
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	signIn := func(user string) chromedp.Action[chromedp.Void] { return signInAs(base, user) }
	signOut := signOutStep
	confirmDialog := confirmDialogStep

	run("office uploads", signIn("ducha"), shot("01-office-home"),
		chromedp.Navigate(base+"/plans"),
		chromedp.WaitVisible(chromedp.CSS("#plan-file")),
		chromedp.SetUploadFiles(chromedp.CSS("#plan-file"), []string{plan}),
		shot("02-plans-upload"),
		chromedp.Click(chromedp.CSS(`.upload-form button[type="submit"]`)),
		chromedp.WaitVisible(`//h1[contains(., "审核方案")]`),
		chromedp.WaitVisible(chromedp.CSS("#review-banner.has-flags")),
		shot("03-review"),
	)
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`/plans/(\d+)/review`).FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("after upload at %s", loc)
	}
	planID, _ := strconv.ParseInt(m[1], 10, 64)
	task := findTask(t, app.Store, planID, "完善行政决策机制")
	sec := fmt.Sprintf("#task-%d", task.ID)
	run("office reviews",
		chromedp.ScrollIntoView(chromedp.CSS(sec)),
		chromedp.Click(chromedp.CSS(sec+" > form > details > summary")),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf("#t%d-goal", task.ID))),
		chromedp.SetValue(chromedp.CSS(fmt.Sprintf("#t%d-goal", task.ID)), "重大行政决策全部依法履行法定程序"),
		chromedp.SetValue(chromedp.CSS(fmt.Sprintf("#t%d-owner", task.ID)), "市法制办分管副主任"),
		chromedp.Click(chromedp.CSS(sec+` button[name="create_unit"]`)),
		chromedp.WaitVisible(chromedp.CSS(sec+" .flash-success")),
		chromedp.ScrollIntoView(chromedp.CSS(sec)),
		shot("04-review-unit-created"),
	)
	saved, err := app.Store.FindTaskByID(context.Background(), task.ID)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Goal != "重大行政决策全部依法履行法定程序" || len(saved.UnitIDs) != 2 {
		t.Fatalf("review saved goal %q, units %v", saved.Goal, saved.UnitIDs)
	}
	run("office confirms",
		chromedp.Click(chromedp.CSS(`#review-banner button[type="submit"]`)),
		confirmDialog,
		chromedp.WaitVisible(`//h1[contains(., "任务清单")]`),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "已挂号")]`),
		shot("05-confirmed-task-list"),
		signOut,
	)

	taskURL := fmt.Sprintf("%s/tasks/%d", base, task.ID)
	dayOff := app.Calendar.Current().AddWorkdays(app.Calendar.Today(), 1)
	run("office issues a 督办单", signIn("ducha"),
		chromedp.Navigate(taskURL),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/issue-notice"] button`)),
		chromedp.Click(chromedp.CSS(`form[action$="/issue-notice"] button`)),
		confirmDialog,
		chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "督办单已下发")]`),
		chromedp.WaitVisible(chromedp.CSS(".tl-sup-issued")),
		shot("05a-notice-issued"),
		chromedp.Navigate(base+"/desk"),
		chromedp.WaitVisible(`//a[contains(., "完善行政决策机制")]`),
		shot("05b-desk"),
		// A local day off inside the notice's 限期整改 window moves its
		// deadline; the change's page lists the task.
		chromedp.Navigate(base+"/calendar"),
		chromedp.WaitVisible(chromedp.CSS(".cal-year")),
		shot("05c-calendar"),
		chromedp.SetValue(chromedp.CSS("#c-date"), dayOff.Format(time.DateOnly)),
		chromedp.SendKeys(chromedp.CSS("#c-name"), "地方节日"),
		chromedp.SendKeys(chromedp.CSS("#c-reason"), "市政府通知"),
		chromedp.Click(chromedp.CSS(`form[action="/calendar/days"] button[type="submit"]`)),
		confirmDialog,
		chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "日历已调整")]`),
		chromedp.WaitVisible(`//td//a[contains(., "完善行政决策机制")]`),
		shot("05d-calendar-change"),
		chromedp.Navigate(base+"/rules"),
		chromedp.WaitVisible(chromedp.CSS(".ladder")),
		shot("05e-rules"),
		signOut,
	)
	run("liaison reports", signIn("fazhiban"), shot("06-liaison-home"),
		chromedp.Navigate(base+"/tasks"),
		chromedp.WaitVisible(`//a[contains(., "完善行政决策机制")]`),
		shot("07-liaison-tasks"),
		chromedp.Click(`//a[contains(., "完善行政决策机制")]`),
		chromedp.WaitVisible(chromedp.CSS("#report-form")),
		chromedp.SendKeys(chromedp.CSS("#r-text"), "已起草《重大行政决策程序规定》，征求意见中。"),
		chromedp.SendKeys(chromedp.CSS("#r-percent"), "40"),
		chromedp.SetUploadFiles(chromedp.CSS("#r-files"), []string{evidence}),
		chromedp.WaitVisible(chromedp.CSS("#report-form .file-list li")),
		shot("08-liaison-report-form"),
		chromedp.Click(chromedp.CSS(`#report-form button[type="submit"]`)),
		chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "进展已报送")]`),
		chromedp.WaitVisible(`//a[contains(., "会议纪要.pdf")]`),
		shot("09-liaison-reported"),
		chromedp.SendKeys(chromedp.CSS("#answer-0"), "已召开专题会议部署整改，规定送审稿已报市政府。"),
		chromedp.SetUploadFiles(chromedp.CSS("#answer-files-0"), []string{evidence}),
		chromedp.Click(chromedp.CSS(`.answer-form button[type="submit"]`)),
		confirmDialog,
		chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "整改反馈已提交")]`),
		chromedp.WaitVisible(`//p[contains(., "已召开专题会议部署整改")]`),
		chromedp.WaitVisible(`//ol[contains(@class, "timeline")]//a[contains(., "会议纪要.pdf")]`),
		shot("09a-liaison-answered"),
		chromedp.SendKeys(chromedp.CSS("#c-text"), "规定已经市政府常务会议审议通过并印发实施。"),
		chromedp.SetUploadFiles(chromedp.CSS("#c-files"), []string{evidence}),
		chromedp.Click(chromedp.CSS(`#close-form button[type="submit"]`)),
		confirmDialog,
		chromedp.WaitVisible(`//div[contains(@class, "flash-success") and contains(., "销号申请已提交")]`),
		shot("10-liaison-close-requested"),
		signOut,
	)

	run("office closes", signIn("ducha"), shot("11-office-home"),
		chromedp.Navigate(taskURL),
		chromedp.WaitVisible(chromedp.CSS(".pending-card")),
		shot("12-office-pending"),
		chromedp.Click(chromedp.CSS(`form[action$="/close"] button`)),
		confirmDialog,
		chromedp.WaitVisible(chromedp.CSS(".stamp")),
		shot("13-closed"),
		chromedp.Navigate(fmt.Sprintf("%s/tasks?plan=%d&sort=report", base, planID)),
		chromedp.WaitVisible(chromedp.CSS(".lstatus-closed")),
		shot("14-task-list-after"),
		chromedp.Navigate(base+"/?lang=zh-TW"),
		chromedp.WaitVisible(`//h1[contains(., "您好")]`),
		shot("15-office-home-zh-TW"),
		chromedp.Navigate(taskURL),
		chromedp.WaitVisible(chromedp.CSS(".stamp")),
		shot("16-closed-zh-TW"),
		chromedp.Navigate(base+"/?lang=zh-CN"),
	)

	// The export, fetched as the browser would, with its session.
	cookies, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{URLs: []string{base}})
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("GET", fmt.Sprintf("%s/tasks/export.xlsx?plan=%d", base, planID), nil)
	for _, c := range cookies.Cookies {
		if c.Name == httpauth.CookieName {
			req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	xlsx, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("export: %d %v", resp.StatusCode, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ledger-17-export.xlsx"), xlsx, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := ledgerStatusInSheet(t, xlsx, task.ID); got != "已销号" {
		t.Errorf("exported status %q, want 已销号", got)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
}
