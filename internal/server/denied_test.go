package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// deniedEntries are the access.denied entries, oldest first.
func deniedEntries(t *testing.T, f *fixture) []audit.Entry {
	t.Helper()
	es, _, err := f.db.FindAudit(context.Background(), records.AuditFilter{Action: DeniedAction, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for i, j := 0, len(es)-1; i < j; i, j = i+1, j-1 {
		es[i], es[j] = es[j], es[i]
	}
	return es
}

func deniedDetail(t *testing.T, e audit.Entry) DeniedDetail {
	t.Helper()
	var d DeniedDetail
	if err := json.Unmarshal([]byte(e.After), &d); err != nil {
		t.Fatalf("entry %d: %v (%q)", e.Seq, err, e.After)
	}
	return d
}

// TestRefusalsAudited: a 403 by role, a 403 by unit, a 401 with no token,
// a 401 with a wrong token and a cross-site write refused before anyone
// is authenticated each leave one access.denied entry saying who, from
// where, which request and why; an allowed call and a failed sign-in
// (audited as auth.login) leave none.
func TestRefusalsAudited(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			type want struct {
				actor  string
				status int
				why    string
			}
			cases := []struct {
				name    string
				req     func() *http.Request
				want    want
				audited bool
			}{
				{"403 by role", func() *http.Request { return f.request("liaisonB", "GET", "/api/v1/audit", "") },
					want{"liaisonB", 403, whyRoleOrUnit}, true},
				{"403 by unit", func() *http.Request {
					return f.request("liaisonB", "POST", fmt.Sprintf("/api/v1/tasks/%d/progress", f.taskA), `{"text":"越权","percent":10}`)
				}, want{"liaisonB", 403, whyRoleOrUnit}, true},
				{"401 without a token", func() *http.Request { return f.request("anonymous", "GET", "/api/v1/tasks", "") },
					want{"", 401, whyNoCredentials}, true},
				{"401 with a wrong token", func() *http.Request {
					r := f.request("anonymous", "GET", "/api/v1/units", "")
					r.Header.Set("Authorization", "Bearer not-a-token")
					return r
				}, want{"", 401, whyBadCredentials}, true},
				{"cross-site write", func() *http.Request {
					r := f.request("office", "POST", "/api/v1/units", `{"name":"x","kind":"other"}`)
					r.Header.Set("Sec-Fetch-Site", "cross-site")
					return r
				}, want{"", 403, whyCrossOrigin}, true},
				{"allowed", func() *http.Request { return f.request("office", "GET", "/api/v1/tasks", "") }, want{status: 200}, false},
				{"failed sign-in", func() *http.Request {
					return f.request("anonymous", "POST", "/api/v1/auth/token", `{"username":"office","password":"wrong"}`)
				}, want{status: 401}, false},
			}
			for _, c := range cases {
				before := len(deniedEntries(t, f))
				rec := httptest.NewRecorder()
				r := c.req()
				r.RemoteAddr = "192.0.2.7:40000"
				f.srv.ServeHTTP(rec, r)
				if rec.Code != c.want.status {
					t.Fatalf("%s: %d, want %d", c.name, rec.Code, c.want.status)
				}
				es := deniedEntries(t, f)
				if !c.audited {
					if len(es) != before {
						t.Errorf("%s: %d access.denied entries written, want none", c.name, len(es)-before)
					}
					continue
				}
				if len(es) != before+1 {
					t.Fatalf("%s: %d access.denied entries written, want 1", c.name, len(es)-before)
				}
				e := es[len(es)-1]
				d := deniedDetail(t, e)
				if e.Actor != c.want.actor || e.IP != "192.0.2.7" || d.Status != c.want.status || d.Why != c.want.why ||
					d.Method != r.Method || d.Path != r.URL.Path || e.ObjectID != r.Method+" "+r.URL.Path {
					t.Errorf("%s: entry by %q from %s: %+v, want by %q from 192.0.2.7: %s %s %d %s",
						c.name, e.Actor, e.IP, d, c.want.actor, r.Method, r.URL.Path, c.want.status, c.want.why)
				}
				if c.want.actor != "" && (e.ActorID != f.users[c.want.actor] || d.Role == "") {
					t.Errorf("%s: actor id %d role %q, want %d and the role", c.name, e.ActorID, d.Role, f.users[c.want.actor])
				}
			}
			if _, problems, err := f.db.VerifyAudit(context.Background()); err != nil || len(problems) > 0 {
				t.Errorf("audit chain after refusals: %v %v", err, problems)
			}
		})
	}
}

