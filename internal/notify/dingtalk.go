package notify

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DingTalk errcodes with a meaning here.
const (
	// DingTalkRateLimited is "send too fast, exceed 20 times per minute".
	DingTalkRateLimited = 130101
)

// DingTalk posts to a DingTalk (钉钉) custom group robot.
type DingTalk struct {
	// URL is the robot's webhook, https://oapi.dingtalk.com/robot/send?access_token=….
	URL string
	// Secret is the robot's 加签 secret (SEC…); empty when the robot is
	// protected by keywords or IP ranges instead.
	Secret string
	// PlainText sends msgtype "text" instead of "markdown", for groups
	// whose members read on clients that render Markdown badly.
	PlainText bool
	Client    *http.Client
	Now       func() time.Time
}

// NewDingTalk returns a DingTalk robot channel after checking its URL.
func NewDingTalk(rawURL, secret string) (*DingTalk, error) {
	if err := checkURL("dingtalk", rawURL); err != nil {
		return nil, err
	}
	return &DingTalk{URL: rawURL, Secret: secret}, nil
}

// Name implements Channel.
func (d *DingTalk) Name() string { return "dingtalk" }

// Send implements Channel.
func (d *DingTalk) Send(ctx context.Context, m Message) error {
	target, err := d.signedURL(clock(d.Now)())
	if err != nil {
		return err
	}
	var msg any
	if d.PlainText {
		msg = map[string]any{"msgtype": "text", "text": map[string]string{"content": plainText(m)}}
	} else {
		msg = map[string]any{"msgtype": "markdown", "markdown": map[string]string{"title": m.Title, "text": markdownText(m)}}
	}
	body, err := json.Marshal(msg)
	if err != nil {
		return permanent(d.Name(), 0, err)
	}
	data, err := postJSON(ctx, d.Client, clock(d.Now), d.Name(), target, body, nil)
	if err != nil {
		return err
	}
	return checkRobotReply(d.Name(), data, DingTalkRateLimited)
}

// signedURL appends timestamp and sign as DingTalk's 加签 requires; the
// robot refuses a timestamp more than an hour away from its clock.
func (d *DingTalk) signedURL(now time.Time) (string, error) {
	if d.Secret == "" {
		return d.URL, nil
	}
	u, err := url.Parse(d.URL)
	if err != nil {
		return "", permanent(d.Name(), 0, err)
	}
	ts := strconv.FormatInt(now.UnixMilli(), 10)
	q := u.Query()
	q.Set("timestamp", ts)
	q.Set("sign", DingTalkSign(d.Secret, ts))
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// DingTalkSign is base64(HMAC-SHA256(secret, timestamp + "\n" + secret)),
// before URL encoding, as DingTalk documents for custom robots.
func DingTalkSign(secret, timestamp string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(timestamp + "\n" + secret))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// markdownText is the robot card body: the title as a heading, because the
// markdown "title" field is only shown in the conversation list, then the
// text and a link to the item.
func markdownText(m Message) string {
	var b strings.Builder
	if m.Title != "" {
		b.WriteString("#### " + m.Title + "\n\n")
	}
	b.WriteString(m.Text)
	if m.Link != "" {
		b.WriteString("\n\n[查看详情](" + m.Link + ")")
	}
	return b.String()
}

func plainText(m Message) string {
	parts := make([]string, 0, 3)
	for _, s := range []string{m.Title, m.Text, m.Link} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n")
}
