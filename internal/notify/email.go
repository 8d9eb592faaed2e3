package notify

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/textproto"
	"os"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// TLS modes of the e-mail channel.
const (
	// TLSStartTLS connects in clear text and upgrades with STARTTLS when
	// the server offers it (required with RequireTLS): port 587 or 25.
	TLSStartTLS = "starttls"
	// TLSImplicit speaks TLS from the first byte (SMTPS, port 465), as
	// 腾讯企业邮 and 阿里企业邮 expect.
	TLSImplicit = "implicit"
	// TLSNone never encrypts: a relay on a trusted internal network.
	TLSNone = "none"
)

// Authentication mechanisms of the e-mail channel.
const (
	AuthPlain = "plain"
	// AuthLogin is the older LOGIN mechanism, all that some Exchange and
	// Coremail servers accept.
	AuthLogin = "login"
	AuthNone  = "none"
)

// SMTPConfig configures the e-mail channel.
type SMTPConfig struct {
	// Addr is host:port of the submission server (587 with STARTTLS, 465
	// with implicit TLS, or 25 on a trusted internal relay).
	Addr string
	// TLS is TLSStartTLS (empty means this), TLSImplicit or TLSNone.
	TLS string
	// Auth is AuthPlain, AuthLogin or AuthNone; empty means AuthPlain when
	// Username is set and AuthNone otherwise.
	Auth string
	// Username and Password are the credentials; empty Username means no
	// auth, the usual case for a relay that trusts the government intranet.
	Username string
	Password string
	// From is the sender, "督办系统 <duban@example.gov.cn>" or a bare address.
	From string
	// HelloName is sent in EHLO; empty means "localhost".
	HelloName string
	// RequireTLS refuses to send when the server offers no STARTTLS, so
	// that a password never crosses the network in clear text.
	RequireTLS bool
	// CAFile is a PEM file of the CA certificates that verify the server,
	// instead of the system's roots: a government's own CA. Empty means
	// the system's roots.
	CAFile string
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
	port int
	cas  *x509.CertPool
	from *mail.Address
	Now  func() time.Time
}

