package notify

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/notify/smtptest"
)

var fixedNow = time.Date(2025, 3, 14, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))

func testMessage() Message {
	return Message{
		Key:        "remind/task/42/2025-03-14",
		Title:      "督办通知：请于3月20日前报送整改进展",
		Text:       "市发展改革委：\n你单位承担的“优化营商环境”任务已逾期3个工作日，请限期整改。\n.以点开头的一行",
		Link:       "http://127.0.0.1:8080/tasks/42",
		Recipients: []string{"张三 <zhangsan@example.gov.cn>", "lisi@example.gov.cn"},
	}
}

func TestEmailSend(t *testing.T) {
	tests := []struct {
		name       string
		server     func(*smtptest.Server)
		cfg        func(*SMTPConfig)
		wantTLS    bool
		wantAuthed bool
		wantMech   string
		caFile     bool // verify the server with its certificate as CA file
	}{
		{name: "plain relay"},
		{
			name:    "starttls",
			server:  func(s *smtptest.Server) { s.TLS = smtptest.SelfSignedTLS(t) },
			cfg:     func(c *SMTPConfig) { c.InsecureSkipVerify = true; c.RequireTLS = true },
			wantTLS: true,
		},
		{
			name:       "starttls and auth plain",
			server:     func(s *smtptest.Server) { s.TLS = smtptest.SelfSignedTLS(t); s.User, s.Pass = "duban", "s3cret" },
			cfg:        func(c *SMTPConfig) { c.InsecureSkipVerify = true; c.Username, c.Password = "duban", "s3cret" },
			wantTLS:    true,
			wantAuthed: true,
			wantMech:   "PLAIN",
		},
		{
			// The server offers LOGIN first; "plain" must still choose PLAIN,
			// and the certificate is verified against the CA file.
			name: "starttls and auth plain verified by ca file",
			server: func(s *smtptest.Server) {
				s.TLS = smtptest.SelfSignedTLS(t)
				s.User, s.Pass, s.AuthMechs = "duban", "s3cret", []string{"LOGIN", "PLAIN"}
			},
			cfg: func(c *SMTPConfig) {
				c.TLS, c.Auth, c.RequireTLS = TLSStartTLS, AuthPlain, true
				c.Username, c.Password = "duban", "s3cret"
			},
			caFile:     true,
			wantTLS:    true,
			wantAuthed: true,
			wantMech:   "PLAIN",
		},
		{
			// 腾讯企业邮 / 阿里企业邮 on 465, Exchange and Coremail's LOGIN.
			name: "implicit tls and auth login",
			server: func(s *smtptest.Server) {
				s.TLS, s.Implicit = smtptest.SelfSignedTLS(t), true
				s.User, s.Pass, s.AuthMechs = "duban@example.gov.cn", "s3cret 密码", []string{"LOGIN"}
			},
			cfg: func(c *SMTPConfig) {
				c.TLS, c.Auth = TLSImplicit, AuthLogin
				c.Username, c.Password = "duban@example.gov.cn", "s3cret 密码"
			},
			caFile:     true,
			wantTLS:    true,
			wantAuthed: true,
			wantMech:   "LOGIN",
		},
		{
			name:       "auth plain on loopback without tls",
			server:     func(s *smtptest.Server) { s.User, s.Pass = "duban", "s3cret" },
			cfg:        func(c *SMTPConfig) { c.Username, c.Password = "duban", "s3cret" },
			wantAuthed: true,
			wantMech:   "PLAIN",
		},
		{
			name:   "tls none on a relay that offers starttls",
			server: func(s *smtptest.Server) { s.TLS = smtptest.SelfSignedTLS(t) },
			cfg:    func(c *SMTPConfig) { c.TLS = TLSNone },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := smtptest.Start(t, tt.server)
			cfg := SMTPConfig{Addr: srv.Addr, From: "督办系统 <duban@example.gov.cn>", Timeout: 5 * time.Second}
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			if tt.caFile {
				cfg.CAFile = smtptest.CAFile(t, srv.TLS)
			}
			ch, err := NewEmail(cfg)
			if err != nil {
				t.Fatal(err)
			}
			ch.Now = func() time.Time { return fixedNow }
			m := testMessage()
			if err := ch.Send(context.Background(), m); err != nil {
				t.Fatalf("Send: %v", err)
			}
			got := srv.Messages()
			if len(got) != 1 {
				t.Fatalf("server received %d messages, want 1", len(got))
			}
			r := got[0]
			if r.TLS != tt.wantTLS || r.Authed != tt.wantAuthed || r.AuthMech != tt.wantMech {
				t.Errorf("tls=%v authed=%v mech=%q, want %v %v %q", r.TLS, r.Authed, r.AuthMech, tt.wantTLS, tt.wantAuthed, tt.wantMech)
			}
			if r.From != "duban@example.gov.cn" || strings.Join(r.To, ",") != "zhangsan@example.gov.cn,lisi@example.gov.cn" {
				t.Errorf("envelope from=%q to=%q", r.From, r.To)
			}
			checkMIME(t, r.Data, m)
		})
	}
}

