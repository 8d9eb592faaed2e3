package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// target is one endpoint to drive.
type target struct {
	key, name, url, method string
	bearer, cookie         string
	progress               []int64 // for progress reports: the tasks to report on
	// bust adds a parameter the server ignores but the response cache
	// keys on, different for every request: the cost without the cache.
	bust bool
	// intake makes each request's body and its content type: a new
	// ticket every time.
	intake func() (body, contentType string)
	// next, when set, makes each request's URL (a random page, a random
	// search).
	next func() string
}

type result struct {
	rate     float64
	p50, p99 time.Duration
	errors   int64
}

// drive runs conc clients in a closed loop against tg for dur or until
// maxReq requests, and returns the rate and latency percentiles.
func drive(ctx context.Context, tg target, conc int, dur time.Duration, maxReq int) result {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conc, MaxConnsPerHost: conc}, Timeout: 30 * time.Second}
	ctx, cancel := context.WithTimeout(ctx, dur)
	defer cancel()
	var sent, errs atomic.Int64
	var mu sync.Mutex
	var lat []time.Duration
	var wg sync.WaitGroup
	start := time.Now()
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for ctx.Err() == nil && sent.Add(1) <= int64(maxReq) {
				req, err := tg.request(ctx)
				if err != nil {
					errs.Add(1)
					continue
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						errs.Add(1)
					}
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode >= 400 {
					errs.Add(1)
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(lat)
	r := result{errors: errs.Load()}
	if len(lat) > 0 {
		r.rate = float64(len(lat)) / elapsed.Seconds()
		r.p50 = lat[len(lat)/2]
		r.p99 = lat[len(lat)*99/100]
	}
	return r
}

func (tg target) request(ctx context.Context) (*http.Request, error) {
	url, body, ct := tg.url, io.Reader(nil), "application/json"
	if tg.next != nil {
		url = tg.next()
	}
	if tg.bust {
		url = fmt.Sprintf("%s&_=%d", url, rand.Int64())
	}
	if tg.progress != nil {
		id := tg.progress[rand.IntN(len(tg.progress))]
		url = fmt.Sprintf("%s/api/v1/tasks/%d/progress", tg.url, id)
		body = strings.NewReader(`{"text":"本周完成现场督查，整改推进中","percent":60}`)
	}
	if tg.intake != nil {
		var b string
		b, ct = tg.intake()
		body = strings.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, tg.method, url, body)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", ct)
	}
	if tg.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+tg.bearer)
	}
	if tg.cookie != "" {
		req.Header.Set("Cookie", "duban_session="+tg.cookie)
	}
	return req, nil
}
