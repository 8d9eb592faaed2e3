package deploy

import (
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/cli"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/notify"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/testpg"
)

func TestMain(m *testing.M) { testpg.Main(m) }

// cluster is what the several-instances test runs against: the seeded
// database and the tokens of its two users.
type cluster struct {
	dsn                         string
	unitID                      int64 // the liaison's unit
	officeToken, liaisonToken   string
	liaisonTasks                []int64
	ticketServices              []string
	overdueTasks, webhookSecret string
}

// seedCluster fills a fresh PostgreSQL database, as one duban would,
// with what the load needs: two units, a plan of tasks whose deadlines
// are past (so the scheduler has reminders to send), a 12345 category
// routed to a unit, and an office and a liaison account with API tokens.
func seedCluster(t *testing.T, dsn string, tasks int) *cluster {
	t.Helper()
	ctx := context.Background()
	cfg := config.Defaults()
	cfg.TOTPRequiredRoles = nil
	cfg.DataDir, cfg.DB, cfg.LogLevel, cfg.Scheduler = t.TempDir(), dsn, "error", false
	app, err := cli.Open(ctx, cfg, &cli.Env{Stdout: io.Discard, Stderr: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	db, sys := app.Store, audit.System
	var units []int64
	for _, name := range []string{"市财政局", "市法制办"} {
		u, err := db.CreateUnit(ctx, sys, records.UnitCreate{Name: name, Kind: records.UnitDepartment})
		if err != nil {
			t.Fatal(err)
		}
		units = append(units, u.ID)
	}
	plan := &plandoc.Plan{Title: "多实例演练方案", Year: 2026}
	for i := range tasks {
		due := time.Now().AddDate(0, 0, -10-i%20).Format(time.DateOnly)
		plan.Tasks = append(plan.Tasks, plandoc.Task{Path: []string{fmt.Sprint(i + 1)}, Title: fmt.Sprintf("多实例演练任务%d", i+1),
			Text: fmt.Sprintf("演练任务%d：按期报送进展。", i+1), Units: []string{"市财政局"}, LeadUnits: []string{"市财政局"},
			Deadlines: []plandoc.Deadline{{Text: due, Due: due}}})
	}
	sum := sha256.Sum256([]byte(plan.Title))
	if _, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "多实例演练方案.txt", SourceSHA256: hex.EncodeToString(sum[:]),
		Format: "text", Plan: plan}); err != nil {
		t.Fatal(err)
	}
	// Registered a month ago, as a plan under way would be: a task
	// registered today (perhaps a day off) owes no reminder yet.
	pg, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	if _, err := pg.ExecContext(ctx, `UPDATE tasks SET registered_at = registered_at - INTERVAL '30 days'`); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveTicketService(ctx, sys, records.TicketService{Code: "cz-bt", Name: "补贴发放", Path: "财政/补贴发放", Type: "help",
		UnitID: units[0], Active: true}); err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword("Multi#Test2026")
	if err != nil {
		t.Fatal(err)
	}
	office, err := db.CreateUser(ctx, sys, records.UserCreate{Username: "multi-office", PasswordHash: hash, Role: authz.Office})
	if err != nil {
		t.Fatal(err)
	}
	liaison, err := db.CreateUser(ctx, sys, records.UserCreate{Username: "multi-liaison", PasswordHash: hash, Role: authz.Liaison, Units: units[:1]})
	if err != nil {
		t.Fatal(err)
	}
	c := &cluster{dsn: dsn, unitID: units[0], ticketServices: []string{"cz-bt"}, webhookSecret: "multi-instance-webhook-secret"}
	if c.officeToken, err = app.Signin.Issue(ctx, sys, office.ID, records.SessionAPI, "multi", "127.0.0.1"); err != nil {
		t.Fatal(err)
	}
	if c.liaisonToken, err = app.Signin.Issue(ctx, sys, liaison.ID, records.SessionAPI, "multi", "127.0.0.1"); err != nil {
		t.Fatal(err)
	}
	mine, _, err := db.FindTasks(ctx, records.TaskFilter{UnitID: units[0], Limit: tasks})
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range mine {
		c.liaisonTasks = append(c.liaisonTasks, task.ID)
	}
	if len(c.liaisonTasks) != tasks {
		t.Fatalf("seeded %d tasks of the liaison's unit, want %d", len(c.liaisonTasks), tasks)
	}
	return c
}

// webhookPeer is the office's webhook receiver on loopback: it counts
// every delivery by its Idempotency-Key, after checking the signature.
type webhookPeer struct {
	srv    *httptest.Server
	mu     sync.Mutex
	counts map[string]int
}

