package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/records"
)

// TestFOIAInBrowser walks 依申请公开 in headless chromium: an applicant
// files a request on the public form and keeps the follow link, which
// shows the 20-working-day deadline and how it was counted; the office
// opens the request, refuses a second reading of the Regulations (an
// extension without a reason), replies 予以公开 behind the confirmation
// dialog; the applicant opens the link again, reads the reply and
// downloads the reply letter; a leader sees the request with the
// applicant masked; the annual table counts it.
func TestFOIAInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	dir := browsertest.ScreenshotDir(t)
	app, base := bootLedger(t)
	hash, err := auth.HashPassword(DemoPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.Store.CreateUser(context.Background(), audit.System, records.UserCreate{Username: "lingdao", DisplayName: "李秘书长",
		Role: authz.Leader, PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	problems := browsertest.WatchConsole(ctx, nil)
	shot := func(name string) chromedp.Action[chromedp.Void] { return browsertest.Shot(dir, "foia-"+name) }
	signIn := func(user string) chromedp.Action[chromedp.Void] { return signInAs(base, user) }
	signOut := signOutStep
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	run("an applicant files a request",
		chromedp.Navigate(base+"/public/foia/new"),
		chromedp.WaitVisible(chromedp.CSS("#f-content")),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "赵六"),
		chromedp.SendKeys(chromedp.CSS("#f-phone"), "13700003333"),
		chromedp.SendKeys(chromedp.CSS("#f-content"), "本市2025年度城市更新项目资金安排情况"),
		chromedp.SendKeys(chromedp.CSS("#f-form"), "电子邮件"),
		shot("01-public-form"),
		chromedp.Click(`//form//button[@type="submit"]`),
		chromedp.WaitVisible(`//div[contains(@class, "alert-info") and contains(., "请保存本页链接")]`),
		chromedp.WaitVisible(`//li[contains(., "答复期限：自") and contains(., "20 个工作日")]`),
		shot("02-follow"),
	)
	follow, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.Contains(follow, "?k=") {
		t.Fatalf("follow link %q", follow)
	}
	confirmDialog := confirmDialogStep
	run("the office replies", signIn("ducha"),
		chromedp.Navigate(base+"/foia"),
		chromedp.WaitVisible(`//td[contains(., "赵六")]`),
		chromedp.Click(`//td//a[1]`),
		chromedp.WaitVisible(chromedp.CSS("#s-kind")),
		chromedp.WaitVisible(`//p[contains(., "13700003333")]`),
		// The step form shows the chosen kind's fields only: 告知补正 its
		// days, a fee notice its pages and count.
		chromedp.WaitVisible(chromedp.CSS("#s-days")),
		chromedp.WaitNotVisible(chromedp.CSS("#s-pages")),
		chromedp.WaitNotVisible(chromedp.CSS("#s-count")),
		// A date field says in Chinese how to fill it in, whatever format
		// the browser's own locale draws in the control.
		chromedp.WaitVisible(`//input[@id="s-on"]/following-sibling::p[contains(@class, "date-hint") and contains(., "选择日期：点右侧日历图标")]`),
		pickOption("#s-kind", "fee_notice"),
		chromedp.WaitVisible(chromedp.CSS("#s-pages")),
		chromedp.WaitVisible(chromedp.CSS("#s-count")),
		chromedp.WaitNotVisible(chromedp.CSS("#s-days")),
		shot("03a-step-fee"),
		pickOption("#s-kind", "extension"),
		chromedp.WaitVisible(chromedp.CSS("#s-days")),
		chromedp.WaitNotVisible(chromedp.CSS("#s-pages")),
		chromedp.SetValue(chromedp.CSS("#s-days"), "10"),
		chromedp.Click(`//form[.//select[@id="s-kind"]]//button`),
		chromedp.WaitVisible(`//div[contains(@class, "alert-error") and contains(., "延长理由")]`),
		chromedp.SetValue(chromedp.CSS("#r-reply"), "disclosed"),
		chromedp.SendKeys(chromedp.CSS("#r-text"), "资金安排表已通过电子邮件发送给您。"),
		shot("03-reply-form"),
		chromedp.Click(`//form[.//input[@value="reply"]]//button`),
		confirmDialog,
		chromedp.WaitVisible(`//div[contains(@class, "flash-success")]`),
		chromedp.WaitVisible(`//a[contains(@href, "letter.docx")]`),
		shot("04-replied"),
		chromedp.Navigate(base+"/foia/report"),
		chromedp.WaitVisible(`//tr[contains(., "（一）予以公开")]/td[last()][. = "1"]`),
		shot("05-annual"),
		signOut,
	)
	run("a leader sees the applicant masked", signIn("lingdao"),
		chromedp.Navigate(base+"/foia"),
		chromedp.WaitVisible(`//td[contains(., "赵*")]`),
		signOut,
	)
	run("the applicant reads the reply",
		chromedp.Navigate(follow),
		chromedp.WaitVisible(`//p[contains(., "资金安排表已通过电子邮件发送给您")]`),
		chromedp.WaitVisible(`//a[contains(@href, "letter.docx")]`),
		shot("06-reply"),
	)
	letter := strings.Replace(follow, "?k=", "/letter.docx?k=", 1)
	resp, err := http.Get(letter)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(string(body), "PK") || !strings.Contains(resp.Header.Get("Content-Disposition"), "docx") {
		t.Errorf("the letter: %d %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	if resp, err := http.Get(strings.Replace(letter, "?k=", "?k=x", 1)); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("the letter with a wrong link: %v %v", resp.StatusCode, err)
	}
	for _, p := range problems() {
		if !strings.Contains(p, "status of 422") { // the refused extension, on purpose
			t.Errorf("console problem: %s", p)
		}
	}
}

// pickOption chooses value in the <select> sel as a person does, with the
// change event the page's script listens to.
func pickOption(sel, value string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		js := `(() => { const s = document.querySelector(` + strconv.Quote(sel) + `); s.value = ` + strconv.Quote(value) + `;
			s.dispatchEvent(new Event("change", {bubbles: true})); return s.value; })()`
		got, err := chromedp.Evaluate[string](js)(ctx, tg)
		if err == nil && got != value {
			err = fmt.Errorf("%s has no option %s", sel, value)
		}
		return chromedp.Void{}, err
	}
}
