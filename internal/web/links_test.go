package web

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/duban/duban/internal/i18n"
)

// howToLink is what a failure of TestNoAbsoluteLinks says to do.
const howToLink = `duban may be served under a reverse proxy's sub-path (base_url https://host/duban/), ` +
	`so a link from the root leaves it. In templates write href="{{base}}/tasks/{{.ID}}" (a link built in Go: ` +
	`href="{{link .Href}}"; a static file: {{asset "app.css"}}); in handlers redirect(w, r, "/tasks") (never ` +
	`http.Redirect); cookies take Path basepath.CookiePath(basepath.From(r.Context())); scripts take URLs ` +
	`from the page (a link's href, a form's action, a data- attribute written with {{link}}), never "/…"`

// urlAttr is an attribute that holds a URL the browser follows.
var urlAttr = regexp.MustCompile(`\s(href|src|action|formaction|poster|hx-get|hx-post|hx-put|hx-patch|hx-delete|hx-push-url|data-[a-z-]*(?:url|href|src))="`)

// notAPath are values from Go that are not paths on this site and so are
// written as they are: the generated passwords file is a data: URL.
var notAPath = map[string]bool{".Done.PasswordsFile": true}

// TestNoAbsoluteLinks fails, naming file and line, for any link in the
// templates, redirect in the web handlers or URL in the page scripts that
// is written from the root without the base_url prefix.
func TestNoAbsoluteLinks(t *testing.T) {
	var problems []string
	add := func(file string, line int, what string) {
		problems = append(problems, fmt.Sprintf("%s:%d: %s", filepath.Join("internal/web", file), line, what))
	}
	templates, err := fs.Glob(templateFS, "templates/*/*.html")
	if err != nil || len(templates) == 0 {
		t.Fatalf("templates: %v", err)
	}
	for _, name := range templates {
		src, err := fs.ReadFile(templateFS, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range templateLinks(string(src)) {
			add(name, p.line, p.what)
		}
	}
	// The pages' handlers, their services' adapters (the session cookie)
	// and the server's middleware (the password gate).
	var goFiles []string
	for _, dir := range []string{".", "../webdeps", "../server"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		goFiles = append(goFiles, files...)
	}
	for _, name := range goFiles {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			code, _, _ := strings.Cut(line, "//")
			if strings.Contains(code, "basepath.") || (name == "handler.go" && strings.Contains(code, "target")) {
				continue // the prefix is put on here
			}
			switch {
			case strings.Contains(code, "http.Redirect("):
				add(name, i+1, "http.Redirect writes the path without the prefix: "+strings.TrimSpace(line))
			case strings.Contains(code, `"HX-Redirect"`) || strings.Contains(code, `"HX-Location"`) || strings.Contains(code, `"Location"`):
				add(name, i+1, "a redirect header written by hand: "+strings.TrimSpace(line))
			case strings.Contains(code, `Path: "/"`) || strings.Contains(code, `Path:     "/"`):
				add(name, i+1, "a cookie for the whole host: "+strings.TrimSpace(line))
			}
		}
	}
	scripts, _ := fs.Glob(staticFS, "static/*.js")
	rootString := regexp.MustCompile("[\"'`]/[^/*]")
	for _, name := range scripts {
		src, err := fs.ReadFile(staticFS, name)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			code, _, _ := strings.Cut(line, "//")
			if rootString.MatchString(code) {
				add(name, i+1, "a URL from the root in a script: "+strings.TrimSpace(line))
			}
		}
	}
	if len(problems) > 0 {
		t.Errorf("%d links without the base_url prefix:\n%s\n\n%s", len(problems), strings.Join(problems, "\n"), howToLink)
	}
}

type linkProblem struct {
	line int
	what string
}

// templateLinks finds the URL attributes of a template whose value starts
// (or, after {{if}}/{{else}}, restarts) with "/" or with a value from Go
// not passed through link.
func templateLinks(src string) []linkProblem {
	var out []linkProblem
	for _, m := range urlAttr.FindAllStringSubmatchIndex(src, -1) {
		start := m[1]
		value := attrValue(src[start:])
		line := strings.Count(src[:start], "\n") + 1
		attr := src[m[2]:m[3]]
		for _, bad := range linkStarts(value) {
			out = append(out, linkProblem{line, fmt.Sprintf(`%s="%s" starts with %s`, attr, value, bad)})
		}
	}
	return out
}

// attrValue is the value of an attribute up to its closing quote, skipping
// the quotes inside {{ }} actions.
func attrValue(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch {
		case strings.HasPrefix(s[i:], "{{"):
			depth++
			i++
		case strings.HasPrefix(s[i:], "}}") && depth > 0:
			depth--
			i++
		case s[i] == '"' && depth == 0:
			return s[:i]
		}
	}
	return s
}