func newWebhookPeer(t *testing.T, secret string) *webhookPeer {
	p := &webhookPeer{counts: map[string]int{}}
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if notify.SignWebhook(secret, r.Header.Get(notify.HeaderTimestamp), body) != r.Header.Get(notify.HeaderSignature) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		p.mu.Lock()
		p.counts[r.Header.Get(notify.HeaderIdempotency)]++
		p.mu.Unlock()
	}))
	t.Cleanup(p.srv.Close)
	return p
}

func (p *webhookPeer) deliveries() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]int, len(p.counts))
	for k, v := range p.counts {
		out[k] = v
	}
	return out
}

// freePort is a loopback port no one listened on a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// instance is one `duban serve` process.
type instance struct {
	name string
	addr string
	cmd  *exec.Cmd
	done chan struct{}
}

// startInstance runs bin serve on its own data folder and port, on the
// cluster's database, with the scheduler ticking every second and
// delivering to the webhook peer.
func startInstance(t *testing.T, bin, name string, c *cluster, hook, baseURL string) *instance {
	t.Helper()
	in := &instance{name: name, addr: fmt.Sprintf("127.0.0.1:%d", freePort(t)), done: make(chan struct{})}
	in.cmd = exec.Command(bin, "serve", "-addr", in.addr, "-data", t.TempDir(), "-db", c.dsn, "-base-url", baseURL,
		"-scheduler", "-scheduler-interval", "1s", "-notify-webhook-url", hook, "-notify-webhook-secret", c.webhookSecret,
		"-trusted-proxies", "127.0.0.1/32", "-totp-required-roles=", "-log-level", "warn")
	in.cmd.Env = append(os.Environ(), "TZ=UTC")
	in.cmd.Stdout, in.cmd.Stderr = prefixed(t, name), prefixed(t, name)
	if err := in.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { in.cmd.Wait(); close(in.done) }()
	t.Cleanup(func() {
		in.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-in.done:
		case <-time.After(10 * time.Second):
			in.cmd.Process.Kill()
			<-in.done
		}
	})
	return in
}

// waitReady waits until url answers 200, or the process ends.
func waitReady(t *testing.T, url string, exited <-chan struct{}) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		select {
		case <-exited:
			t.Fatalf("%s: the process ended before it was ready", url)
		default:
		}
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
	}
	t.Fatalf("%s: not ready in 30 s", url)
}

// startHAProxy runs Debian's haproxy with deploy/haproxy-duban.cfg, its
// listening address and servers replaced by the test's, and returns the
// balancer's base URL. Without haproxy the test skips, and under CI
// (CI=true) fails, as the PostgreSQL tests do.
func startHAProxy(t *testing.T, backends []*instance) string {
	t.Helper()
	bin, err := exec.LookPath("haproxy")
	if err != nil {
		bin = "/usr/sbin/haproxy"
		if _, err := os.Stat(bin); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatal("haproxy is not installed (scripts/test.sh installs it): the several-instances test cannot run")
			}
			t.Skip("haproxy is not installed (apt-get install haproxy, or run scripts/test.sh)")
		}
	}
	cfg, err := os.ReadFile("haproxy-duban.cfg")
	if err != nil {
		t.Fatal(err)
	}
	lb := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	text := regexp.MustCompile(`(?m)^(\s*bind )\S+`).ReplaceAllString(string(cfg), "${1}"+lb)
	servers := regexp.MustCompile(`(?m)^\s*server duban\d+ \S+ check\n`)
	if n := len(servers.FindAllString(text, -1)); n != len(backends) {
		t.Fatalf("haproxy-duban.cfg has %d server lines, the test runs %d instances", n, len(backends))
	}
	i := 0
	text = servers.ReplaceAllStringFunc(text, func(string) string {
		b := backends[i]
		i++
		return fmt.Sprintf("    server %s %s check\n", b.name, b.addr)
	})
	path := filepath.Join(t.TempDir(), "haproxy.cfg")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-db", "-f", path)
	cmd.Stdout, cmd.Stderr = prefixed(t, "haproxy"), prefixed(t, "haproxy")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() { cmd.Process.Kill(); <-done })
	base := "http://" + lb
	waitReady(t, base+"/readyz", done)
	return base
}

// prefixed is a writer that logs each line of a process's output.
func prefixed(t *testing.T, name string) io.Writer {
	r, w := io.Pipe()
	go func() {
		s := bufio.NewScanner(r)
		for s.Scan() {
			if line := strings.TrimSpace(s.Text()); line != "" {
				fmt.Fprintf(os.Stderr, "%s: %s\n", name, line)
			}
		}
	}()
	t.Cleanup(func() { w.Close() })
	return w
}
