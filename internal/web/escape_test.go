package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// evilTexts are what a hostile user or an imported document might put in a
// name: a script element and an attribute break-out.
var evilTexts = []string{`<script>alert(1)</script>`, `"><img src=x onerror=1>`}

// TestUserTextEscaped puts hostile text in every user-controlled field and
// opens every page that shows such text: the text must arrive (escaped),
// never as markup.
func TestUserTextEscaped(t *testing.T) {
	for _, evil := range evilTexts {
		f := newFixture(t, evil)
		type req struct {
			method, path, user string
			form               url.Values
		}
		reqs := []req{
			{"GET", "/", "admin", nil},
			{"GET", "/", "liaison", nil},
			{"GET", "/users", "admin", nil},
			{"GET", "/users?q=" + url.QueryEscape(evil), "admin", nil},
			{"GET", "/users/new", "admin", nil},
			{"GET", "/users/5/edit", "admin", nil},
			{"GET", "/units", "admin", nil},
			{"GET", "/units/new", "admin", nil},
			{"GET", "/units/3/edit", "admin", nil},
			{"GET", "/audit", "auditor", nil},
			{"GET", "/audit?actor=" + url.QueryEscape(evil), "auditor", nil},
			{"GET", "/signin?next=" + url.QueryEscape("/"+evil), "", nil},
			{"POST", "/signin", "", url.Values{"username": {evil}, "password": {"x"}}},
			{"POST", "/setup/s3tup-t0ken", "", url.Values{"username": {evil}, "display_name": {evil}}},
			{"POST", "/users/new", "admin", url.Values{"username": {evil}, "display_name": {evil}, "role": {evil}}},
			{"POST", "/users/7/reset-password", "admin", nil},
			{"POST", "/users/7/enable", "admin", nil},
			{"POST", "/units/new", "admin", url.Values{"name": {evil}, "aliases": {evil}, "kind": {evil}}},
		}
		for _, rq := range reqs {
			w := f.do(t, rq.method, rq.path, rq.user, rq.form, "HX-Request", hxFor(rq.path))
			body := w.Body.String()
			if strings.Contains(body, evil) {
				t.Errorf("%s %s: raw %q in page", rq.method, rq.path, evil)
			}
			forms := escapedForms(evil)
			if !strings.Contains(body, forms[0]) && !strings.Contains(body, forms[1]) {
				t.Errorf("%s %s (%d): hostile text never reached the page; the test proves nothing", rq.method, rq.path, w.Code)
			}
		}

		// A flash carrying a hostile unit name across a redirect.
		w := f.do(t, "POST", "/units/3/edit", "admin", url.Values{"name": {"市司法局" + evil}, "kind": {"department"}, "parent": {"1"}})
		wantStatus(t, w, http.StatusSeeOther)
		var cookie string
		for _, c := range w.Result().Cookies() {
			if c.Name == flashCookie {
				cookie = c.Name + "=" + c.Value
			}
		}
		w = f.do(t, "GET", "/units", "admin", nil, "Cookie", cookie)
		if strings.Contains(w.Body.String(), evil) || !strings.Contains(w.Body.String(), "flash-success") {
			t.Errorf("flash: raw text or no flash")
		}
	}
}

// hxFor sends the user row actions as htmx, so the fragment is checked.
func hxFor(path string) string {
	if strings.HasSuffix(path, "/enable") {
		return "true"
	}
	return ""
}

// escapedForms are how html/template writes evil in text and attributes,
// and how a URL carries it (the sign-in page's next).
func escapedForms(evil string) [2]string {
	text := strings.NewReplacer("<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace(evil)
	return [2]string{text, url.QueryEscape(evil)}
}
