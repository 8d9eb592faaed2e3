package cli

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
)

// transportUser signs in by password only in every configuration (a
// leader needs no second factor).
const transportUser = "lingdao2"

// bootTransport serves a fresh system over real loopback TCP with the
// configuration set changes, holding one leader account, and returns the
// base URL and the store.
func bootTransport(t *testing.T, set func(*config.Config)) (string, *store.DB) {
	t.Helper()
	cfg := config.Defaults()
	cfg.TOTPRequiredRoles = nil // not about the second factor: TestTOTPJourney is
	cfg.DataDir, cfg.Addr, cfg.LogLevel = t.TempDir(), "127.0.0.1:0", "error"
	cfg.Scheduler = false
	set(&cfg)
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	app, err := Open(ctx, cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if _, err := app.Store.CreateUser(ctx, audit.System, records.UserCreate{Username: transportUser, DisplayName: "领导",
		PasswordHash: testHash, Role: authz.Leader}); err != nil {
		cancel()
		app.Close()
		t.Fatal(err)
	}
	base := serveApp(t, ctx, cancel, app)
	if cfg.TLSCert != "" {
		base = "https://" + strings.TrimPrefix(base, "http://")
	}
	return base, app.Store
}

// noRedirect is a client that shows redirects instead of following them.
func noRedirect(tr *http.Transport) *http.Client {
	if tr == nil {
		tr = &http.Transport{}
	}
	return &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout: 30 * time.Second}
}

// signInAt posts the sign-in form with the given extra headers.
func signInAt(t *testing.T, c *http.Client, base string, header http.Header) *http.Response {
	t.Helper()
	form := url.Values{"username": {transportUser}, "password": {"Fixture#Pass1"}}
	req, _ := http.NewRequest("POST", base+"/signin", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in = %d", resp.StatusCode)
	}
	return resp
}

// sessionCookie is the Set-Cookie of the session in resp, by either name.
func sessionCookie(t *testing.T, resp *http.Response) *http.Cookie {
	t.Helper()
	for _, c := range resp.Cookies() {
		if c.Name == "duban_session" || c.Name == "__Host-duban_session" {
			return c
		}
	}
	t.Fatalf("no session cookie in %v", resp.Header["Set-Cookie"])
	return nil
}

