package notify

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Header names of a signed webhook request.
const (
	HeaderTimestamp   = "X-Duban-Timestamp"
	HeaderSignature   = "X-Duban-Signature"
	HeaderIdempotency = "Idempotency-Key"
)

// WebhookPayload is the JSON body duban posts to a generic webhook.
type WebhookPayload struct {
	Key    string    `json:"key"`
	Title  string    `json:"title"`
	Text   string    `json:"text"`
	Link   string    `json:"link"`
	SentAt time.Time `json:"sent_at"`
}

// Webhook posts each message as signed JSON to a receiver the office runs
// itself (an OA system, a message bus bridge).
type Webhook struct {
	URL    string
	Secret string
	// Client is used for the request; nil means a client with a timeout.
	Client *http.Client
	// Now is the clock for sent_at and the signature; nil means time.Now.
	Now func() time.Time
}

// NewWebhook returns a webhook channel after checking its configuration.
func NewWebhook(rawURL, secret string) (*Webhook, error) {
	if err := checkURL("webhook", rawURL); err != nil {
		return nil, err
	}
	if secret == "" {
		// An unsigned webhook lets anyone who learns the URL forge notices.
		return nil, permanent("webhook", 0, errors.New("secret is required"))
	}
	return &Webhook{URL: rawURL, Secret: secret}, nil
}

// Name implements Channel.
func (w *Webhook) Name() string { return "webhook" }

// Send implements Channel.
func (w *Webhook) Send(ctx context.Context, m Message) error {
	now := clock(w.Now)()
	body, err := json.Marshal(WebhookPayload{Key: m.Key, Title: m.Title, Text: m.Text, Link: m.Link, SentAt: now.UTC()})
	if err != nil {
		return permanent(w.Name(), 0, err)
	}
	ts := strconv.FormatInt(now.Unix(), 10)
	h := http.Header{}
	h.Set(HeaderTimestamp, ts)
	h.Set(HeaderSignature, SignWebhook(w.Secret, ts, body))
	h.Set(HeaderIdempotency, m.Key)
	_, err = postJSON(ctx, w.Client, clock(w.Now), w.Name(), w.URL, body, h)
	return err
}

// SignWebhook returns the hex HMAC-SHA256 of timestamp + "." + body. The
// timestamp is inside the MAC so that a captured request cannot be replayed
// later with a fresh timestamp.
func SignWebhook(secret, timestamp string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(timestamp))
	mac.Write([]byte("."))
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// Errors VerifyWebhook returns.
var (
	ErrBadSignature = errors.New("notify: webhook signature mismatch")
	ErrStale        = errors.New("notify: webhook timestamp outside allowed skew")
)

// VerifyWebhook checks a received webhook request, for receivers written in
// Go and as the reference for others: the signature must match and the
// timestamp must lie within maxSkew of now, which bounds replays.
func VerifyWebhook(secret string, header http.Header, body []byte, now time.Time, maxSkew time.Duration) error {
	ts := header.Get(HeaderTimestamp)
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("notify: bad %s %q: %w", HeaderTimestamp, ts, err)
	}
	got, err := hex.DecodeString(header.Get(HeaderSignature))
	if err != nil {
		return ErrBadSignature
	}
	want, _ := hex.DecodeString(SignWebhook(secret, ts, body))
	if !hmac.Equal(got, want) {
		return ErrBadSignature
	}
	if d := now.Sub(time.Unix(sec, 0)); d > maxSkew || d < -maxSkew {
		return ErrStale
	}
	return nil
}

func clock(now func() time.Time) func() time.Time {
	if now != nil {
		return now
	}
	return time.Now
}

// checkURL rejects a URL that can never work, so that a typo in the
// configuration is reported at start-up and not as a dead letter later.
func checkURL(channel, raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return permanent(channel, 0, fmt.Errorf("bad url: %w", err))
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return permanent(channel, 0, fmt.Errorf("bad url %q: want http(s)://host/…", raw))
	}
	return nil
}
