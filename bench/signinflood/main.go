// Command signinflood is the sign-in flood of issue 13 against a real
// `duban serve`: it starts the binary on a temporary folder with the demo
// accounts, records its resident memory (VmRSS, and the peak VmHWM, from
// /proc/PID/status), fires anonymous sign-ins with wrong passwords over
// loopback (300 of them, 60 at a time, by default) with a real HTTP client,
// reads the memory again, and then signs in correctly as a demo leader —
// waiting once for Retry-After if the address was throttled.
//
//	go build -o /tmp/duban ./cmd/duban && go run ./bench/signinflood -duban /tmp/duban
//	go run ./bench/signinflood -duban /tmp/duban -- --signin-address-per-minute 0 --signin-account-per-minute 0
//
// Arguments after -- are passed to `duban serve`. Linux only (/proc).
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	bin := flag.String("duban", "duban", "the duban binary")
	n := flag.Int("n", 300, "sign-in attempts in the flood")
	c := flag.Int("c", 60, "attempts at once")
	flag.Parse()
	if err := run(*bin, *n, *c, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "signinflood:", err)
		os.Exit(1)
	}
}

func run(bin string, n, c int, extra []string) error {
	dir, err := os.MkdirTemp("", "duban-flood-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	args := append([]string{"serve", "--data", filepath.Join(dir, "data"), "--addr", addr, "--demo", "--scheduler=false", "--log-level", "error"}, extra...)
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}()
	base := "http://" + addr
	if err := waitUp(base, 60*time.Second); err != nil {
		return fmt.Errorf("%w: %s", err, stderr.String())
	}
	pid := cmd.Process.Pid
	before, _, err := memory(pid)
	if err != nil {
		return err
	}

	var peak atomic.Int64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			if rss, _, err := memory(pid); err == nil && rss > peak.Load() {
				peak.Store(rss)
			}
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()

	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: c, MaxConnsPerHost: c}}
	statuses := map[int]int{}
	var mu sync.Mutex
	jobs := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < c; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				// Half on names that exist (wrong password), half on names that
				// do not; the leader signing in afterwards is left alone (a
				// flood on one name locks that account, as it should).
				name := fmt.Sprintf("nobody%d", i)
				if i%2 == 0 {
					name = []string{"ducha", "sysadmin", "secadmin", "caizheng"}[i/2%4]
				}
				st, _, err := signIn(client, base, name, fmt.Sprintf("Wrong#Guess%d", i))
				mu.Lock()
				if err != nil {
					statuses[-1]++
				} else {
					statuses[st]++
				}
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	took := time.Since(start)
	close(stop)
	<-sampled
	after, hwm, err := memory(pid)
	if err != nil {
		return err
	}

	// A good sign-in afterwards: a leader has no second factor.
	good, retry, err := signIn(client, base, "lingdao", "Duban@2026")
	waited := time.Duration(0)
	if err == nil && good == http.StatusTooManyRequests {
		waited = retry
		time.Sleep(retry)
		good, _, err = signIn(client, base, "lingdao", "Duban@2026")
	}
	if err != nil {
		return err
	}
	fmt.Printf("flood: %d sign-ins, %d at a time, in %s; answers %v (-1 = transport error)\n", n, c, took.Round(time.Millisecond), statuses)
	fmt.Printf("VmRSS before %.1f MB, sampled peak %.1f MB, after %.1f MB; VmHWM (peak) %.1f MB\n",
		mb(before), mb(max(peak.Load(), after)), mb(after), mb(hwm))
	fmt.Printf("good sign-in afterwards: %d (after waiting %s for Retry-After)\n", good, waited)
	if good != http.StatusCreated {
		return errors.New("the good sign-in failed")
	}
	if hwm > 400<<20 {
		return fmt.Errorf("peak resident memory %.1f MB is over 400 MB", mb(hwm))
	}
	return nil
}

// signIn posts a token request and returns the status and Retry-After.
func signIn(client *http.Client, base, user, password string) (int, time.Duration, error) {
	body, _ := json.Marshal(map[string]string{"username": user, "password": password})
	resp, err := client.Post(base+"/api/v1/auth/token", "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
	return resp.StatusCode, time.Duration(secs) * time.Second, nil
}

// memory reads VmRSS and VmHWM of pid, in bytes.
func memory(pid int) (rss, hwm int64, err error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok || (k != "VmRSS" && k != "VmHWM") {
			continue
		}
		kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		if k == "VmRSS" {
			rss = kb << 10
		} else {
			hwm = kb << 10
		}
	}
	return rss, hwm, sc.Err()
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func waitUp(base string, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	for ctx.Err() == nil {
		if resp, err := http.Get(base + "/signin"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return errors.New("duban serve did not start")
}
