package notify

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"
)

func TestWebhookSend(t *testing.T) {
	const secret = "webhook-secret"
	tests := []struct {
		name      string
		status    int
		retryAt   string
		wantErr   bool
		retryable bool
	}{
		{name: "accepted", status: http.StatusNoContent},
		{name: "server error", status: http.StatusBadGateway, wantErr: true, retryable: true},
		{name: "too many requests", status: http.StatusTooManyRequests, retryAt: "120", wantErr: true, retryable: true},
		// A date is read against the channel's clock, not the machine's.
		{name: "too many requests until a date", status: http.StatusTooManyRequests, retryAt: "now+2m", wantErr: true, retryable: true},
		{name: "bad request", status: http.StatusBadRequest, wantErr: true},
		{name: "gone", status: http.StatusGone, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got WebhookPayload
			now := time.Now().Truncate(time.Second)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				body, _ := io.ReadAll(r.Body)
				// The receiver checks against its own clock: the real one.
				if err := VerifyWebhook(secret, r.Header, body, time.Now(), 5*time.Minute); err != nil {
					t.Errorf("VerifyWebhook: %v", err)
					http.Error(w, err.Error(), http.StatusUnauthorized)
					return
				}
				if r.Header.Get("Content-Type") != "application/json; charset=utf-8" || r.Header.Get(HeaderIdempotency) != "remind/task/42/2025-03-14" {
					t.Errorf("headers %v", r.Header)
				}
				if err := json.Unmarshal(body, &got); err != nil {
					t.Errorf("body %s: %v", body, err)
				}
				switch tt.retryAt {
				case "":
				case "now+2m":
					w.Header().Set("Retry-After", now.Add(2*time.Minute).UTC().Format(http.TimeFormat))
				default:
					w.Header().Set("Retry-After", tt.retryAt)
				}
				w.WriteHeader(tt.status)
			}))
			defer srv.Close()
			ch, err := NewWebhook(srv.URL+"/hook", secret)
			if err != nil {
				t.Fatal(err)
			}
			ch.Now = func() time.Time { return now }
			m := testMessage()
			err = ch.Send(context.Background(), m)
			if (err != nil) != tt.wantErr || IsRetryable(err) != tt.retryable {
				t.Fatalf("Send err = %v (retryable %v), want err %v retryable %v", err, IsRetryable(err), tt.wantErr, tt.retryable)
			}
			if got.Key != m.Key || got.Title != m.Title || got.Text != m.Text || got.Link != m.Link || !got.SentAt.Equal(now) {
				t.Errorf("payload = %+v", got)
			}
			if tt.retryAt != "" && retryAfter(err) != 2*time.Minute {
				t.Errorf("RetryAfter = %v", retryAfter(err))
			}
		})
	}
}

func TestVerifyWebhook(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	body := []byte(`{"key":"k"}`)
	sign := func(ts int64, b []byte, secret string) http.Header {
		h := http.Header{}
		s := strconv.FormatInt(ts, 10)
		h.Set(HeaderTimestamp, s)
		h.Set(HeaderSignature, SignWebhook(secret, s, b))
		return h
	}
	tests := []struct {
		name   string
		header http.Header
		body   []byte
		want   error
	}{
		{"valid", sign(now.Unix(), body, "s"), body, nil},
		{"valid within skew", sign(now.Unix()-299, body, "s"), body, nil},
		{"stale", sign(now.Unix()-301, body, "s"), body, ErrStale},
		{"future", sign(now.Unix()+301, body, "s"), body, ErrStale},
		{"wrong secret", sign(now.Unix(), body, "other"), body, ErrBadSignature},
		{"body changed", sign(now.Unix(), body, "s"), []byte(`{"key":"K"}`), ErrBadSignature},
		{"not hex", http.Header{HeaderTimestamp: {"1700000000"}, HeaderSignature: {"zz"}}, body, ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := VerifyWebhook("s", tt.header, tt.body, now, 5*time.Minute)
			if !errors.Is(err, tt.want) {
				t.Errorf("VerifyWebhook = %v, want %v", err, tt.want)
			}
		})
	}
	if err := VerifyWebhook("s", http.Header{}, body, now, time.Minute); err == nil {
		t.Error("missing timestamp accepted")
	}
}

func TestWebhookUnreachable(t *testing.T) {
	ch, err := NewWebhook("http://"+closedAddr(t)+"/hook", "s")
	if err != nil {
		t.Fatal(err)
	}
	if err := ch.Send(context.Background(), testMessage()); !IsRetryable(err) {
		t.Errorf("Send to closed port = %v, want retryable", err)
	}
	if _, err := NewWebhook("ftp://example.com", "s"); err == nil {
		t.Error("ftp URL accepted")
	}
	if _, err := NewWebhook("http://127.0.0.1/", ""); err == nil {
		t.Error("empty secret accepted")
	}
}
