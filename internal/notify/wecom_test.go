package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"
)

// weComServer plays the WeCom robot: it checks the key and the documented
// message shape and refuses content over WeCom's byte limits.
func weComServer(t *testing.T, reply string, got *map[string]any) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/cgi-bin/webhook/send" || r.URL.Query().Get("key") != "k1" {
			fmt.Fprint(w, `{"errcode":93000,"errmsg":"invalid webhook url"}`)
			return
		}
		var body map[string]any
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			fmt.Fprint(w, `{"errcode":40008,"errmsg":"invalid message type"}`)
			return
		}
		*got = body
		typ, _ := body["msgtype"].(string)
		part, _ := body[typ].(map[string]any)
		content, _ := part["content"].(string)
		limit := map[string]int{"markdown": 4096, "text": 2048}[typ]
		if limit == 0 || content == "" || len(content) > limit || !utf8.ValidString(content) {
			fmt.Fprint(w, `{"errcode":40058,"errmsg":"content invalid"}`)
			return
		}
		fmt.Fprint(w, reply)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestWeComSend(t *testing.T) {
	long := testMessage()
	long.Text = strings.Repeat("整改进展", 1000) // 12000 bytes
	tests := []struct {
		name      string
		plain     bool
		msg       Message
		reply     string
		wantErr   bool
		retryable bool
	}{
		{name: "markdown", msg: testMessage(), reply: `{"errcode":0,"errmsg":"ok"}`},
		{name: "text", plain: true, msg: testMessage(), reply: `{"errcode":0,"errmsg":"ok"}`},
		{name: "long markdown is cut, link kept", msg: long, reply: `{"errcode":0,"errmsg":"ok"}`},
		{name: "long text is cut, link kept", plain: true, msg: long, reply: `{"errcode":0,"errmsg":"ok"}`},
		{name: "rate limited", msg: testMessage(), reply: `{"errcode":45009,"errmsg":"api freq out of limit"}`, wantErr: true, retryable: true},
		{name: "invalid key", msg: testMessage(), reply: `{"errcode":93000,"errmsg":"invalid webhook url"}`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got map[string]any
			srv := weComServer(t, tt.reply, &got)
			ch, err := NewWeCom(srv.URL + "/cgi-bin/webhook/send?key=k1")
			if err != nil {
				t.Fatal(err)
			}
			ch.PlainText = tt.plain
			err = ch.Send(context.Background(), tt.msg)
			if (err != nil) != tt.wantErr || IsRetryable(err) != tt.retryable {
				t.Fatalf("Send err = %v (retryable %v), want err %v retryable %v", err, IsRetryable(err), tt.wantErr, tt.retryable)
			}
			if tt.wantErr {
				return
			}
			typ := "markdown"
			if tt.plain {
				typ = "text"
			}
			part, _ := got[typ].(map[string]any)
			content, _ := part["content"].(string)
			if got["msgtype"] != typ || !strings.Contains(content, tt.msg.Title) || !strings.Contains(content, tt.msg.Link) {
				t.Errorf("body = %v", got)
			}
		})
	}
}
