package cli

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
)

// The README's tour: a screenshot of each main page of the demo, kept in
// docs/screenshots and made by TestReadmeTourInBrowser. With
// DUBAN_README_SHOTS=1 (`make screenshots`) the test writes them there;
// otherwise to a temporary folder, checked all the same.
const (
	readmePath     = "../../README.md"
	screenshotsDir = "../../docs/screenshots"
	tourWidth      = 1280
	tourHeight     = 800
)

// tourShots are the tour's screenshots, by file name without .png, in
// the README's order.
var tourShots = []string{
	"01-signin", "02-home", "03-review", "04-ledger", "05-task", "06-desk", "07-notice",
	"08-ranking", "09-bulletin", "10-dashboard", "11-public", "12-ticket", "13-foia",
}

// TestReadmeTourInBrowser starts duban as `duban serve --demo` does on an
// empty folder today, with the default configuration (the office signs
// in with a second factor), and in headless chromium walks the README's
// tour: the public portal and the sign-in page unsigned, then 王科长
// (ducha) enrols an authenticator with the code the test computes, and
// opens the workspace, the ledger, a task with its progress, the 督办台,
// a task's 督办单, the ranking, the 通报, the dashboard, a 12345 ticket
// and an 依申请公开 request, and uploads a .docx plan to its review. Each
// page must show the demo's real content — the desk at least three
// 督办单, the ranking ranked units, every portal row a title and a
// link — before its screenshot is taken, and every
// screenshot must be a picture, not a blank page. No script error or
// policy violation on the way.
func TestReadmeTourInBrowser(t *testing.T) {
	bctx := browsertest.New(t)
	bctx, cancelB := context.WithTimeout(bctx, 4*time.Minute)
	defer cancelB()
	dir := t.TempDir()
	if os.Getenv("DUBAN_README_SHOTS") != "" {
		dir = screenshotsDir
	}

	cfg := config.Defaults()
	cfg.DataDir, cfg.Addr, cfg.Demo, cfg.LogLevel = t.TempDir(), "127.0.0.1:0", true, "warn"
	ctx, cancel := context.WithCancel(context.Background())
	app, err := Open(ctx, cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	// The pages the tour opens by id: a task 市法制办 reported on,
	// a 督办单 of the desk, a ticket answered and rated, a request under
	// 补正.
	office := authz.Principal{Username: "ducha", Role: authz.Office}
	reported := reportedTaskOf(t, app, "市法制办")
	desk, err := app.Supervision.Desk(ctx, office)
	if err != nil || len(desk.Notices) == 0 {
		t.Fatalf("the demo's desk: %v %v", desk, err)
	}
	noticed := desk.Notices[0].TaskID
	docx, err := filepath.Abs("../plandoc/testdata/formats/003_writer.docx")
	if err != nil {
		t.Fatal(err)
	}
	base := serveApp(t, ctx, cancel, app)

	problems := browsertest.WatchConsole(bctx, nil)
	shot := func(name string) chromedp.Action[chromedp.Void] {
		if !slices.Contains(tourShots, name) {
			t.Fatalf("%s is not in tourShots", name)
		}
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			// Fonts and charts settle before the picture.
			if _, err := chromedp.Poll[bool](`document.fonts.status === "loaded"`, chromedp.WithPollingTimeout(10*time.Second))(ctx, tg); err != nil {
				return err
			}
			b, err := chromedp.CaptureScreenshot()(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644)
		})
	}
	// atLeast waits until the page has n elements matching the CSS
	// selector: the page shows content, not its empty state.
	atLeast := func(n int, sel string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			js := fmt.Sprintf(`document.querySelectorAll(%q).length >= %d`, sel, n)
			if _, err := chromedp.Poll[bool](js, chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(15*time.Second))(ctx, tg); err != nil {
				got, _ := chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, sel))(ctx, tg)
				return fmt.Errorf("want at least %d of %s, the page has %d: %w", n, sel, got, err)
			}
			return nil
		})
	}
	// scrollTo brings the heading with the id to the top of the window.
	scrollTo := func(id string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[float64](fmt.Sprintf(`(() => {
				window.scrollTo(0, document.getElementById(%q).getBoundingClientRect().top + window.scrollY - 24);
				return window.scrollY;
			})()`, id))(ctx, tg)
			return err
		})
	}
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, actions...); err != nil {
			loc, _ := chromedp.Run(bctx, chromedp.Location())
			t.Fatalf("%s: %v (at %s)", step, err, loc)
		}
	}

	run("the public portal",
		chromedp.EmulateViewport(tourWidth, tourHeight),
		chromedp.Navigate(base+"/public"),
		atLeast(5, `.portal-plans li`),
		shot("11-public"),
	)
	// Every plan row has a title and a link.
	rows, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".portal-plans li")].map(li => {
		const a = li.querySelector("a[href^='/public/plans/']");
		return a && a.textContent.trim() ? "" : li.textContent.trim() || "(empty row)";
	})`))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r != "" {
			t.Errorf("a /public row without a title or a link: %s", r)
		}
	}

	// The office signs in for the first time and enrols its second factor.
	run("sign-in",
		chromedp.Navigate(base+"/signin"),
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), "ducha"),
		shot("01-signin"),
		chromedp.SendKeys(chromedp.CSS("#password"), DemoPassword),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#totp-start")),
		chromedp.Click(chromedp.CSS("#totp-start")),
		chromedp.WaitVisible(chromedp.CSS("#totp-secret")),
	)
	secret, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS("#totp-secret")))
	if err != nil {
		t.Fatal(err)
	}
	run("the second factor and the workspace",
		chromedp.SendKeys(chromedp.CSS("#code"), totpCode(t, secret, time.Now())),
		chromedp.Submit(chromedp.CSS("#code")),
		chromedp.WaitVisible(chromedp.CSS("#recovery-codes")),
		chromedp.Click(chromedp.CSS("#totp-continue")),
		chromedp.WaitVisible(`//h1[contains(., "您好")]`),
		atLeast(3, `.ws-overdue li`),
		shot("02-home"),
	)
	run("the ledger",
		chromedp.Navigate(base+"/tasks?sort=report"),
		atLeast(20, `table.tasks tbody tr`),
		chromedp.WaitVisible(`//table[contains(@class, "tasks")]//td[contains(., "%")]`),
		shot("04-ledger"),
	)
	run("a task with its progress",
		chromedp.Navigate(fmt.Sprintf("%s/tasks/%d", base, reported)),
		chromedp.WaitVisible(`//section[@aria-labelledby="tl-title"]//*[contains(., "`+demoReports[0].text+`")]`),
		shot("05-task"),
	)
	run("the 督办台",
		chromedp.Navigate(base+"/desk"),
		atLeast(3, `section[aria-labelledby="notices-title"] tbody tr`),
		scrollTo("notices-title"),
		shot("06-desk"),
	)
	run("a 督办单 on its task",
		chromedp.Navigate(fmt.Sprintf("%s/tasks/%d", base, noticed)),
		chromedp.WaitVisible(`//section[@aria-labelledby="sup-title"]//*[contains(., "督办单")]`),
		scrollTo("sup-title"),
		shot("07-notice"),
	)
	// The quarter the ranking and the 通报 show: the one holding most of
	// the demo's weeks of overdue deadlines. It is the current quarter
	// (the pages' default) once the quarter is three weeks old; in its
	// first weeks, when few tasks have fallen due in it, the one before.
	// TestDemoIsAliveToday holds the default period to twelve ranked
	// units on days well into a quarter.
	quarter, err := ledger.PeriodOf("quarter", app.Assess.Today().Add(-demoFirst/2))
	if err != nil {
		t.Fatal(err)
	}
	run("the ranking",
		chromedp.Navigate(base+"/assessment?period="+quarter.Key),
		atLeast(3, `.rank-table tbody tr`),
	)
	ranked, err := chromedp.Run(bctx, chromedp.Evaluate[int](`[...document.querySelectorAll(".rank-table tbody tr td:first-child")].filter(td => /^\d+$/.test(td.textContent.trim())).length`))
	if err != nil || ranked < 3 {
		t.Errorf("the ranking of %s ranks %d units, want at least 3 (%v)", quarter.Key, ranked, err)
	}
	run("the ranking", shot("08-ranking"))
	run("the 通报",
		chromedp.Navigate(base+"/assessment/bulletin?period="+quarter.Key),
		atLeast(3, `.chart[data-drawn] canvas`),
		atLeast(1, `table tbody tr`),
		shot("09-bulletin"),
	)
	run("the dashboard",
		chromedp.Navigate(base+"/dashboard"),
		atLeast(4, `.chart[data-drawn] canvas`),
		shot("10-dashboard"),
	)
	ticket, err := ticketAbout(app, "补贴")
	if err != nil {
		t.Fatal(err)
	}
	run("a 12345 ticket",
		chromedp.Navigate(fmt.Sprintf("%s/tickets/%d", base, ticket)),
		chromedp.WaitVisible(`//h1`),
		atLeast(4, `ol.plain li`),
		shot("12-ticket"),
	)
	request, err := requestAbout(app, "拆迁")
	if err != nil {
		t.Fatal(err)
	}
	run("an 依申请公开 request",
		chromedp.Navigate(fmt.Sprintf("%s/foia/%d", base, request)),
		chromedp.WaitVisible(`//ol[@class="plain"]/li[contains(., "补正")]`),
		atLeast(2, `ol.plain li`),
		shot("13-foia"),
	)
	run("a plan's review",
		chromedp.Navigate(base+"/plans"),
		chromedp.WaitVisible(chromedp.CSS("#plan-file")),
		chromedp.SetUploadFiles(chromedp.CSS("#plan-file"), []string{docx}),
		chromedp.Click(chromedp.CSS(`.upload-form button[type="submit"]`)),
		chromedp.WaitVisible(`//h1[contains(., "审核方案")]`),
		atLeast(10, `.review-task`),
		shot("03-review"),
	)
	if p := problems(); len(p) > 0 {
		t.Errorf("console problems:\n%s", strings.Join(p, "\n"))
	}
	for _, name := range tourShots {
		checkScreenshot(t, filepath.Join(dir, name+".png"))
	}
}