// NewEmail checks cfg and returns an e-mail channel.
func NewEmail(cfg SMTPConfig) (*Email, error) {
	host, portText, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, permanent("email", 0, fmt.Errorf("bad smtp addr %q: %w", cfg.Addr, err))
	}
	port, err := strconv.Atoi(portText)
	if err != nil || port < 1 || port > 65535 {
		return nil, permanent("email", 0, fmt.Errorf("bad smtp port in %q", cfg.Addr))
	}
	from, err := mail.ParseAddress(cfg.From)
	if err != nil {
		return nil, permanent("email", 0, fmt.Errorf("bad from %q: %w", cfg.From, err))
	}
	if cfg.InsecureSkipVerify && !isLoopback(host) {
		return nil, permanent("email", 0, errors.New("InsecureSkipVerify is allowed only for a loopback server"))
	}
	switch cfg.TLS {
	case "":
		cfg.TLS = TLSStartTLS
	case TLSStartTLS, TLSImplicit, TLSNone:
	default:
		return nil, permanent("email", 0, fmt.Errorf("bad smtp tls mode %q (starttls, implicit or none)", cfg.TLS))
	}
	if cfg.TLS == TLSNone && cfg.RequireTLS {
		return nil, permanent("email", 0, errors.New("smtp tls mode none contradicts RequireTLS"))
	}
	switch cfg.Auth {
	case "":
		cfg.Auth = AuthNone
		if cfg.Username != "" {
			cfg.Auth = AuthPlain
		}
	case AuthPlain, AuthLogin:
		if cfg.Username == "" {
			return nil, permanent("email", 0, fmt.Errorf("smtp auth %s needs a username", cfg.Auth))
		}
	case AuthNone:
	default:
		return nil, permanent("email", 0, fmt.Errorf("bad smtp auth %q (plain, login or none)", cfg.Auth))
	}
	var cas *x509.CertPool
	if cfg.CAFile != "" {
		pem, err := os.ReadFile(cfg.CAFile)
		if err != nil {
			return nil, permanent("email", 0, fmt.Errorf("smtp ca file: %w", err))
		}
		cas = x509.NewCertPool()
		if !cas.AppendCertsFromPEM(pem) {
			return nil, permanent("email", 0, fmt.Errorf("smtp ca file %s: no PEM certificate", cfg.CAFile))
		}
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.HelloName == "" {
		cfg.HelloName = "localhost"
	}
	return &Email{cfg: cfg, host: host, port: port, cas: cas, from: from}, nil
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

// client is the go-mail client for one conversation. go-mail dials,
// negotiates TLS (implicit or STARTTLS) and authenticates; the message
// itself is our own composeMIME, sent with MAIL, RCPT and DATA, so that
// its headers (Message-ID from the Key) stay what the outbox relies on.
func (e *Email) client(ctx context.Context, dial gomail.DialContextFunc) (*gomail.Client, error) {
	tc := e.tlsConfig()
	timeout := e.cfg.Timeout
	if dl, ok := ctx.Deadline(); ok {
		timeout = max(time.Until(dl), time.Millisecond)
	}
	opts := []gomail.Option{
		gomail.WithPort(e.port), gomail.WithHELO(e.cfg.HelloName), gomail.WithTLSConfig(tc),
		gomail.WithTimeout(timeout), gomail.WithDialContextFunc(dial),
	}
	switch {
	case e.cfg.TLS == TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	case e.cfg.TLS == TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	case e.cfg.RequireTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	}
	switch e.cfg.Auth {
	case AuthPlain, AuthLogin:
		// Both refuse to send the password over a clear connection to
		// anything but localhost.
		mech := gomail.SMTPAuthPlain
		if e.cfg.Auth == AuthLogin {
			mech = gomail.SMTPAuthLogin
		}
		opts = append(opts, gomail.WithSMTPAuth(mech), gomail.WithUsername(e.cfg.Username), gomail.WithPassword(e.cfg.Password))
	}
	return gomail.NewClient(e.host, opts...)
}

func (e *Email) tlsConfig() *tls.Config {
	return &tls.Config{ServerName: e.host, RootCAs: e.cas, InsecureSkipVerify: e.cfg.InsecureSkipVerify, MinVersion: tls.VersionTLS12}
}

func (e *Email) deliver(ctx context.Context, to []*mail.Address, data []byte) error {
	// go-mail bounds the conversation with a deadline on the connection;
	// closing the connection on cancellation (a shutdown) ends it at once.
	// The raw connection is closed, not the SMTP client, whose Close waits
	// for the command in flight.
	var raw net.Conn
	stop := func() bool { return false }
	defer func() { stop() }()
	dial := func(dctx context.Context, network, addr string) (net.Conn, error) {
		var d net.Dialer
		conn, err := d.DialContext(dctx, network, addr)
		if err != nil {
			return nil, err
		}
		raw = conn
		stop = context.AfterFunc(ctx, func() { conn.Close() })
		if e.cfg.TLS != TLSImplicit {
			return conn, nil
		}
		tc := tls.Client(conn, e.tlsConfig())
		if err := tc.HandshakeContext(dctx); err != nil {
			return nil, err
		}
		return tc, nil
	}
	if err := ctx.Err(); err != nil {
		return err // cancelled before a byte was sent: retryable
	}
	gc, err := e.client(ctx, dial)
	if err != nil {
		return err
	}
	c, err := gc.DialToSMTPClientWithContext(ctx)
	defer func() {
		if raw != nil {
			raw.Close()
		}
	}()
	if err != nil {
		return err
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

// classify follows SMTP's own rule: 4xx replies are transient, 5xx are
// permanent; failures without a reply are network trouble.
func (e *Email) classify(err error) error {
	var tp *textproto.Error
	switch {
	case errors.As(err, &tp) && tp.Code >= 400 && tp.Code < 500:
		return retryable(e.Name(), tp.Code, err)
	case errors.As(err, &tp):
		return permanent(e.Name(), tp.Code, err)
	case IsRetryable(err):
		return retryable(e.Name(), 0, err)
	default:
		// TLS handshake failures, a server without STARTTLS under
		// RequireTLS or without the AUTH mechanism configured, and the
		// refusal to send a password in clear text, are configuration problems that retrying will not fix.
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
