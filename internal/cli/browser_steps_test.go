package cli

import "github.com/chromedp/chromedp"

// The browser tests' shared steps: signing in as a demo account at base,
// signing out through the user menu, and confirming the styled dialog of
// a form marked data-confirm.

func signInAs(base, user string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(base+"/signin"),
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), user),
		chromedp.SendKeys(chromedp.CSS("#password"), DemoPassword),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(`//h1[contains(., "您好")]`),
	)
}

var signOutStep = chromedp.Steps(
	chromedp.Click(chromedp.CSS("details.usermenu summary")),
	chromedp.WaitVisible(chromedp.CSS(".usermenu-panel button")),
	chromedp.Click(chromedp.CSS(".usermenu-panel button")),
	chromedp.WaitVisible(chromedp.CSS("#username")),
)

var confirmDialogStep = chromedp.Steps(
	chromedp.WaitVisible(chromedp.CSS("#confirm-dialog[open]")),
	chromedp.Click(chromedp.CSS(`#confirm-dialog button[value="ok"]`)),
)