// signedIn reports whether GET /tasks with the given cookie and headers
// is served (200) rather than sent to sign in.
func signedIn(t *testing.T, c *http.Client, base, cookie string, header http.Header) bool {
	t.Helper()
	req, _ := http.NewRequest("GET", base+"/tasks", nil)
	req.Header.Set("Cookie", cookie)
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// lastLoginIP is the address the audit log holds for the last sign-in.
func lastLoginIP(t *testing.T, db *store.DB) string {
	t.Helper()
	entries, _, err := db.FindAudit(context.Background(), records.AuditFilter{Actor: transportUser, Action: "auth.login", Limit: 1})
	if err != nil || len(entries) == 0 {
		t.Fatalf("no sign-in audited: %v", err)
	}
	return entries[0].IP
}

// TestTrustedProxyRightmostHop: with trusted_proxies 127.0.0.1/32, a
// sign-in from 127.0.0.1 carrying X-Forwarded-For: 203.0.113.9,
// 198.51.100.7 is audited as 198.51.100.7 through the real server; the
// public forms' limit counts that address too, so writing a new leftmost
// hop each time does not get round it. The proxy's X-Forwarded-Proto:
// https makes the session cookie Secure and __Host- prefixed and sends
// HSTS; the cookie is read back under that name only. When 127.0.0.1 is
// not a trusted proxy, neither header is believed.
func TestTrustedProxyRightmostHop(t *testing.T) {
	c := noRedirect(nil)
	base, db := bootTransport(t, func(c *config.Config) { c.TrustedProxies = []string{"127.0.0.1/32"} })
	fwd := http.Header{"X-Forwarded-For": {"203.0.113.9, 198.51.100.7"}}
	resp := signInAt(t, c, base, fwd)
	if ip := lastLoginIP(t, db); ip != "198.51.100.7" {
		t.Errorf("the sign-in is audited from %q, want 198.51.100.7 (never 203.0.113.9)", ip)
	}
	if ck := sessionCookie(t, resp); ck.Name != "duban_session" || ck.Secure || resp.Header.Get("Strict-Transport-Security") != "" {
		t.Errorf("plain HTTP through the proxy: cookie %q secure=%v, HSTS %q", ck.Name, ck.Secure, resp.Header.Get("Strict-Transport-Security"))
	}

	// The public forms: five from 198.51.100.7 whatever it writes on the
	// left, the sixth refused; another client behind the proxy may file.
	ticket := url.Values{"type": {"consult"}, "description": {"咨询公积金提取"}, "phone": {"13900001111"}}
	file := func(xff string) int {
		req, _ := http.NewRequest("POST", base+"/public/tickets/new", strings.NewReader(ticket.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Forwarded-For", xff)
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for i := range 5 {
		if code := file(net.IPv4(192, 0, 2, byte(10+i)).String() + ", 198.51.100.7"); code != http.StatusSeeOther {
			t.Fatalf("public ticket %d = %d", i+1, code)
		}
	}
	if code := file("192.0.2.99, 198.51.100.7"); code != http.StatusTooManyRequests {
		t.Errorf("the sixth from 198.51.100.7 behind a forged hop = %d, want 429", code)
	}
	if code := file("198.51.100.8"); code != http.StatusSeeOther {
		t.Errorf("another client = %d", code)
	}

	// The proxy says the browser came over HTTPS.
	https := http.Header{"X-Forwarded-For": {"198.51.100.7"}, "X-Forwarded-Proto": {"https"}}
	resp = signInAt(t, c, base, https)
	ck := sessionCookie(t, resp)
	if ck.Name != "__Host-duban_session" || !ck.Secure || ck.Path != "/" || ck.Domain != "" || !ck.HttpOnly ||
		resp.Header.Get("Strict-Transport-Security") != "max-age=31536000" {
		t.Errorf("HTTPS through the proxy: %v, HSTS %q", resp.Header["Set-Cookie"], resp.Header.Get("Strict-Transport-Security"))
	}
	if !signedIn(t, c, base, "__Host-duban_session="+ck.Value, https) {
		t.Error("the __Host- session cookie is not read back over HTTPS")
	}
	if signedIn(t, c, base, "duban_session="+ck.Value, https) {
		t.Error("a plain-named session cookie is believed over HTTPS (it could have been planted over HTTP)")
	}
	if !signedIn(t, c, base, "duban_session="+ck.Value, nil) {
		t.Error("the plain name is not read over plain HTTP")
	}
	// The language cookie the pages set follows the same policy.
	req, _ := http.NewRequest("GET", base+"/signin?lang=zh-TW", nil)
	req.Header = https.Clone()
	if resp, err := c.Do(req); err != nil || !strings.Contains(strings.Join(resp.Header["Set-Cookie"], "\n"), "__Host-lang=zh-TW") ||
		!strings.Contains(strings.Join(resp.Header["Set-Cookie"], "\n"), "Secure") {
		t.Errorf("language cookie over HTTPS: %v %v", resp.Header["Set-Cookie"], err)
	} else {
		resp.Body.Close()
	}

	// 127.0.0.1 not trusted: its headers are its own word, not believed.
	base, db = bootTransport(t, func(c *config.Config) { c.TrustedProxies = []string{"10.0.0.0/8"} })
	resp = signInAt(t, c, base, https)
	if ip := lastLoginIP(t, db); ip != "127.0.0.1" {
		t.Errorf("an untrusted peer's X-Forwarded-For was believed: audited from %q", ip)
	}
	if ck := sessionCookie(t, resp); ck.Name != "duban_session" || ck.Secure || resp.Header.Get("Strict-Transport-Security") != "" {
		t.Errorf("an untrusted peer's X-Forwarded-Proto was believed: %v", resp.Header)
	}
}

// selfSigned writes a certificate for 127.0.0.1 and its key to dir, made
// here, and returns their paths and a pool that trusts the certificate.
func selfSigned(t *testing.T, dir string) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "duban test"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

// TestServeTLS: with tls_cert and tls_key, serve speaks HTTPS only, TLS
// 1.2 at least with AEAD suites: a TLS 1.1 client, a TLS 1.2 client
// offering only CBC, and a plain HTTP request are refused;
// the session cookie is Secure and __Host- prefixed, read back under that
// name, and HSTS is sent. Over plain HTTP (the demo's way) neither.
func TestServeTLS(t *testing.T) {
	certFile, keyFile, pool := selfSigned(t, t.TempDir())
	base, _ := bootTransport(t, func(c *config.Config) { c.TLSCert, c.TLSKey = certFile, keyFile })
	c := noRedirect(&http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}})
	resp, err := c.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.TLS == nil || resp.TLS.Version < tls.VersionTLS12 ||
		resp.Header.Get("Strict-Transport-Security") != "max-age=31536000" {
		t.Errorf("healthz over TLS: %d %+v HSTS %q", resp.StatusCode, resp.TLS, resp.Header.Get("Strict-Transport-Security"))
	}
	old := noRedirect(&http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS11}})
	if resp, err := old.Get(base + "/healthz"); err == nil {
		resp.Body.Close()
		t.Error("a TLS 1.1 client was served")
	}
	cbc := noRedirect(&http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MaxVersion: tls.VersionTLS12,
		CipherSuites: []uint16{tls.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA}}})
	if resp, err := cbc.Get(base + "/healthz"); err == nil {
		resp.Body.Close()
		t.Error("a TLS 1.2 client offering only a CBC suite was served")
	}
	tls12 := noRedirect(&http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MaxVersion: tls.VersionTLS12}})
	if resp, err := tls12.Get(base + "/healthz"); err != nil || resp.TLS.Version != tls.VersionTLS12 {
		t.Errorf("a TLS 1.2 client: %v", err)
	} else {
		resp.Body.Close()
	}
	plain := noRedirect(nil)
	if resp, err := plain.Get("http://" + strings.TrimPrefix(base, "https://") + "/healthz"); err == nil {
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			t.Error("plain HTTP served on the TLS port")
		}
	}

	resp = signInAt(t, c, base, nil)
	ck := sessionCookie(t, resp)
	if ck.Name != "__Host-duban_session" || !ck.Secure || ck.Path != "/" || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode {
		t.Errorf("session cookie over TLS: %v", resp.Header["Set-Cookie"])
	}
	if !signedIn(t, c, base, "__Host-duban_session="+ck.Value, nil) {
		t.Error("the __Host- session cookie is not read back")
	}
	if signedIn(t, c, base, "duban_session="+ck.Value, nil) {
		t.Error("a plain-named session cookie is believed over TLS")
	}

	base, _ = bootTransport(t, func(*config.Config) {})
	resp = signInAt(t, plain, base, nil)
	if ck = sessionCookie(t, resp); ck.Name != "duban_session" || ck.Secure || resp.Header.Get("Strict-Transport-Security") != "" {
		t.Errorf("plain HTTP: %v HSTS %q", resp.Header["Set-Cookie"], resp.Header.Get("Strict-Transport-Security"))
	}
	if !signedIn(t, plain, base, "duban_session="+ck.Value, nil) {
		t.Error("plain HTTP: the session cookie is not read back")
	}
}

// TestSlowLorisCutOff: a client that never finishes its request headers
// is disconnected by the server (server_read_header_timeout, short
// here), while the server goes on serving others.
func TestSlowLorisCutOff(t *testing.T) {
	base, _ := bootTransport(t, func(c *config.Config) { c.ReadHeaderTimeout = config.Duration(200 * time.Millisecond) })
	addr := strings.TrimPrefix(base, "http://")
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET /healthz HTTP/1.1\r\nHost: "+addr+"\r\nX-Slow: "); err != nil {
		t.Fatal(err)
	}
	// The deadline only keeps a broken server from hanging the test; what
	// is asserted is that the server closed the connection.
	conn.SetReadDeadline(time.Now().Add(time.Minute))
	n, err := conn.Read(make([]byte, 512))
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout():
		t.Fatal("the server kept a connection whose headers never ended")
	case err == nil && n > 0:
		// Go may answer before closing; the close must follow.
		if _, err = io.ReadAll(conn); err != nil {
			t.Fatalf("after its answer the server did not close: %v", err)
		}
	case !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) && !strings.Contains(err.Error(), "reset"):
		t.Fatalf("read = %v", err)
	}
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("healthz after = %d", resp.StatusCode)
	}
}
