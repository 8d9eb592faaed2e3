package cli

import (
	"bytes"
	"context"
	"testing"

	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/notify"
	"github.com/duban/duban/internal/notify/smtptest"
)

// TestEmailChannelFromConfig: the notify_smtp_* keys reach the e-mail
// channel serve builds — here implicit TLS (SMTPS), AUTH LOGIN and the
// server verified against a CA file, as with 腾讯企业邮 on port 465 — and
// a notice goes through the real SMTP peer on loopback.
func TestEmailChannelFromConfig(t *testing.T) {
	ctx := context.Background()
	srv := smtptest.Start(t, func(s *smtptest.Server) {
		s.TLS, s.Implicit = smtptest.SelfSignedTLS(t), true
		s.User, s.Pass, s.AuthMechs = "duban@example.gov.cn", "s3cret", []string{"LOGIN"}
	})
	cfg := config.Defaults()
	cfg.DataDir, cfg.Addr, cfg.LogLevel, cfg.Scheduler = t.TempDir(), "127.0.0.1:0", "error", false
	cfg.SMTPAddr, cfg.SMTPFrom = srv.Addr, "督办系统 <duban@example.gov.cn>"
	cfg.SMTPUsername, cfg.SMTPPassword = "duban@example.gov.cn", "s3cret"
	cfg.SMTPTLS, cfg.SMTPAuth, cfg.SMTPCAFile = "implicit", "login", smtptest.CAFile(t, srv.TLS)
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	app, err := Open(ctx, cfg, &Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	s, err := app.newScheduler()
	if err != nil {
		t.Fatal(err)
	}
	ch := s.Channels["email"]
	if ch == nil {
		t.Fatalf("no e-mail channel among %v", s.Channels)
	}
	m := notify.Message{Key: "cli/email/1", Title: "督办通知", Text: "请限期整改。", Recipients: []string{"unit@example.gov.cn"}}
	if err := ch.Send(ctx, m); err != nil {
		t.Fatal(err)
	}
	got := srv.Messages()
	if len(got) != 1 || !got[0].TLS || got[0].AuthMech != "LOGIN" || got[0].From != "duban@example.gov.cn" || len(got[0].To) != 1 || got[0].To[0] != "unit@example.gov.cn" {
		t.Errorf("server received %+v", got)
	}

	// A wrong mechanism in the configuration is refused by the server's
	// offer, permanently: retrying will not fix it.
	cfg.SMTPAuth = "plain"
	app.Config = cfg
	s, err = app.newScheduler()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Channels["email"].Send(ctx, m); err == nil || notify.IsRetryable(err) {
		t.Errorf("PLAIN against a LOGIN-only server: %v", err)
	}
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("server received %d messages, want still 1", n)
	}
}