// control is a template action that does not write anything: what
// follows it is where a value (re)starts.
var control = regexp.MustCompile(`^-?\s*(if|else|with|range|end|block|template)\b`)

// linkStarts lists the pieces a URL value starts with that lack the
// prefix: literal text from the root, or a value from Go not given to
// link; and a value glued straight after link or asset, which
// html/template would then filter as a whole URL ({{base}}/x/{{.ID}} is
// the way).
func linkStarts(value string) []string {
	var bad []string
	atStart, afterLink := true, false
	for value != "" {
		if strings.HasPrefix(value, "{{") {
			end := strings.Index(value, "}}")
			if end < 0 {
				break
			}
			action := strings.TrimSpace(strings.Trim(value[2:end], "- "))
			value = value[end+2:]
			if control.MatchString(action) {
				atStart, afterLink = true, false
				continue
			}
			switch {
			case afterLink:
				bad = append(bad, "a link glued to {{"+action+"}}")
			case strings.HasPrefix(action, `link "`):
				bad = append(bad, "{{"+action+"}} (write {{base}} and the path)")
			case atStart && action != "base" && !strings.HasPrefix(action, "link ") && !strings.HasPrefix(action, "asset ") && !notAPath[action]:
				bad = append(bad, "{{"+action+"}}")
			}
			afterLink = atStart && (strings.HasPrefix(action, "link ") || strings.HasPrefix(action, "asset "))
			atStart = false
			continue
		}
		afterLink = false
		next := strings.Index(value, "{{")
		if next < 0 {
			next = len(value)
		}
		if atStart && strings.HasPrefix(value, "/") {
			bad = append(bad, `"`+value[:next]+`"`)
		}
		atStart = false
		value = value[next:]
	}
	return bad
}

// The check itself finds what it must: a literal link, one after {{else}},
// a value from Go, and lets the prefixed ones pass.
func TestLinkCheckFindsAbsoluteLinks(t *testing.T) {
	src := `<a href="/tasks">x</a>
<form action="{{if .New}}{{base}}/units/new{{else}}/units/{{.ID}}/edit{{end}}">
<a href="{{.Href}}"><a href="{{link .Href}}"><a href="{{base}}/tasks/{{.ID}}?a={{.Q}}">
<link href="{{asset "app.css"}}"><a href="#top"><a href="?page=2"><a href="https://example.gov.cn/">
<button hx-post="/x/{{.ID}}">
<a href="{{link "/tasks/"}}{{.ID}}">`
	got := templateLinks(src)
	want := []int{1, 2, 3, 5, 6, 6}
	if len(got) != len(want) {
		t.Fatalf("found %v, want problems on lines %v", got, want)
	}
	for i, p := range got {
		if p.line != want[i] {
			t.Errorf("problem %d on line %d (%s), want line %d", i, p.line, p.what, want[i])
		}
	}
}

// renderedURL is a URL attribute in a rendered page.
var renderedURL = regexp.MustCompile(`\s(href|src|action|formaction|poster|hx-get|hx-post|hx-put|hx-patch|hx-delete|hx-push-url)="([^"]*)"`)

// TestEveryPageUnderAPrefix renders every page's samples (and the
// fragments handlers render alone) with the templates bound to the
// prefix /duban, as behind a proxy at https://host/duban/: no link, form
// or file may start with "/" outside /duban/, whether the template wrote
// it or Go built it, nor be refused by html/template's URL filter.
func TestEveryPageUnderAPrefix(t *testing.T) {
	a, err := loadAssets()
	if err != nil {
		t.Fatal(err)
	}
	v, err := loadViews(a, "/duban")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	check := func(what, out string) {
		for _, m := range renderedURL.FindAllStringSubmatch(out, -1) {
			seen++
			if u := m[2]; strings.Contains(u, "ZgotmplZ") || (strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "/duban/")) {
				t.Errorf("%s: %s=%q is outside /duban/\n%s", what, m[1], u, howToLink)
			}
		}
	}
	for name, datas := range samplePages() {
		for i, data := range datas {
			var b strings.Builder
			if err := v.lookup(i18n.ZhCN, name).ExecuteTemplate(&b, "layout", data); err != nil {
				t.Fatalf("%s #%d: %v", name, i, err)
			}
			check(fmt.Sprintf("page %s #%d", name, i), b.String())
		}
	}
	if seen < 500 {
		t.Errorf("only %d links seen in the samples: the check is not looking", seen)
	}
}
