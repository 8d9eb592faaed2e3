package cli

import (
	"bytes"
	"context"
	"encoding/base32"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/records"
)

// totpCode is what an authenticator app shows for secret at t.
func totpCode(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(strings.ReplaceAll(secret, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return auth.HOTP(key, uint64(auth.TOTPStep(at)), auth.TOTPDigits)
}

// bootTOTP serves a fresh system as `duban serve` does with the default
// configuration (the second factor required of the 三员 and the office),
// over loopback TCP, holding one office account.
func bootTOTP(t *testing.T, demo bool) string {
	t.Helper()
	cfg := config.Defaults()
	cfg.DataDir, cfg.Addr, cfg.LogLevel, cfg.Scheduler, cfg.Demo = t.TempDir(), "127.0.0.1:0", "error", false, demo
	ctx, cancel := context.WithCancel(context.Background())
	app, err := Open(ctx, cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if !demo {
		if _, err := app.Store.CreateUser(ctx, audit.System, records.UserCreate{Username: "office", DisplayName: "督查室",
			PasswordHash: testHash, Role: authz.Office}); err != nil {
			cancel()
			app.Close()
			t.Fatal(err)
		}
	}
	return serveApp(t, ctx, cancel, app)
}

// apiCall sends a JSON request and decodes the answer.
func apiCall(t *testing.T, method, url, token string, body any) (int, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, url, rd)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func errCode(m map[string]any) string {
	e, _ := m["error"].(map[string]any)
	s, _ := e["code"].(string)
	return s
}

// TestTOTPTokenThroughRouter: through the real router, the office's first
// token may only enrol (every other endpoint is 403
// totp_enrolment_required); POST /api/v1/me/totp gives the otpauth:// URI,
// confirm gives ten recovery codes once; after that no token without a
// code (401 totp_required), none for a wrong code (totp_invalid), one for
// the code an authenticator shows, and one for a recovery code, once.
func TestTOTPTokenThroughRouter(t *testing.T) {
	base := bootTOTP(t, false)
	api := base + "/api/v1"
	pw := map[string]any{"username": "office", "password": "Fixture#Pass1"}
	st, m := apiCall(t, "POST", api+"/auth/token", "", pw)
	first, _ := m["token"].(string)
	if st != http.StatusCreated || first == "" {
		t.Fatalf("first token: %d %v", st, m)
	}
	if st, m := apiCall(t, "GET", api+"/tasks", first, nil); st != http.StatusForbidden || errCode(m) != "totp_enrolment_required" {
		t.Errorf("tasks before enrolling: %d %v", st, m)
	}
	st, m = apiCall(t, "POST", api+"/me/totp", first, nil)
	uri, _ := m["otpauth_uri"].(string)
	u, err := url.Parse(uri)
	if st != http.StatusCreated || err != nil || u.Scheme != "otpauth" || u.Query().Get("secret") == "" {
		t.Fatalf("POST /api/v1/me/totp: %d %v", st, m)
	}
	secret := u.Query().Get("secret")
	if st, m := apiCall(t, "POST", api+"/me/totp/confirm", first, map[string]any{"code": "000000"}); st != http.StatusUnprocessableEntity {
		t.Errorf("confirm with a wrong code: %d %v", st, m)
	}
	st, m = apiCall(t, "POST", api+"/me/totp/confirm", first, map[string]any{"code": totpCode(t, secret, time.Now())})
	codes, _ := m["recovery_codes"].([]any)
	if st != http.StatusOK || len(codes) != 10 {
		t.Fatalf("confirm: %d %v", st, m)
	}
	if st, _ := apiCall(t, "GET", api+"/tasks", first, nil); st != http.StatusOK {
		t.Errorf("tasks after enrolling: %d", st)
	}
	if st, m := apiCall(t, "POST", api+"/me/totp", first, nil); st != http.StatusConflict {
		t.Errorf("starting over once enrolled: %d %v", st, m)
	}

	if st, m := apiCall(t, "POST", api+"/auth/token", "", pw); st != http.StatusUnauthorized || errCode(m) != "totp_required" || m["token"] != nil {
		t.Errorf("a token without a code: %d %v", st, m)
	}
	with := func(code string) map[string]any {
		return map[string]any{"username": "office", "password": "Fixture#Pass1", "totp": code}
	}
	if st, m := apiCall(t, "POST", api+"/auth/token", "", with("123456")); st != http.StatusUnauthorized || errCode(m) != "totp_invalid" {
		t.Errorf("a wrong code: %d %v", st, m)
	}
	// The next step's code: the one that confirmed is spent.
	st, m = apiCall(t, "POST", api+"/auth/token", "", with(totpCode(t, secret, time.Now().Add(30*time.Second))))
	tok, _ := m["token"].(string)
	if st != http.StatusCreated || tok == "" {
		t.Fatalf("the authenticator's code: %d %v", st, m)
	}
	if st, _ := apiCall(t, "GET", api+"/tasks", tok, nil); st != http.StatusOK {
		t.Errorf("tasks with the new token: %d", st)
	}
	rc := codes[0].(string)
	if st, m := apiCall(t, "POST", api+"/auth/token", "", with(rc)); st != http.StatusCreated {
		t.Errorf("a recovery code: %d %v", st, m)
	}
	if st, m := apiCall(t, "POST", api+"/auth/token", "", with(rc)); st != http.StatusUnauthorized || errCode(m) != "totp_invalid" {
		t.Errorf("a recovery code twice: %d %v", st, m)
	}
	if st, m := apiCall(t, "POST", api+"/auth/token", "", map[string]any{"username": "nobody", "password": "Fixture#Pass1"}); st != http.StatusUnauthorized || errCode(m) != "bad_credentials" {
		t.Errorf("an unknown account: %d %v", st, m)
	}
}

// TestTOTPJourney: in headless chromium, the demo office (王科长) signs in
// for the first time and is taken to set up the second factor, reads the
// secret off the page, types the code the test computes from it, gets the
// recovery codes, and reaches the workbench; after signing out, the
// password alone is not enough, and password and code sign in.
func TestTOTPJourney(t *testing.T) {
	ctx := browsertest.New(t)
	dir := browsertest.ScreenshotDir(t)
	base := bootTOTP(t, true)
	var secret string
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/signin"),
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), "ducha"),
		chromedp.SendKeys(chromedp.CSS("#password"), DemoPassword),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#totp-start")),
		chromedp.Click(chromedp.CSS("#totp-start")),
		chromedp.WaitVisible(chromedp.CSS("#totp-secret")),
		browsertest.Shot(dir, "totp-enrol"),
	)
	if err != nil {
		t.Fatalf("to the enrolment: %v", err)
	}
	if secret, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#totp-secret"))); err != nil {
		t.Fatal(err)
	}
	uri, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#totp-uri")))
	if err != nil || !strings.HasPrefix(uri, "otpauth://totp/") || !strings.Contains(uri, strings.ReplaceAll(secret, " ", "")) {
		t.Fatalf("the page's address %q for secret %q: %v", uri, secret, err)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#code"), totpCode(t, secret, time.Now())),
		chromedp.Submit(chromedp.CSS("#code")),
		chromedp.WaitVisible(chromedp.CSS("#recovery-codes")),
		browsertest.Shot(dir, "totp-recovery-codes"),
		chromedp.Click(chromedp.CSS("#totp-continue")),
		chromedp.WaitVisible(`//h1[contains(., "您好")]`),
		chromedp.Click(chromedp.CSS("details.usermenu summary")),
		chromedp.WaitVisible(chromedp.CSS(".usermenu-panel button")),
		chromedp.Click(chromedp.CSS(".usermenu-panel button")),
		chromedp.WaitVisible(chromedp.CSS("#username")),

		chromedp.SendKeys(chromedp.CSS("#username"), "ducha"),
		chromedp.SendKeys(chromedp.CSS("#password"), DemoPassword),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(`//div[@role="alert" and contains(., "动态验证码")]`),
		browsertest.Shot(dir, "totp-code-asked"),
		chromedp.SendKeys(chromedp.CSS("#password"), DemoPassword),
		chromedp.SendKeys(chromedp.CSS("#code"), totpCode(t, secret, time.Now().Add(30*time.Second))),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(`//h1[contains(., "您好")]`),
	)
	if err != nil {
		t.Fatalf("enrolment and sign-in with a code: %v", err)
	}
}