// TestRefusalFloodBounded: the same refusal repeated is recorded once a
// minute; refusals of many paths at most deniedPerMinute a minute; and
// the first entry of the next minute counts everything left out.
func TestRefusalFloodBounded(t *testing.T) {
	f := newFixture(t, "sqlite")
	clock := time.Now()
	f.services.Signin.Now = func() time.Time { return clock }
	get := func(path string) {
		t.Helper()
		if got := f.call(t, "liaisonB", "GET", path, nil, ""); got != http.StatusForbidden && got != http.StatusNotFound {
			t.Fatalf("GET %s as liaisonB = %d", path, got)
		}
	}
	for range 500 {
		get("/api/v1/audit")
	}
	if n := len(deniedEntries(t, f)); n != 1 {
		t.Fatalf("500 refusals of one path in a minute: %d entries, want 1", n)
	}
	for i := range 200 {
		get(fmt.Sprintf("/api/v1/audit?page=%d", i)) // the same path: the query is not the key
		if got := f.call(t, "anonymous", "GET", fmt.Sprintf("/api/v1/tasks/%d", 1000+i), nil, ""); got != http.StatusUnauthorized {
			t.Fatalf("anonymous = %d", got)
		}
	}
	es := deniedEntries(t, f)
	if len(es) != deniedPerMinute {
		t.Fatalf("a flood over many paths: %d entries in a minute, want the cap %d", len(es), deniedPerMinute)
	}
	clock = clock.Add(time.Minute)
	get("/api/v1/audit")
	es = deniedEntries(t, f)
	if len(es) != deniedPerMinute+1 {
		t.Fatalf("the next minute: %d entries, want %d", len(es), deniedPerMinute+1)
	}
	// Every refusal is either an entry or counted in the next one.
	refusals, counted := 500+200+200+1, 0
	for _, e := range es {
		counted += 1 + deniedDetail(t, e).Dropped
	}
	if counted != refusals {
		t.Errorf("entries and their counts of what was left out add up to %d, want the %d refusals", counted, refusals)
	}
	if d := deniedDetail(t, es[1]); d.Dropped != 500 || d.Path != "/api/v1/tasks/1000" {
		t.Errorf("second entry %+v, want the first anonymous read counting the 500 repeats before it", d)
	}
	if d := deniedDetail(t, es[len(es)-1]); d.Dropped == 0 || d.Path != "/api/v1/audit" {
		t.Errorf("the next minute's entry %+v, want the repeat counting what the cap left out", d)
	}
}

// request is a request as caller, with a JSON body when body is not "".
func (f *fixture) request(caller, method, path, body string) *http.Request {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	if tok := f.tokens[caller]; tok != "" {
		r.Header.Set("Authorization", "Bearer "+tok)
	}
	return r
}

// BenchmarkRefusalFlood is the cost of one refused request in a flood of
// anonymous reads of ever new paths (401), once the minute's entries are
// written: each refusal is then counted, not written.
func BenchmarkRefusalFlood(b *testing.B) {
	f := newFixture(b, "sqlite")
	clock := time.Now()
	f.services.Signin.Now = func() time.Time { return clock } // one minute throughout
	for i := range deniedPerMinute {
		f.srv.ServeHTTP(httptest.NewRecorder(), f.request("anonymous", "GET", fmt.Sprintf("/api/v1/tasks/%d", i), ""))
	}
	b.ResetTimer()
	for i := range b.N {
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, f.request("anonymous", "GET", fmt.Sprintf("/api/v1/tasks/%d", deniedPerMinute+i), ""))
		if rec.Code != http.StatusUnauthorized {
			b.Fatalf("%d", rec.Code)
		}
	}
}
