package clientip

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestResolve: the client is the rightmost untrusted hop, walking from
// the peer leftwards through trusted proxies; a peer that is not trusted
// is the client whatever it writes; X-Forwarded-Proto counts only from a
// trusted proxy.
func TestResolve(t *testing.T) {
	loopback := New(Loopback())
	one, err := ParsePrefixes([]string{"127.0.0.1/32"})
	if err != nil {
		t.Fatal(err)
	}
	chain, err := ParsePrefixes([]string{"127.0.0.1", "10.0.0.0/8", "fd00::/8"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		v        *Resolver
		peer     string
		xff      []string
		proto    string
		tls      bool
		want     string
		wantSafe bool
	}{
		{"the issue's case", New(one), "127.0.0.1:5000", []string{"203.0.113.9, 198.51.100.7"}, "", false, "198.51.100.7", false},
		{"no header", New(one), "127.0.0.1:5000", nil, "", false, "127.0.0.1", false},
		{"untrusted peer writes anything", New(one), "192.0.2.4:5000", []string{"198.51.100.7"}, "https", false, "192.0.2.4", false},
		{"127.0.0.2 is not 127.0.0.1/32", New(one), "127.0.0.2:5000", []string{"198.51.100.7"}, "", false, "127.0.0.2", false},
		{"two proxies", New(chain), "127.0.0.1:5000", []string{"203.0.113.9, 198.51.100.7, 10.1.2.3"}, "https", false, "198.51.100.7", true},
		{"split over two headers", New(chain), "127.0.0.1:5000", []string{"203.0.113.9", "198.51.100.7", "10.1.2.3"}, "", false, "198.51.100.7", false},
		{"every hop trusted", New(chain), "127.0.0.1:5000", []string{"10.9.9.9, 10.1.2.3"}, "", false, "10.9.9.9", false},
		{"garbage stops at the last proxy", New(chain), "127.0.0.1:5000", []string{"198.51.100.7, unknown, 10.1.2.3"}, "", false, "10.1.2.3", false},
		{"hops with ports", New(chain), "127.0.0.1:5000", []string{"[2001:db8::7]:443, 10.1.2.3:80"}, "", false, "2001:db8::7", false},
		{"IPv6 proxy", New(chain), "[fd00::1]:5000", []string{"198.51.100.7"}, "", false, "198.51.100.7", false},
		{"mapped IPv4", New(chain), "[::ffff:127.0.0.1]:5000", []string{"::ffff:198.51.100.7"}, "", false, "198.51.100.7", false},
		{"nobody trusted", New(nil), "127.0.0.1:5000", []string{"198.51.100.7"}, "https", false, "127.0.0.1", false},
		{"default: loopback", loopback, "[::1]:5000", []string{"198.51.100.7"}, "", false, "198.51.100.7", false},
		{"the nearest proxy's proto", loopback, "127.0.0.1:5000", nil, "http, https", false, "127.0.0.1", true},
		{"proxy says http", loopback, "127.0.0.1:5000", nil, "http", false, "127.0.0.1", false},
		{"own TLS", New(nil), "192.0.2.4:5000", nil, "http", true, "192.0.2.4", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = c.peer
			for _, v := range c.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if c.proto != "" {
				r.Header.Set("X-Forwarded-Proto", c.proto)
			}
			if !c.tls {
				r.TLS = nil
			} else {
				r.TLS = &tls.ConnectionState{}
			}
			got := c.v.Resolve(r)
			if got.Addr != c.want || got.Secure != c.wantSafe {
				t.Errorf("Resolve = %+v, want %s secure=%v", got, c.want, c.wantSafe)
			}
			// Of and Secure read what the Handler noted.
			var of string
			var secure bool
			c.v.Handler(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { of, secure = Of(r), Secure(r) })).
				ServeHTTP(httptest.NewRecorder(), r)
			if of != c.want || secure != c.wantSafe {
				t.Errorf("through Handler: Of = %s, Secure = %v", of, secure)
			}
		})
	}
}

// TestOfWithoutResolver: a request that met no Resolver is its peer; no
// header is believed.
func TestOfWithoutResolver(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	r.RemoteAddr = "127.0.0.1:5000"
	r.Header.Set("X-Forwarded-For", "198.51.100.7")
	r.Header.Set("X-Forwarded-Proto", "https")
	if Of(r) != "127.0.0.1" || Secure(r) {
		t.Errorf("Of = %s, Secure = %v", Of(r), Secure(r))
	}
}

// TestParsePrefixes: CIDRs and bare addresses are read; nonsense and a
// prefix that trusts everyone are refused.
func TestParsePrefixes(t *testing.T) {
	got, err := ParsePrefixes([]string{" 10.0.0.0/8", "192.0.2.7", "::1", "10.1.2.3/8"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"10.0.0.0/8", "192.0.2.7/32", "::1/128", "10.0.0.0/8"}
	for i, p := range got {
		if p.String() != want[i] {
			t.Errorf("%d: %s, want %s", i, p, want[i])
		}
	}
	for _, bad := range []string{"0.0.0.0/0", "::/0", "proxy.local", "10.0.0.0/33", ""} {
		if _, err := ParsePrefixes([]string{bad}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// BenchmarkResolve is the cost on every request of finding the client
// behind two proxies.
func BenchmarkResolve(b *testing.B) {
	trusted, _ := ParsePrefixes([]string{"127.0.0.1", "10.0.0.0/8"})
	v := New(trusted)
	r := httptest.NewRequest("GET", "/", nil)
	r.RemoteAddr = "127.0.0.1:5000"
	r.Header.Set("X-Forwarded-For", "203.0.113.9, 198.51.100.7, 10.1.2.3")
	r.Header.Set("X-Forwarded-Proto", "https")
	b.ReportAllocs()
	for b.Loop() {
		if c := v.Resolve(r); c.Addr != "198.51.100.7" {
			b.Fatal(c)
		}
	}
}
