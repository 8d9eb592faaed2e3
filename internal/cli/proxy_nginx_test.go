package cli

import (
	"context"
	"encoding/json"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/duban/duban/internal/browsertest"
	"github.com/duban/duban/internal/config"
)

// nginxPath finds Debian's nginx. Where it is missing the test skips,
// except under CI (CI=true), where it fails: scripts/test.sh installs it.
func nginxPath(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx"
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("nginx not found; CI must install it: apt-get install -y nginx (scripts/test.sh does)")
	}
	t.Skip("nginx not found; install it with: apt-get install -y nginx")
	return ""
}

// freePort is a loopback port nobody listens on now.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startNginx runs nginx in the foreground, as a child of the test, with
// deploy/nginx-duban.conf as it is shipped but listening on 127.0.0.1:port
// and passing to duban at upstream. Its pid file, logs and temporary files
// live in a temporary folder; it stops when the test ends.
func startNginx(t *testing.T, port int, upstream string) {
	t.Helper()
	bin := nginxPath(t)
	shipped, err := os.ReadFile(filepath.Join("..", "..", "deploy", "nginx-duban.conf"))
	if err != nil {
		t.Fatal(err)
	}
	site := string(shipped)
	for old, repl := range map[string]string{
		"listen 80;":             "listen 127.0.0.1:" + strconv.Itoa(port) + ";",
		"server 127.0.0.1:8080;": "server " + upstream + ";",
	} {
		if strings.Count(site, old) != 1 {
			t.Fatalf("deploy/nginx-duban.conf: want %q once, the test sets it", old)
		}
		site = strings.Replace(site, old, repl, 1)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "duban.conf"), []byte(site), 0o644); err != nil {
		t.Fatal(err)
	}
	// One process (no workers, so no switch to another user), in the
	// foreground, everything it writes under dir.
	main := `daemon off;
master_process off;
pid ` + dir + `/nginx.pid;
error_log ` + dir + `/error.log warn;
events { worker_connections 256; }
http {
    access_log ` + dir + `/access.log;
    client_body_temp_path ` + dir + `/body;
    proxy_temp_path ` + dir + `/proxy;
    fastcgi_temp_path ` + dir + `/fastcgi;
    uwsgi_temp_path ` + dir + `/uwsgi;
    scgi_temp_path ` + dir + `/scgi;
    include ` + dir + `/duban.conf;
}
`
	conf := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(conf, []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-p", dir+"/", "-e", dir+"/error.log", "-c", conf)
	out := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatalf("nginx: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGQUIT) // graceful stop
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			logs, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Logf("nginx output: %s\nnginx error.log:\n%s", out, logs)
		}
	})
	// Wait until it listens (or has exited with its reason).
	for deadline := time.Now().Add(20 * time.Second); ; {
		select {
		case err := <-exited:
			logs, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx stopped: %v\n%s\n%s", err, out, logs)
		default:
		}
		if c, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port)); err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("nginx did not listen")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// bootBehindNginx starts the demo as `duban serve --demo` with base_url
