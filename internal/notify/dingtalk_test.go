package notify

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// dingTalkServer plays the robot endpoint. It checks access_token and, when
// secret is set, the signature the way DingTalk's documentation describes:
// recompute base64(HmacSHA256(timestamp+"\n"+secret)) and compare, and
// refuse a timestamp more than an hour from its own clock.
func dingTalkServer(t *testing.T, secret string, reply string, got *map[string]any) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if r.Method != http.MethodPost || r.URL.Path != "/robot/send" || q.Get("access_token") != "tok" {
			t.Errorf("request %s %s", r.Method, r.URL)
		}
		if secret != "" {
			ts := q.Get("timestamp")
			ms, err := strconv.ParseInt(ts, 10, 64)
			if err != nil || time.Since(time.UnixMilli(ms)).Abs() > time.Hour {
				fmt.Fprint(w, `{"errcode":310000,"errmsg":"timestamp expired"}`)
				return
			}
			mac := hmac.New(sha256.New, []byte(secret))
			mac.Write([]byte(ts + "\n" + secret))
			want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
			if !hmac.Equal([]byte(q.Get("sign")), []byte(want)) {
				fmt.Fprint(w, `{"errcode":310000,"errmsg":"sign not match"}`)
				return
			}
			// The raw query must carry the sign URL-encoded ("+" and "/"
			// escaped), or DingTalk would read "+" as a space.
			if strings.ContainsAny(strings.Split(r.URL.RawQuery, "sign=")[1], "+/") {
				t.Errorf("sign not URL-encoded: %s", r.URL.RawQuery)
			}
		}
		if err := json.NewDecoder(r.Body).Decode(got); err != nil {
			t.Errorf("decode: %v", err)
		}
		fmt.Fprint(w, reply)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestDingTalkSend(t *testing.T) {
	const secret = "SEC0123456789abcdef"
	tests := []struct {
		name      string
		secret    string
		plain     bool
		now       time.Time
		reply     string
		wantErr   bool
		retryable bool
	}{
		{name: "markdown unsigned", reply: `{"errcode":0,"errmsg":"ok"}`},
		{name: "markdown signed", secret: secret, reply: `{"errcode":0,"errmsg":"ok"}`},
		{name: "text signed", secret: secret, plain: true, reply: `{"errcode":0,"errmsg":"ok"}`},
		{name: "clock two hours off", secret: secret, now: time.Now().Add(-2 * time.Hour), reply: `{"errcode":0,"errmsg":"ok"}`, wantErr: true},
		{name: "rate limited", reply: `{"errcode":130101,"errmsg":"send too fast"}`, wantErr: true, retryable: true},
		{name: "system busy", reply: `{"errcode":-1,"errmsg":"系统繁忙"}`, wantErr: true, retryable: true},
		{name: "keyword missing", reply: `{"errcode":310000,"errmsg":"keywords not in content"}`, wantErr: true},
		{name: "token invalid", reply: `{"errcode":300001,"errmsg":"token is not exist"}`, wantErr: true},
		{name: "not json", reply: `<html>portal</html>`, wantErr: true, retryable: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got map[string]any
			srv := dingTalkServer(t, tt.secret, tt.reply, &got)
			ch, err := NewDingTalk(srv.URL+"/robot/send?access_token=tok", tt.secret)
			if err != nil {
				t.Fatal(err)
			}
			ch.PlainText = tt.plain
			if !tt.now.IsZero() {
				ch.Now = func() time.Time { return tt.now }
			}
			m := testMessage()
			err = ch.Send(context.Background(), m)
			if (err != nil) != tt.wantErr || IsRetryable(err) != tt.retryable {
				t.Fatalf("Send err = %v (retryable %v), want err %v retryable %v", err, IsRetryable(err), tt.wantErr, tt.retryable)
			}
			if tt.wantErr {
				return
			}
			if tt.plain {
				text, _ := got["text"].(map[string]any)
				if got["msgtype"] != "text" || text["content"] != m.Title+"\n"+m.Text+"\n"+m.Link {
					t.Errorf("body = %v", got)
				}
				return
			}
			md, _ := got["markdown"].(map[string]any)
			if got["msgtype"] != "markdown" || md["title"] != m.Title {
				t.Fatalf("body = %v", got)
			}
			text, _ := md["text"].(string)
			if !strings.HasPrefix(text, "#### "+m.Title) || !strings.Contains(text, m.Text) || !strings.HasSuffix(text, "[查看详情]("+m.Link+")") {
				t.Errorf("markdown text = %q", text)
			}
		})
	}
}

// TestDingTalkSign pins the signature to a value computed independently
// (python3: base64(hmac.new(secret, ts+"\n"+secret, sha256))).
func TestDingTalkSign(t *testing.T) {
	got := DingTalkSign("SEC0123456789abcdef", "1700000000000")
	const want = "TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk="
	if got != want {
		t.Errorf("DingTalkSign = %q, want %q", got, want)
	}
}
