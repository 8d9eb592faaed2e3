package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/records"
)

// TestDemoSuccessMessages (issue 14, defect 12): on the demo, as the
// office in a browser session, 确认挂号 of a fresh upload and 下发督办单
// on a task with a unit each lead to a page that says it succeeded, in
// zh-CN and in zh-TW.
func TestDemoSuccessMessages(t *testing.T) {
	// The demo as `duban serve --demo` builds it, without the second
	// factor the office must otherwise set up first (not what this is
	// about: TestTOTPJourney is).
	cfg := config.Defaults()
	cfg.DataDir, cfg.Demo, cfg.LogLevel, cfg.TOTPRequiredRoles = t.TempDir(), true, "error", nil
	ctx := context.Background()
	app, err := Open(ctx, cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	u, err := app.Store.FindUserByUsername(ctx, "ducha")
	if err != nil {
		t.Fatal(err)
	}
	session, err := app.Signin.Issue(ctx, audit.System, u.ID, records.SessionWeb, "test", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	office := webClient{t, app, session}
	seed, err := os.ReadFile(seed003)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range []struct{ lang, confirmed, issued string }{
		{"zh-CN", "方案已确认，任务已挂号", "督办单已下发"},
		{"zh-TW", "方案已確認，任務已掛號", "督辦單已下發"},
	} {
		// A document the demo has not seen (one more line), uploaded
		// and confirmed as it stands (仍然挂号 when asked).
		body, ct := multipartBody(t, nil, "file", map[string][]byte{fmt.Sprintf("新方案%d.txt", i): append(append([]byte{}, seed...), []byte(fmt.Sprintf("\n附%d\n", i))...)})
		rec := office.do("POST", "/plans", body, ct, "Accept-Language", c.lang)
		wantCode(t, c.lang+" upload", rec, http.StatusSeeOther)
		m := regexp.MustCompile(`^/plans/(\d+)/review$`).FindStringSubmatch(rec.Header().Get("Location"))
		if m == nil {
			t.Fatalf("upload led to %q", rec.Header().Get("Location"))
		}
		rec = office.post("/plans/"+m[1]+"/confirm", url.Values{"force": {"1"}}, "Accept-Language", c.lang)
		wantCode(t, c.lang+" confirm", rec, http.StatusSeeOther)
		wantIn(t, c.lang+" after 确认挂号", followWithFlash(t, office, rec, c.lang), "flash-success", c.confirmed)

		var plan int64
		fmt.Sscan(m[1], &plan)
		task := findTask(t, app.Store, plan, "完善行政决策机制")
		rec = office.post(fmt.Sprintf("/tasks/%d/issue-notice", task.ID), url.Values{}, "Accept-Language", c.lang)
		wantCode(t, c.lang+" issue", rec, http.StatusSeeOther)
		wantIn(t, c.lang+" after 下发督办单", followWithFlash(t, office, rec, c.lang), "flash-success", c.issued)
	}
}