// http://127.0.0.1:PORT/duban/ and nginx on PORT in front of it, and
// returns nginx's address (http://127.0.0.1:PORT).
func bootBehindNginx(t *testing.T) string {
	t.Helper()
	nginxPath(t) // skip (or fail under CI) before booting anything
	port := freePort(t)
	front := "http://127.0.0.1:" + strconv.Itoa(port)
	cfg := config.Defaults()
	cfg.TOTPRequiredRoles = nil // not about the second factor: TestTOTPJourney is
	cfg.DataDir, cfg.Addr, cfg.Demo, cfg.LogLevel = t.TempDir(), "127.0.0.1:0", true, "warn"
	cfg.BaseURL = front + "/duban/"
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	app, err := Open(ctx, cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	direct := serveApp(t, ctx, cancel, app)
	startNginx(t, port, strings.TrimPrefix(direct, "http://"))
	return front
}

// pageLinks are the URLs a page's HTML makes the browser follow or send.
var pageLinks = regexp.MustCompile(`\s(href|src|action|formaction|hx-get|hx-post|hx-put|hx-patch|hx-delete)="([^"]*)"`)

// linksOf returns the links and files a page makes the browser GET (href,
// src), failing the test for any URL on it, forms' too, that leads outside
// /duban/ (a fragment or a query of the same page stays).
func linksOf(t *testing.T, page, body string) []string {
	t.Helper()
	var links []string
	for _, m := range pageLinks.FindAllStringSubmatch(body, -1) {
		v := html.UnescapeString(m[2])
		switch {
		case strings.HasPrefix(v, "/duban/"):
			if m[1] == "href" || m[1] == "src" {
				links = append(links, v)
			}
		case strings.HasPrefix(v, "#"), strings.HasPrefix(v, "?"):
		default:
			t.Errorf("%s: %s=%q points outside /duban/", page, m[1], v)
		}
	}
	return links
}

// TestNginxSubPath is duban behind Debian's nginx at /duban/ with the
// configuration the repository ships (deploy/nginx-duban.conf): the root
// leads to the sign-in page, signing in opens the workbench, the task
// list and a task answer, every link, form and asset on them stays under
// /duban/ and every page and file they link to loads; the session cookie
// is for /duban; the API document names base_url as its server.
func TestNginxSubPath(t *testing.T) {
	front := bootBehindNginx(t)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(p string) (*http.Response, string) {
		t.Helper()
		resp, err := client.Get(front + p)
		if err != nil {
			t.Fatalf("GET %s: %v", p, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	wantRedirect := func(p, to string) {
		t.Helper()
		resp, _ := get(p)
		if resp.StatusCode/100 != 3 || resp.Header.Get("Location") != to {
			t.Fatalf("GET %s: %d to %q, want a redirect to %s", p, resp.StatusCode, resp.Header.Get("Location"), to)
		}
	}
	wantRedirect("/duban/", "/duban/signin")
	wantRedirect("/duban/tasks", "/duban/signin?next=%2Ftasks")
	if resp, _ := get("/duban"); resp.StatusCode != http.StatusMovedPermanently || !strings.HasSuffix(resp.Header.Get("Location"), "/duban/") {
		t.Errorf("GET /duban: %d to %q, want 301 to /duban/", resp.StatusCode, resp.Header.Get("Location"))
	}

	resp, body := get("/duban/signin")
	if resp.StatusCode != 200 {
		t.Fatalf("sign-in page: %d", resp.StatusCode)
	}
	checked := map[string]bool{}
	checkLinks := func(page, body string) {
		t.Helper()
		for _, l := range linksOf(t, page, body) {
			if checked[l] || strings.Contains(l, "lang=") {
				continue // the language switch sets a cookie, nothing more
			}
			checked[l] = true
			resp, err := client.Get(front + l)
			if err != nil {
				t.Fatalf("GET %s: %v", l, err)
			}
			resp.Body.Close()
			// A page may send on (the brand link, signed out, to the
			// sign-in page): under /duban/ too.
			if loc := resp.Header.Get("Location"); resp.StatusCode != 200 && !(resp.StatusCode/100 == 3 && strings.HasPrefix(loc, "/duban/")) {
				t.Errorf("%s links to %s: %d %s", page, l, resp.StatusCode, loc)
			}
		}
	}
	checkLinks("/duban/signin", body)
	action := regexp.MustCompile(`<form[^>]*method="post"[^>]*action="([^"]*)"`).FindStringSubmatch(body)
	if action == nil || action[1] != "/duban/signin" {
		t.Fatalf("sign-in form action %v, want /duban/signin", action)
	}
	resp, err := client.PostForm(front+action[1], url.Values{"username": {"ducha"}, "password": {DemoPassword}, "next": {"/"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/duban/" {
		t.Fatalf("signing in: %d to %q, want 303 to /duban/", resp.StatusCode, resp.Header.Get("Location"))
	}
	var session *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "duban_session" {
			session = c
		}
	}
	if session == nil || session.Path != "/duban" {
		t.Fatalf("session cookie %v, want Path=/duban", session)
	}

	for _, page := range []string{"/duban/", "/duban/tasks"} {
		resp, body := get(page)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d", page, resp.StatusCode)
		}
		checkLinks(page, body)
	}
	_, body = get("/duban/tasks")
	task := regexp.MustCompile(`href="(/duban/tasks/\d+)"`).FindStringSubmatch(body)
	if task == nil {
		t.Fatal("the task list links to no task")
	}
	resp, body = get(task[1])
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", task[1], resp.StatusCode)
	}
	checkLinks(task[1], body)
	if len(checked) < 20 {
		t.Errorf("only %d links checked: the pages are not what this test expects", len(checked))
	}

	_, body = get("/duban/api/v1/openapi.json")
	var doc struct {
		Servers []struct{ URL string } `json:"servers"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil || len(doc.Servers) != 1 || doc.Servers[0].URL != front+"/duban" {
		t.Errorf("openapi.json servers %+v (%v), want %s/duban", doc.Servers, err, front)
	}
}

// TestNginxSubPathInBrowser signs in through nginx at /duban/ in headless
// chromium as a person does: from the bare /duban/ to the sign-in page,
// the workbench, the task list from the menu, a task, with the style
// sheet and scripts loaded, and signing out.
func TestNginxSubPathInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	dir := browsertest.ScreenshotDir(t)
	front := bootBehindNginx(t)
	problems := browsertest.WatchConsole(ctx, nil)
	err := chromedp.Do(ctx,
		chromedp.Navigate(front+"/duban/"),
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), "ducha"),
		chromedp.SendKeys(chromedp.CSS("#password"), DemoPassword),
		chromedp.Click(chromedp.CSS(`button[type="submit"]`)),
		chromedp.WaitVisible(`//h1[contains(., "您好")]`),
		chromedp.Click(chromedp.CSS(`nav.mainnav a[href="/duban/tasks"]`)),
		chromedp.WaitVisible(chromedp.CSS(`table a[href^="/duban/tasks/"]`)),
		browsertest.Shot(dir, "nginx-duban-tasks"),
	)
	if err != nil {
		t.Fatal(err)
	}
	here, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.HasPrefix(here, front+"/duban/tasks") {
		t.Fatalf("the task list is at %q, want %s/duban/tasks (%v)", here, front, err)
	}
	// The style sheet applied and the scripts ran: a page without them
	// would still show its text.
	styled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const css = [...document.styleSheets].some(s => s.href && s.href.includes("/duban/static/") && s.cssRules.length > 0);
		return css && typeof htmx !== "undefined" && getComputedStyle(document.querySelector("header.topbar")).display !== "inline";
	})()`))
	if err != nil || !styled {
		t.Errorf("the task list's style sheet or scripts did not load through nginx (%v)", err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`table a[href^="/duban/tasks/"]`)),
		chromedp.WaitVisible(chromedp.CSS("h1 .seq")),
		browsertest.Shot(dir, "nginx-duban-task"),
		chromedp.Click(chromedp.CSS("details.usermenu summary")),
		chromedp.WaitVisible(chromedp.CSS(".usermenu-panel button")),
		chromedp.Click(chromedp.CSS(".usermenu-panel button")),
		chromedp.WaitVisible(chromedp.CSS("#username")),
	)
	if err != nil {
		t.Fatal(err)
	}
	if here, _ := chromedp.Run(ctx, chromedp.Location()); here != front+"/duban/signin" {
		t.Errorf("signed out to %q, want %s/duban/signin", here, front)
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("console: %v", p)
	}
}