// reportedTaskOf is the task of the named unit on which its liaison
// reported demoReports[0] in the demo: its second overdue task (the
// first is closed).
func reportedTaskOf(t *testing.T, app *App, unit string) int64 {
	t.Helper()
	ctx := context.Background()
	all, err := app.Store.FindUnits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range all {
		if u.Name == unit {
			tasks, _, err := app.Store.FindTasks(ctx, records.TaskFilter{UnitID: u.ID, Registered: true, Sort: "due",
				DueTo: app.Ledger.Today().AddDate(0, 0, -1), Limit: 2})
			if err != nil || len(tasks) < 2 {
				t.Fatalf("%s's overdue tasks: %d %v", unit, len(tasks), err)
			}
			return tasks[1].ID
		}
	}
	t.Fatalf("no unit %s", unit)
	return 0
}

// ticketAbout is the demo ticket whose description holds word.
func ticketAbout(app *App, word string) (int64, error) {
	list, err := app.Store.FindTickets(context.Background(), records.TicketFilter{Limit: 50})
	if err != nil {
		return 0, err
	}
	for _, tk := range list {
		if strings.Contains(tk.Description, word) {
			return tk.ID, nil
		}
	}
	return 0, fmt.Errorf("no demo ticket about %s", word)
}

// requestAbout is the demo 依申请公开 request whose content holds word.
func requestAbout(app *App, word string) (int64, error) {
	list, err := app.Store.FindFOIARequests(context.Background(), records.FOIAFilter{Limit: 50})
	if err != nil {
		return 0, err
	}
	for _, r := range list {
		if strings.Contains(r.Content, word) {
			return r.ID, nil
		}
	}
	return 0, fmt.Errorf("no demo request about %s", word)
}

