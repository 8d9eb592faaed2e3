package cli

import (
	"context"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/browsertest"
)

// TestScopesInBrowser is 分级督查 as people see it on the demo: xianducha,
// 鹿城区政府's office, lists the county's own plan and the city tasks passed down to it,
// fewer than the city's office; ducha, the
// city's office, finds a county task, takes over its supervision (提级督办)
// from the task's page; xianducha then sees the task marked taken over,
// told it is no longer theirs to supervise, without the take-over card. Every step leaves a screenshot.
func TestScopesInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	base := bootDemo(t)
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "scope-"+name) }
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	title := demoCountyTasks[1].title // 完成老旧小区改造年度任务
	run("xianducha's task list",
		signInAs(base, "xianducha"),
		chromedp.Navigate(base+"/tasks"),
		chromedp.WaitVisible(chromedp.CSS("#task-results")),
		shot("01-county-list"),
	)
	// count is the total the task list's status line gives ("…共 N 项").
	count := func() int {
		t.Helper()
		status, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#task-results [role="status"]`)))
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`共 (\d+) 项`).FindStringSubmatch(status)
		if m == nil {
			t.Fatalf("the task list says %q", status)
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	county := count()
	run("ducha's task list", signOutStep, signInAs(base, "ducha"), chromedp.Navigate(base+"/tasks"),
		chromedp.WaitVisible(chromedp.CSS("#task-results")))
	if city := count(); county < len(demoCountyTasks) || county >= city {
		t.Errorf("xianducha lists %d tasks, ducha %d: want the county's plan and what was passed down to it, fewer than the city's", county, city)
	}
	run("ducha takes over a county task",
		chromedp.Navigate(base+"/tasks?q="+url.QueryEscape(title)),
		chromedp.Click(chromedp.CSS("#task-results a.task-link")),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/takeover"] button`)),
		shot("02-city-office-task"),
		chromedp.Click(chromedp.CSS(`form[action$="/takeover"] button`)),
		confirmDialogStep,
		chromedp.WaitVisible(chromedp.CSS(".chip-takeover")),
		shot("03-taken-over"),
	)
	taskURL, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	run("xianducha sees it taken over",
		signOutStep,
		signInAs(base, "xianducha"),
		chromedp.Navigate(taskURL),
		chromedp.WaitVisible(chromedp.CSS(".chip-takeover")),
		chromedp.WaitVisible(chromedp.CSS(`p.alert-warn[role="note"]`)),
		shot("04-county-sees-taken-over"),
	)
	chip, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".chip-takeover")))
	if err != nil {
		t.Fatal(err)
	}
	forms, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('form[action$="/takeover"]').length`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(chip, "已提级督办") || forms != 0 {
		t.Errorf("xianducha's page: chip %q, %d take-over forms", chip, forms)
	}
}
