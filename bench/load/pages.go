package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// collectCursors walks the whole task list once, 50 a page, and returns
// every page's cursor: the random pages the cursor target opens.
func collectCursors(ctx context.Context, base, token string) ([]string, error) {
	var cursors []string
	cursor := ""
	for range 100000 {
		req, err := http.NewRequestWithContext(ctx, "GET", base+"/api/v1/tasks?limit=50&cursor="+cursor, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		var page struct {
			NextCursor string `json:"next_cursor"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("walking the list: %d %v", resp.StatusCode, err)
		}
		if page.NextCursor == "" {
			break
		}
		cursors = append(cursors, page.NextCursor)
		cursor = page.NextCursor
	}
	if len(cursors) == 0 {
		return nil, fmt.Errorf("walking the list: one page only")
	}
	return cursors, nil
}

// rssLimit is what the process may hold while clients fill the response
// cache with distinct answers.
const rssLimit = 200 << 20

// rssCheck starts the server alone in a process of its own (this program
// with -serve-child) over the seeded database, has conc clients send it
// distinct list URLs (random pages of random sizes, each its own cache
// entry) for 20 s, samples its resident memory from /proc every 100 ms,
// and fails if it ever passes rssLimit.
func rssCheck(ctx context.Context, dir, dsn, token string, tasks, conc int) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, self, "-serve-child", dir, "-db", dsn)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { stdin.Close(); cmd.Wait() }()
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		return fmt.Errorf("the server child: %w", err)
	}
	base := "http://" + strings.TrimSpace(addr)
	pid := cmd.Process.Pid
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conc}, Timeout: 30 * time.Second}
	start, _ := rss(pid)
	var peak int64
	var sent int64
	var failed []error
	var mu sync.Mutex
	var wg sync.WaitGroup
	for c := range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ctx.Err() == nil; i++ {
				u := fmt.Sprintf("%s/api/v1/tasks?limit=%d&offset=%d&c=%d&i=%d", base, 20+rand.IntN(80), rand.IntN(max(tasks-100, 1)), c, i)
				req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
				req.Header.Set("Authorization", "Bearer "+token)
				resp, err := client.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						mu.Lock()
						failed = append(failed, err)
						mu.Unlock()
					}
					continue
				}
				if resp.StatusCode != http.StatusOK {
					mu.Lock()
					failed = append(failed, fmt.Errorf("GET %s: %s", u, resp.Status))
					mu.Unlock()
				}
				var b bytes.Buffer
				b.ReadFrom(resp.Body)
				resp.Body.Close()
				mu.Lock()
				sent++
				mu.Unlock()
			}
		}()
	}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for ctx.Err() == nil {
		select {
		case <-ctx.Done():
		case <-tick.C:
			if r, err := rss(pid); err == nil && r > peak {
				peak = r
			}
		}
	}
	wg.Wait()
	if len(failed) > 0 {
		return fmt.Errorf("%d requests failed, the first: %w", len(failed), failed[0])
	}
	verdict := "under"
	if peak >= rssLimit {
		verdict = "OVER"
	}
	fmt.Printf("server RSS with %d clients sending %d distinct list URLs for 20 s: %d MiB at start, peak %d MiB (%s the %d MiB limit)\n",
		conc, sent, start>>20, peak>>20, verdict, rssLimit>>20)
	if peak >= rssLimit {
		return fmt.Errorf("RSS peaked at %d MiB", peak>>20)
	}
	return nil
}

// rss is a process's resident set size, from /proc/<pid>/status.
func rss(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmRSS in /proc/self/status")
}
