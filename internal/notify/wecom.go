package notify

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// WeCom errcodes and limits with a meaning here.
const (
	// WeComRateLimited is "api freq out of limit" (20 messages a minute).
	WeComRateLimited = 45009
	// WeCom refuses markdown content over 4096 bytes and text over 2048.
	weComMarkdownMax = 4096
	weComTextMax     = 2048
)

// WeCom posts to a WeCom (企业微信) group robot. The key in the URL is the
// only credential; WeCom robots have no signing.
type WeCom struct {
	// URL is https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=….
	URL       string
	PlainText bool
	Client    *http.Client
	// Now is the clock a Retry-After date is read against; nil means
	// time.Now.
	Now func() time.Time
}

// NewWeCom returns a WeCom robot channel after checking its URL.
func NewWeCom(rawURL string) (*WeCom, error) {
	if err := checkURL("wecom", rawURL); err != nil {
		return nil, err
	}
	return &WeCom{URL: rawURL}, nil
}

// Name implements Channel.
func (w *WeCom) Name() string { return "wecom" }

// Send implements Channel. Over-long text is cut rather than refused, since
// a truncated 督办 notice with its link still does its job and a refused
// one does not.
func (w *WeCom) Send(ctx context.Context, m Message) error {
	var msg any
	if w.PlainText {
		msg = map[string]any{"msgtype": "text", "text": map[string]string{"content": fit(m, weComTextMax, plainText)}}
	} else {
		msg = map[string]any{"msgtype": "markdown", "markdown": map[string]string{"content": fit(m, weComMarkdownMax, markdownText)}}
	}
	body, err := json.Marshal(msg)
	if err != nil {
		return permanent(w.Name(), 0, err)
	}
	data, err := postJSON(ctx, w.Client, clock(w.Now), w.Name(), w.URL, body, nil)
	if err != nil {
		return err
	}
	return checkRobotReply(w.Name(), data, WeComRateLimited)
}

// fit renders m within limit bytes by shortening Text, so that the title
// and the link — the parts a reader acts on — survive.
func fit(m Message, limit int, render func(Message) string) string {
	s := render(m)
	if len(s) <= limit {
		return s
	}
	const ellipsis = "…"
	keep := len(m.Text) - (len(s) - limit) - len(ellipsis)
	m.Text = truncate(m.Text, max(keep, 0)) + ellipsis
	return truncate(render(m), limit)
}