// checkScreenshot fails unless file is a PNG of the tour's size, of some
// kilobytes, with a picture on it: not one colour, and more than a few
// per cent of it differing from the page's background.
func checkScreenshot(t *testing.T, file string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Error(err)
		return
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Errorf("%s: %v", file, err)
		return
	}
	if r := img.Bounds(); r.Dx() != tourWidth || r.Dy() != tourHeight {
		t.Errorf("%s is %dx%d, want %dx%d", file, r.Dx(), r.Dy(), tourWidth, tourHeight)
	}
	if len(b) < 20_000 {
		t.Errorf("%s is %d bytes: too little to show a page", file, len(b))
	}
	if inked, colours := ink(img); inked < 0.03 || colours < 16 {
		t.Errorf("%s looks blank: %.1f %% of it off the background, %d colours", file, inked*100, colours)
	}
}

// ink samples img every 4 pixels and returns the share of samples that
// differ from the commonest colour (the background) and how many colours
// it met.
func ink(img image.Image) (float64, int) {
	count := map[[3]uint32]int{}
	n := 0
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y += 4 {
		for x := r.Min.X; x < r.Max.X; x += 4 {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			count[[3]uint32{cr >> 8, cg >> 8, cb >> 8}]++
			n++
		}
	}
	most := 0
	for _, c := range count {
		most = max(most, c)
	}
	return float64(n-most) / float64(n), len(count)
}