// checkMIME parses the message as a mail client would and compares the
// decoded Chinese subject and body.
func checkMIME(t *testing.T, data []byte, m Message) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("ReadMessage: %v\n%s", err, data)
	}
	h := msg.Header
	var dec mime.WordDecoder
	subj, err := dec.DecodeHeader(h.Get("Subject"))
	if err != nil || subj != m.Title {
		t.Errorf("Subject = %q (%v), want %q; raw %q", subj, err, m.Title, h.Get("Subject"))
	}
	if !strings.HasPrefix(h.Get("Subject"), "=?utf-8?b?") {
		t.Errorf("Subject not RFC 2047 encoded: %q", h.Get("Subject"))
	}
	from, err := mail.ParseAddress(h.Get("From"))
	if err != nil || from.Name != "督办系统" || from.Address != "duban@example.gov.cn" {
		t.Errorf("From = %v (%v)", from, err)
	}
	to, err := h.AddressList("To")
	if err != nil || len(to) != 2 || to[0].Name != "张三" {
		t.Errorf("To = %v (%v)", to, err)
	}
	if d, err := h.Date(); err != nil || !d.Equal(fixedNow) {
		t.Errorf("Date = %v (%v)", d, err)
	}
	if id := h.Get("Message-ID"); id != messageID(m.Key, "duban@example.gov.cn") || !strings.HasSuffix(id, "@example.gov.cn>") {
		t.Errorf("Message-ID = %q", id)
	}
	mt, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil || mt != "text/plain" || params["charset"] != "utf-8" {
		t.Errorf("Content-Type = %q", h.Get("Content-Type"))
	}
	if h.Get("Content-Transfer-Encoding") != "base64" {
		t.Fatalf("Content-Transfer-Encoding = %q", h.Get("Content-Transfer-Encoding"))
	}
	raw, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, msg.Body))
	if err != nil {
		t.Fatal(err)
	}
	body := strings.ReplaceAll(string(raw), "\r\n", "\n")
	want := m.Text + "\n\n" + m.Link + "\n"
	if body != want {
		t.Errorf("body = %q, want %q", body, want)
	}
}

func TestEmailErrors(t *testing.T) {
	tests := []struct {
		name      string
		server    func(*smtptest.Server)
		cfg       func(*SMTPConfig)
		msg       func(*Message)
		retryable bool
		code      int // the server's reply code, when it gave one
	}{
		{name: "4xx on rcpt is transient", server: func(s *smtptest.Server) { s.RcptCode = "451 4.3.0 try later" }, retryable: true, code: 451},
		{name: "5xx on rcpt is permanent", server: func(s *smtptest.Server) { s.RcptCode = "550 5.1.1 no such user" }, code: 550},
		{name: "wrong password", server: func(s *smtptest.Server) { s.User, s.Pass = "duban", "right" }, cfg: func(c *SMTPConfig) { c.Username, c.Password = "duban", "wrong" }, code: 535},
		{name: "tls required but not offered", cfg: func(c *SMTPConfig) { c.RequireTLS = true }},
		{name: "wrong password with auth login", server: func(s *smtptest.Server) {
			s.TLS, s.Implicit, s.AuthMechs = smtptest.SelfSignedTLS(t), true, []string{"LOGIN"}
			s.User, s.Pass = "duban", "right"
		}, cfg: func(c *SMTPConfig) {
			c.TLS, c.Auth, c.InsecureSkipVerify = TLSImplicit, AuthLogin, true
			c.Username, c.Password = "duban", "wrong"
		}, code: 535},
		{name: "auth login not offered", server: func(s *smtptest.Server) { s.User, s.Pass = "duban", "right" }, cfg: func(c *SMTPConfig) {
			c.Auth, c.Username, c.Password = AuthLogin, "duban", "right"
		}},
		{name: "implicit tls with an unknown certificate", server: func(s *smtptest.Server) {
			s.TLS, s.Implicit = smtptest.SelfSignedTLS(t), true
		}, cfg: func(c *SMTPConfig) { c.TLS = TLSImplicit }},
		{name: "implicit tls against a clear-text server", cfg: func(c *SMTPConfig) { c.TLS, c.InsecureSkipVerify = TLSImplicit, true }},
		{name: "no recipients", msg: func(m *Message) { m.Recipients = nil }},
		{name: "bad recipient", msg: func(m *Message) { m.Recipients = []string{"not an address"} }},
		{name: "title with line break", msg: func(m *Message) { m.Title = "a\r\nBcc: x@example.com" }},
		{name: "server down", cfg: func(c *SMTPConfig) { c.Addr = closedAddr(t) }, retryable: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := smtptest.Start(t, tt.server)
			cfg := SMTPConfig{Addr: srv.Addr, From: "duban@example.gov.cn", Timeout: 5 * time.Second}
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			ch, err := NewEmail(cfg)
			if err != nil {
				t.Fatal(err)
			}
			m := testMessage()
			if tt.msg != nil {
				tt.msg(&m)
			}
			err = ch.Send(context.Background(), m)
			if err == nil {
				t.Fatal("Send succeeded, want error")
			}
			if IsRetryable(err) != tt.retryable {
				t.Errorf("IsRetryable(%v) = %v, want %v", err, !tt.retryable, tt.retryable)
			}
			var ne *Error
			if !errors.As(err, &ne) || ne.Code != tt.code {
				t.Errorf("error %v: code %v, want %d", err, ne, tt.code)
			}
			if n := len(srv.Messages()); n != 0 {
				t.Errorf("server received %d messages", n)
			}
		})
	}
}

func TestNewEmailConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  SMTPConfig
		ok   bool
	}{
		{"loopback insecure", SMTPConfig{Addr: "127.0.0.1:25", From: "a@b.cn", InsecureSkipVerify: true}, true},
		{"remote insecure refused", SMTPConfig{Addr: "smtp.example.gov.cn:587", From: "a@b.cn", InsecureSkipVerify: true}, false},
		{"no port", SMTPConfig{Addr: "smtp.example.gov.cn", From: "a@b.cn"}, false},
		{"bad from", SMTPConfig{Addr: "127.0.0.1:25", From: "nobody"}, false},
		{"implicit login", SMTPConfig{Addr: "smtp.example.gov.cn:465", From: "a@b.cn", TLS: TLSImplicit, Auth: AuthLogin, Username: "a@b.cn"}, true},
		{"unknown tls mode", SMTPConfig{Addr: "127.0.0.1:25", From: "a@b.cn", TLS: "ssl"}, false},
		{"unknown auth", SMTPConfig{Addr: "127.0.0.1:25", From: "a@b.cn", Auth: "cram-md5", Username: "a"}, false},
		{"auth without username", SMTPConfig{Addr: "127.0.0.1:25", From: "a@b.cn", Auth: AuthLogin}, false},
		{"tls none and require tls", SMTPConfig{Addr: "127.0.0.1:25", From: "a@b.cn", TLS: TLSNone, RequireTLS: true}, false},
		{"missing ca file", SMTPConfig{Addr: "127.0.0.1:25", From: "a@b.cn", CAFile: "/nonexistent/ca.pem"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewEmail(tt.cfg)
			if (err == nil) != tt.ok {
				t.Errorf("NewEmail err = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

// TestEmailCancelledBefore: a send whose context is already done (the
// outbox shutting down) is retryable, not a configuration error.
func TestEmailCancelledBefore(t *testing.T) {
	srv := smtptest.Start(t, nil)
	ch, err := NewEmail(SMTPConfig{Addr: srv.Addr, From: "duban@example.gov.cn"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ch.Send(ctx, testMessage()); err == nil || !IsRetryable(err) {
		t.Errorf("Send = %v, want a retryable error", err)
	}
}

// TestEmailCancelled: a shutdown (the context cancelled) while the server
// sits on the message ends the conversation at once, and the send is
// retryable, since the server never said it accepted the message. The
// server cancels as the data arrives, so nothing here depends on timing.
func TestEmailCancelled(t *testing.T) {
	for _, mode := range []string{TLSStartTLS, TLSImplicit} {
		t.Run(mode, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			srv := smtptest.Start(t, func(s *smtptest.Server) {
				s.TLS, s.Implicit, s.Stall = smtptest.SelfSignedTLS(t), mode == TLSImplicit, cancel
			})
			ch, err := NewEmail(SMTPConfig{Addr: srv.Addr, From: "duban@example.gov.cn", TLS: mode, InsecureSkipVerify: true, Timeout: time.Hour})
			if err != nil {
				t.Fatal(err)
			}
			err = ch.Send(ctx, testMessage())
			if err == nil || !IsRetryable(err) {
				t.Errorf("Send = %v, want a retryable error", err)
			}
			if n := len(srv.Messages()); n != 0 {
				t.Errorf("server kept %d messages", n)
			}
		})
	}
}
