// Package smtptest is a minimal real SMTP server on loopback for tests:
// enough of RFC 5321 (EHLO/HELO, STARTTLS or implicit TLS, AUTH PLAIN and
// LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) to receive what duban's e-mail channel sends and
// record it. No mock: the client speaks SMTP over TCP to it.
package smtptest

import (
	"bufio"
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Server is the SMTP server. Configure it in Start's callback.
type Server struct {
	Addr     string
	TLS      *tls.Config // nil: no STARTTLS offered
	Implicit bool        // TLS from the first byte (SMTPS, port 465) instead of STARTTLS
	User     string      // "": no AUTH offered
	Pass     string
	// AuthMechs are the mechanisms offered, of PLAIN and LOGIN; nil means
	// PLAIN only. A mechanism not offered is refused.
	AuthMechs []string
	RcptCode  string // reply to RCPT instead of 250, e.g. "451 try later"
	// Stall, when set, is called once the message's data has arrived;
	// the server then never answers and keeps nothing, until the client
	// hangs up: a server that hangs at the worst moment.
	Stall func()

	mu   sync.Mutex
	msgs []Received
}

// Received is one message as the server received it.
type Received struct {
	From   string
	To     []string
	Data   []byte
	TLS    bool
	Authed bool
	// AuthMech is the mechanism the client authenticated with, with the
	// credentials checked against User and Pass.
	AuthMech string
}

// Start listens on 127.0.0.1 until the test ends.
func Start(t testing.TB, configure func(*Server)) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: ln.Addr().String()}
	if configure != nil {
		configure(s)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() { defer wg.Done(); s.serve(c) }()
		}
	}()
	return s
}

// Messages returns what was received so far.
func (s *Server) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.msgs...)
}

func (s *Server) serve(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second)) // sockets keep the wall clock
	var cur Received
	if s.Implicit {
		tc := tls.Server(c, s.TLS)
		if err := tc.Handshake(); err != nil {
			return
		}
		c, cur.TLS = tc, true
	}
	r, w := bufio.NewReader(c), bufio.NewWriter(c)
	reply := func(lines ...string) {
		for _, l := range lines {
			w.WriteString(l + "\r\n")
		}
		w.Flush()
	}
	reply("220 test.local ESMTP")
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO":
			ext := []string{"250-test.local"}
			if s.TLS != nil && !cur.TLS && !s.Implicit {
				ext = append(ext, "250-STARTTLS")
			}
			if s.User != "" {
				ext = append(ext, "250-AUTH "+strings.Join(s.mechs(), " "))
			}
			ext = append(ext, "250 8BITMIME")
			reply(ext...)
		case "HELO":
			reply("250 test.local")
		case "STARTTLS":
			reply("220 go ahead")
			tc := tls.Server(c, s.TLS)
			if err := tc.Handshake(); err != nil {
				return
			}
			r, w = bufio.NewReader(tc), bufio.NewWriter(tc)
			cur = Received{TLS: true} // RFC 3207: forget everything before TLS
		case "AUTH":
			mech, resp, _ := strings.Cut(arg, " ")
			mech = strings.ToUpper(mech)
			var user, pass string
			ok := slices.Contains(s.mechs(), mech)
			switch {
			case ok && mech == "PLAIN":
				raw, err := base64.StdEncoding.DecodeString(resp)
				parts := strings.Split(string(raw), "\x00")
				ok = err == nil && len(parts) == 3
				if ok {
					user, pass = parts[1], parts[2]
				}
			case ok && mech == "LOGIN":
				// RFC draft-murchison-sasl-login: the username may come
				// with the command, else both are asked for in turn.
				ask := func(prompt string) (string, bool) {
					reply("334 " + base64.StdEncoding.EncodeToString([]byte(prompt)))
					l, err := r.ReadString('\n')
					if err != nil {
						return "", false
					}
					raw, err := base64.StdEncoding.DecodeString(strings.TrimRight(l, "\r\n"))
					return string(raw), err == nil
				}
				if resp != "" {
					raw, err := base64.StdEncoding.DecodeString(resp)
					user, ok = string(raw), err == nil
				} else {
					user, ok = ask("Username:")
				}
				if ok {
					pass, ok = ask("Password:")
				}
			}
			if !ok || user != s.User || pass != s.Pass {
				reply("535 5.7.8 authentication failed")
				continue
			}
			cur.Authed, cur.AuthMech = true, mech
			reply("235 2.7.0 ok")
		case "MAIL":
			if s.User != "" && !cur.Authed {
				reply("530 5.7.0 authentication required")
				continue
			}
			cur.From = addrArg(arg)
			reply("250 ok")
		case "RCPT":
			if s.RcptCode != "" {
				reply(s.RcptCode)
				continue
			}
			cur.To = append(cur.To, addrArg(arg))
			reply("250 ok")
		case "DATA":
			reply("354 end with .")
			var buf bytes.Buffer
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				buf.WriteString(strings.TrimPrefix(l, ".")) // dot-unstuffing
			}
			if s.Stall != nil {
				s.Stall()
				io.Copy(io.Discard, r)
				return
			}
			cur.Data = buf.Bytes()
			s.mu.Lock()
			s.msgs = append(s.msgs, cur)
			s.mu.Unlock()
			cur = Received{TLS: cur.TLS, Authed: cur.Authed, AuthMech: cur.AuthMech}
			reply("250 queued")
		case "RSET":
			cur = Received{TLS: cur.TLS, Authed: cur.Authed, AuthMech: cur.AuthMech}
			reply("250 ok")
		case "NOOP":
			reply("250 ok")
		case "QUIT":
			reply("221 bye")
			return
		default:
			reply("502 unknown command")
		}
	}
}

func (s *Server) mechs() []string {
	if s.AuthMechs == nil {
		return []string{"PLAIN"}
	}
	return s.AuthMechs
}

func addrArg(arg string) string {
	_, a, _ := strings.Cut(arg, ":")
	a = strings.TrimSpace(a)
	if i := strings.IndexByte(a, ' '); i >= 0 {
		a = a[:i]
	}
	return strings.Trim(a, "<>")
}

// SelfSignedTLS is a throwaway certificate for 127.0.0.1.
func SelfSignedTLS(t testing.TB) *tls.Config {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
		// TLS checks the certificate against the wall clock.
		NotBefore: time.Now().Add(-time.Hour),
		NotAfter:  time.Now().Add(time.Hour),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
}

// CAFile writes the certificate of cfg (from SelfSignedTLS) as PEM to a
// file in the test's temporary directory, for a client that verifies the
// server against it as its CA, and returns the path.
func CAFile(t testing.TB, cfg *tls.Config) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ca.pem")
	der := cfg.Certificates[0].Certificate[0]
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
