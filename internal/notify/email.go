package notify

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"time"
)

// SMTPConfig configures the e-mail channel.
type SMTPConfig struct {
	// Addr is host:port of the submission server (587 with STARTTLS, or
	// 25 on a trusted internal relay).
	Addr string
	// Username and Password enable AUTH PLAIN; empty means no auth, the
	// usual case for a relay that trusts the government intranet.
	Username string
	Password string
	// From is the sender, "督办系统 <duban@example.gov.cn>" or a bare address.
	From string
	// HelloName is sent in EHLO; empty means "localhost".
	HelloName string
	// RequireTLS refuses to send when the server offers no STARTTLS, so
	// that a password never crosses the network in clear text.
	RequireTLS bool
	// InsecureSkipVerify skips certificate checks; it is accepted only for
	// a loopback Addr, where it serves tests against a self-signed server.
	InsecureSkipVerify bool
	// Timeout bounds the whole SMTP conversation; zero means 30 seconds.
	Timeout time.Duration
}

// Email sends messages over SMTP to Message.Recipients.
type Email struct {
	cfg  SMTPConfig
	host string
	from *mail.Address
	Now  func() time.Time
}

// NewEmail checks cfg and returns an e-mail channel.
func NewEmail(cfg SMTPConfig) (*Email, error) {
	host, _, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, permanent("email", 0, fmt.Errorf("bad smtp addr %q: %w", cfg.Addr, err))
	}
	from, err := mail.ParseAddress(cfg.From)
	if err != nil {
		return nil, permanent("email", 0, fmt.Errorf("bad from %q: %w", cfg.From, err))
	}
	if cfg.InsecureSkipVerify && !isLoopback(host) {
		return nil, permanent("email", 0, errors.New("InsecureSkipVerify is allowed only for a loopback server"))
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.HelloName == "" {
		cfg.HelloName = "localhost"
	}
	return &Email{cfg: cfg, host: host, from: from}, nil
}

// Name implements Channel.
func (e *Email) Name() string { return "email" }

// Send implements Channel. All recipients get one message in one SMTP
// transaction; a recipient the server refuses fails the whole send, so
// the outbox never records a message as sent that someone did not get.
func (e *Email) Send(ctx context.Context, m Message) error {
	to, err := parseRecipients(m.Recipients)
	if err != nil {
		return permanent(e.Name(), 0, err)
	}
	data, err := composeMIME(e.from, to, m, clock(e.Now)())
	if err != nil {
		return permanent(e.Name(), 0, err)
	}
	ctx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	if err := e.deliver(ctx, to, data); err != nil {
		return e.classify(err)
	}
	return nil
}

func (e *Email) deliver(ctx context.Context, to []*mail.Address, data []byte) error {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", e.cfg.Addr)
	if err != nil {
		return err
	}
	// net/smtp has no context; a deadline on the connection and closing it
	// on cancellation give the same effect.
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	c, err := smtp.NewClient(conn, e.host)
	if err != nil {
		conn.Close()
		return err
	}
	defer c.Close()
	if err := c.Hello(e.cfg.HelloName); err != nil {
		return err
	}
	if ok, _ := c.Extension("STARTTLS"); ok {
		tc := &tls.Config{ServerName: e.host, InsecureSkipVerify: e.cfg.InsecureSkipVerify, MinVersion: tls.VersionTLS12}
		if err := c.StartTLS(tc); err != nil {
			return err
		}
	} else if e.cfg.RequireTLS {
		return errNoTLS
	}
	if e.cfg.Username != "" {
		// PlainAuth itself refuses to send the password over a clear
		// connection to anything but localhost.
		if err := c.Auth(smtp.PlainAuth("", e.cfg.Username, e.cfg.Password, e.host)); err != nil {
			return err
		}
	}
	if err := c.Mail(e.from.Address); err != nil {
		return err
	}
	for _, a := range to {
		if err := c.Rcpt(a.Address); err != nil {
			return err
		}
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	// The message is accepted once DATA is answered with 250; a failing
	// QUIT must not turn that into a retry and a duplicate.
	_ = c.Quit()
	return nil
}

var errNoTLS = errors.New("server does not offer STARTTLS and RequireTLS is set")

// classify follows SMTP's own rule: 4xx replies are transient, 5xx are
// permanent; failures without a reply are network trouble.
func (e *Email) classify(err error) error {
	var tp *textproto.Error
	switch {
	case errors.As(err, &tp) && tp.Code >= 400 && tp.Code < 500:
		return retryable(e.Name(), tp.Code, err)
	case errors.As(err, &tp):
		return permanent(e.Name(), tp.Code, err)
	case errors.Is(err, errNoTLS):
		return permanent(e.Name(), 0, err)
	case IsRetryable(err):
		return retryable(e.Name(), 0, err)
	default:
		// TLS handshake failures, and net/smtp's refusals (unencrypted
		// auth), are configuration problems that retrying will not fix.
		return permanent(e.Name(), 0, err)
	}
}

func parseRecipients(list []string) ([]*mail.Address, error) {
	if len(list) == 0 {
		return nil, errors.New("no recipients")
	}
	out := make([]*mail.Address, 0, len(list))
	for _, s := range list {
		a, err := mail.ParseAddress(s)
		if err != nil {
			return nil, fmt.Errorf("bad recipient %q: %w", s, err)
		}
		out = append(out, a)
	}
	return out, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
