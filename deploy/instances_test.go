package deploy

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/duban/duban/internal/testpg"
)

// ack is a write the balancer acknowledged (2xx): a progress report with
// the SHA-256 of its attachment, or a ticket.
type ack struct {
	kind   string // report, ticket
	id     int64
	sha256 string
}

// TestSeveralInstancesBehindHAProxy: three `duban serve` on one
// PostgreSQL behind HAProxy (deploy/haproxy-duban.cfg), the scheduler on
// in each. Progress reports with attachments and 12345 tickets go through
// the balancer from concurrent clients; a third of the way in, one
// instance is killed (SIGKILL) and the load goes on; then major incidents
// are recorded, for the survivors' schedulers to alert on. Afterwards
// every acknowledged write is in the database, every notification the
// schedulers queued (reminders before the kill, alerts after) reached the
// webhook peer exactly once, and every attachment is
// downloadable, byte for byte, from each surviving instance directly —
// though each was uploaded to whichever instance the balancer chose —
// and the sign-in throttle holds across the survivors.
func TestSeveralInstancesBehindHAProxy(t *testing.T) {
	const (
		tasks   = 40
		reports = 450
		tickets = 450
		clients = 12
	)
	began := time.Now()
	dsn := testpg.DSN(t)
	bin := build(t, runtime.GOARCH)
	built := time.Since(began)
	c := seedCluster(t, dsn, tasks)
	peer := newWebhookPeer(t, c.webhookSecret)
	lbPort := freePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d", lbPort)
	var inst []*instance
	for i := range 3 {
		inst = append(inst, startInstance(t, bin, fmt.Sprintf("duban%d", i+1), c, peer.srv.URL, base))
	}
	for _, in := range inst {
		waitReady(t, "http://"+in.addr+"/readyz", in.done)
	}
	base = startHAProxy(t, inst)
	t.Logf("built in %s; three instances and HAProxy ready at %s", built.Round(time.Millisecond), time.Since(began).Round(time.Millisecond))
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The scheduler of one instance or another records the overdue tasks'
	// reminders and delivers them; the kill waits for that, so that it
	// never falls between a delivery and its record (which would send it
	// again after the lease: at least once, as README says).
	queued := waitDelivered(t, db)
	if queued == 0 {
		t.Fatal("the scheduler queued no webhook notification for the overdue tasks")
	}

	jobs := make(chan int)
	var (
		mu      sync.Mutex
		acked   []ack
		refused atomic.Int64
		sent    atomic.Int64
		killed  = make(chan struct{})
	)
	victim := inst[1]
	client := &http.Client{Timeout: 30 * time.Second}
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range jobs {
				a, ok := send(t, client, base, c, n, n%2 == 0)
				if !ok {
					refused.Add(1)
					continue
				}
				mu.Lock()
				acked = append(acked, a)
				mu.Unlock()
			}
		}()
	}
	for n := range reports + tickets {
		if n == (reports+tickets)/3 {
			if err := victim.cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			close(killed)
		}
		jobs <- n
		sent.Add(1)
	}
	close(jobs)
	wg.Wait()
	took := time.Since(start)
	<-victim.done
	t.Logf("%d writes through the balancer in %s (%.0f/s), %d acknowledged, %d refused around the kill of %s",
		sent.Load(), took.Round(time.Millisecond), float64(sent.Load())/took.Seconds(), len(acked), refused.Load(), victim.name)
	if int(refused.Load()) > clients*2 {
		t.Errorf("%d writes refused: the balancer did not move the load off the killed instance", refused.Load())
	}

	// Every acknowledged write is in the database.
	var reportsAcked, ticketsAcked int
	for _, a := range acked {
		var n int
		q := `SELECT COUNT(*) FROM tickets WHERE id = $1`
		if a.kind == "report" {
			q = `SELECT COUNT(*) FROM attachments WHERE owner_type = 'report' AND owner_id = $1 AND sha256 = $2`
			reportsAcked++
		} else {
			ticketsAcked++
		}
		args := []any{a.id}
		if a.kind == "report" {
			args = append(args, a.sha256)
		}
		if err := db.QueryRow(q, args...).Scan(&n); err != nil || n != 1 {
			t.Errorf("acknowledged %s %d: %d rows in the database, %v", a.kind, a.id, n, err)
		}
	}
	if reportsAcked == 0 || ticketsAcked == 0 {
		t.Fatalf("acknowledged %d reports and %d tickets: both kinds must get through", reportsAcked, ticketsAcked)
	}

	// Notifications after the kill: major incidents recorded six hours
	// after they happened are past their 5-hour clock, and the survivors'
	// schedulers alert on each.
	const incidents = 10
	for i := range incidents {
		b, _ := json.Marshal(map[string]any{"title": fmt.Sprintf("多实例演练突发事件%d", i+1), "level": "major",
			"occurred_at": time.Now().Add(-6 * time.Hour).Format(time.RFC3339), "unit_id": c.unitID, "summary": "演练"})
		req, _ := http.NewRequest("POST", base+"/api/v1/incidents", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+c.officeToken)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		msg, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("incident %d: %s: %s", i+1, resp.Status, msg)
		}
	}
	waitFor(t, "an alert for every incident", func() bool {
		var n int
		db.QueryRow(`SELECT COUNT(DISTINCT split_part(key, '/', 2)) FROM notifications WHERE channel = 'webhook' AND key LIKE 'incident/%'`).Scan(&n)
		return n == incidents
	})

	// Every notification was delivered exactly once, by whichever
	// instance claimed it.
	queued = waitDelivered(t, db)
	got := peer.deliveries()
	rows, err := db.Query(`SELECT key FROM notifications WHERE channel = 'webhook'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var key string
		rows.Scan(&key)
		if got[key] != 1 {
			t.Errorf("notification %s delivered %d times", key, got[key])
		}
		delete(got, key)
	}
	rows.Close()
	if len(got) > 0 {
		t.Errorf("%d deliveries of notifications the database does not hold", len(got))
	}

	// Every attachment is downloadable from each surviving instance.
	files := 0
	for _, in := range inst {
		if in == victim {
			continue
		}
		for _, a := range acked {
			if a.kind != "report" {
				continue
			}
			var id int64
			if err := db.QueryRow(`SELECT id FROM attachments WHERE owner_type = 'report' AND owner_id = $1`, a.id).Scan(&id); err != nil {
				t.Fatal(err)
			}
			body := get(t, client, fmt.Sprintf("http://%s/api/v1/attachments/%d", in.addr, id), c.liaisonToken)
			if sum := sha256.Sum256(body); hex.EncodeToString(sum[:]) != a.sha256 {
				t.Fatalf("%s: attachment %d: %d bytes that are not the ones uploaded", in.name, id, len(body))
			}
			files++
		}
	}
	t.Logf("writes and notifications checked at %s", time.Since(began).Round(time.Millisecond))
	// The sign-in throttle counts in the database: ten failed sign-ins a
	// minute on one user name, spread over the two survivors, and the
	// eleventh is refused (each instance alone has seen only five or six).
	var survivors []*instance
	for _, in := range inst {
		if in != victim {
			survivors = append(survivors, in)
		}
	}
	if left := time.Until(time.Now().Truncate(time.Minute).Add(time.Minute)); left < 5*time.Second {
		time.Sleep(left) // the eleven attempts fall in one counting minute
	}
	for i := range 11 {
		in := survivors[i%len(survivors)]
		resp, err := client.Post("http://"+in.addr+"/api/v1/auth/token", "application/json",
			bytes.NewReader([]byte(`{"username":"nobody-here","password":"Wrong#Guess2026"}`)))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if want := i == 10; (resp.StatusCode == http.StatusTooManyRequests) != want {
			t.Fatalf("failed sign-in %d on %s: %s; throttled expected: %v", i+1, in.name, resp.Status, want)
		}
	}
	t.Logf("%d reports and %d tickets acknowledged and found; %d notifications delivered once each; %d attachment downloads checked on the 2 survivors",
		reportsAcked, ticketsAcked, queued, files)
}

// send posts write n through the balancer: a progress report with an
// attachment of its own, or a ticket. ok is false unless it was
// acknowledged (2xx).
func send(t *testing.T, client *http.Client, base string, c *cluster, n int, report bool) (ack, bool) {
	var req *http.Request
	var a ack
	if report {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		mw.WriteField("text", fmt.Sprintf("第%d次报送：完成现场核查，整改推进中。", n))
		mw.WriteField("percent", fmt.Sprint(n%100))
		fw, _ := mw.CreateFormFile("attachments", fmt.Sprintf("核查记录%d.txt", n))
		lines := 200 + n%400
		if n%50 == 0 {
			lines = 40_000 // about 1.6 MiB: kept in two pieces
		}
		content := bytes.Repeat([]byte(fmt.Sprintf("核查记录 %d：现场照片与台账一致。\n", n)), lines)
		fw.Write(content)
		mw.Close()
		sum := sha256.Sum256(content)
		a = ack{kind: "report", sha256: hex.EncodeToString(sum[:])}
		req, _ = http.NewRequest("POST", fmt.Sprintf("%s/api/v1/tasks/%d/progress", base, c.liaisonTasks[n%len(c.liaisonTasks)]), &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", "Bearer "+c.liaisonToken)
	} else {
		b, _ := json.Marshal(map[string]any{"service_code": c.ticketServices[0], "type": "help", "urgency": "normal", "channel": "phone",
			"description": fmt.Sprintf("人民路%d号补贴迟迟未发放（第%d次来电）。", n%300, n), "address": fmt.Sprintf("人民路%d号", n%300),
			"caller_name": "张伟", "caller_phone": fmt.Sprintf("139%08d", n)})
		a = ack{kind: "ticket"}
		req, _ = http.NewRequest("POST", base+"/api/v1/tickets", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+c.officeToken)
	}
	resp, err := client.Do(req)
	if err != nil {
		return a, false
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		if resp.StatusCode < 500 { // a refusal of duban's own is a defect, not the kill
			msg, _ := io.ReadAll(resp.Body)
			t.Errorf("write %d: %s: %s", n, resp.Status, msg)
		}
		return a, false
	}
	var out struct {
		ID int64 `json:"id"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.ID == 0 {
		t.Errorf("write %d: acknowledged without an id: %v", n, err)
		return a, false
	}
	a.id = out.ID
	return a, true
}

// get fetches url with a bearer token and returns the body of a 200.
func get(t *testing.T, client *http.Client, url, token string) []byte {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s: %s", url, resp.Status, body)
	}
	return body
}

// waitDelivered waits until the scheduler has queued webhook
// notifications and none is left unsent, and returns how many there are.
func waitDelivered(t *testing.T, db *sql.DB) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		var all, unsent int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(*) FILTER (WHERE status <> 'sent') FROM notifications WHERE channel = 'webhook'`).
			Scan(&all, &unsent); err != nil {
			t.Fatal(err)
		}
		if all > 0 && unsent == 0 {
			return all
		}
		select {
		case <-ctx.Done():
			t.Fatalf("webhook notifications: %d queued, %d unsent after 30 s", all, unsent)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// waitFor waits until cond holds, for at most 30 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited 30 s for %s", what)
		}
	}
}
