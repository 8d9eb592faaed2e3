package basepath

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestFromURL(t *testing.T) {
	for base, want := range map[string]string{
		"": "", "https://duban.example.gov.cn": "", "https://duban.example.gov.cn/": "",
		"https://host/duban": "/duban", "http://127.0.0.1:8080/duban/": "/duban", "https://host/a/b/": "/a/b",
	} {
		if got := FromURL(base); got != want {
			t.Errorf("FromURL(%q) = %q, want %q", base, got, want)
		}
	}
}

func TestJoin(t *testing.T) {
	for _, c := range []struct{ prefix, p, want string }{
		{"/duban", "/tasks/5", "/duban/tasks/5"},
		{"/duban", "/", "/duban/"},
		{"/duban", "?page=2", "?page=2"},
		{"/duban", "#x", "#x"},
		{"/duban", "//evil.example/x", "//evil.example/x"},
		{"/duban", "https://other.example/", "https://other.example/"},
		{"", "/tasks", "/tasks"},
	} {
		if got := Join(c.prefix, c.p); got != c.want {
			t.Errorf("Join(%q, %q) = %q, want %q", c.prefix, c.p, got, c.want)
		}
	}
	if CookiePath("") != "/" || CookiePath("/duban") != "/duban" {
		t.Errorf("CookiePath: %q %q", CookiePath(""), CookiePath("/duban"))
	}
}

// A proxy may strip the prefix (proxy_pass http://…/;) or pass it on: the
// routes see the same path, and the context carries the prefix.
func TestHandlerStripsAnUnstrippedPrefix(t *testing.T) {
	var seen, prefix, uri string
	h := Handler("/duban/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen, prefix, uri = r.URL.Path, From(r.Context()), r.RequestURI
	}))
	for in, want := range map[string]string{
		"/duban/tasks?x=1": "/tasks", "/duban": "/", "/duban/": "/", "/tasks": "/tasks", "/dubanx/y": "/dubanx/y",
	} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", in, nil))
		if seen != want || prefix != "/duban" {
			t.Errorf("%s: route saw %q with prefix %q, want %q with /duban", in, seen, prefix, want)
		}
	}
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/duban/tasks?x=1", nil))
	if uri != "/tasks?x=1" {
		t.Errorf("RequestURI = %q, want /tasks?x=1", uri)
	}
}
