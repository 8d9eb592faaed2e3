package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxResponse bounds what we read of a peer's answer: the robots answer in
// a few dozen bytes, and an error page is only useful for its first lines.
const maxResponse = 64 << 10

// defaultTimeout bounds one send when the caller gives no *http.Client, so
// a hung peer cannot hold an outbox lease forever.
const defaultTimeout = 15 * time.Second

func httpClient(c *http.Client) *http.Client {
	if c != nil {
		return c
	}
	return &http.Client{Timeout: defaultTimeout}
}

// postJSON posts body to url and returns the response body of a 2xx answer,
// or a classified *Error. now is the channel's clock, against which a
// Retry-After date is read.
func postJSON(ctx context.Context, c *http.Client, now func() time.Time, channel, url string, body []byte, header http.Header) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, permanent(channel, 0, fmt.Errorf("build request: %w", err))
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := httpClient(c).Do(req)
	if err != nil {
		// The request never got an answer: DNS, refused, reset, timeout.
		return nil, retryable(channel, 0, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return nil, retryable(channel, resp.StatusCode, fmt.Errorf("read response: %w", err))
	}
	if e := classifyStatus(channel, resp.StatusCode, strings.TrimSpace(string(data))); e != nil {
		e.RetryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), now())
		return nil, e
	}
	return data, nil
}

// parseRetryAfter reads either form RFC 9110 allows: seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// robotReply is the answer both DingTalk and WeCom robots give, with HTTP
// 200 even when the message was refused.
type robotReply struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// checkRobotReply classifies a robot's errcode; the codes that mean "not
// now" differ per robot and are passed in. -1 is "系统繁忙" on both.
func checkRobotReply(channel string, data []byte, retryCodes ...int) error {
	var r robotReply
	if err := json.Unmarshal(data, &r); err != nil {
		// A 2xx that is not the robot's JSON is most likely a proxy or
		// captive portal in the way, which may go away.
		return retryable(channel, 0, fmt.Errorf("unexpected reply %q: %w", truncate(string(data), 200), err))
	}
	if r.ErrCode == 0 {
		return nil
	}
	err := fmt.Errorf("errcode %d: %s", r.ErrCode, r.ErrMsg)
	if r.ErrCode == -1 {
		return retryable(channel, r.ErrCode, err)
	}
	for _, c := range retryCodes {
		if r.ErrCode == c {
			return retryable(channel, r.ErrCode, err)
		}
	}
	return permanent(channel, r.ErrCode, err)
}

// truncate cuts s to at most n bytes without splitting a UTF-8 sequence,
// since the robots reject invalid UTF-8 and Chinese text is 3 bytes a rune.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
