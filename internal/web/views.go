package web

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/basepath"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/workday"
)

//go:embed templates
var templateFS embed.FS

// views holds one parsed template set per language and page. Each set is
// the layout plus one page file, so pages may all define "title" and
// "content" without colliding. Binding the language at parse time gives
// templates a plain `t "key"` function with no per-request cloning.
type views struct {
	sets map[i18n.Lang]map[string]*template.Template
}

// layoutGlob is the layout and the partials page sets draw on.
const layoutGlob = "templates/layout/*.html"

// loadViews parses the templates; prefix is what their path and asset
// functions put before a link (package basepath).
func loadViews(a *assets, prefix string) (*views, error) {
	pages, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: listing templates: %w", err)
	}
	layouts, err := readTemplates(layoutGlob)
	if err != nil {
		return nil, err
	}
	v := &views{sets: map[i18n.Lang]map[string]*template.Template{}}
	for _, lang := range i18n.Langs {
		v.sets[lang] = map[string]*template.Template{}
		funcs := templateFuncs(i18n.New(lang), a, prefix)
		for _, p := range pages {
			name := strings.TrimSuffix(path.Base(p), ".html")
			t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, append(layoutsFor(p, layouts), p)...)
			if err != nil {
				return nil, fmt.Errorf("web: parsing %s: %w", p, err)
			}
			v.sets[lang][name] = t
		}
	}
	return v, nil
}

// templateFile is a template file's path, text and the templates it
// defines.
type templateFile struct {
	path, text string
	defines    []string
}

var (
	defineRef = regexp.MustCompile(`\{\{-?\s*define\s+"([^"]+)"`)
	calledRef = regexp.MustCompile(`\{\{-?\s*(?:template|block)\s+"([^"]+)"`)
)

func readTemplates(glob string) ([]templateFile, error) {
	paths, err := fs.Glob(templateFS, glob)
	if err != nil {
		return nil, fmt.Errorf("web: listing templates: %w", err)
	}
	var out []templateFile
	for _, p := range paths {
		b, err := templateFS.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("web: reading %s: %w", p, err)
		}
		f := templateFile{path: p, text: string(b)}
		for _, m := range defineRef.FindAllStringSubmatch(f.text, -1) {
			f.defines = append(f.defines, m[1])
		}
		out = append(out, f)
	}
	return out, nil
}

// layoutsFor is the layout files a page's set includes: base.html, and
// every file defining a template the page, or a file included, calls. A
// set of the layout and all the partials was parsed for each page and
// language — 43 MB of the server's 66 MB of live memory; most pages call
// none of the larger partials.
func layoutsFor(page string, layouts []templateFile) []string {
	text, _ := templateFS.ReadFile(page)
	called := map[string]bool{}
	call := func(s string) {
		for _, m := range calledRef.FindAllStringSubmatch(s, -1) {
			called[m[1]] = true
		}
	}
	call(string(text))
	in := make([]bool, len(layouts))
	for grew := true; grew; {
		grew = false
		for i, f := range layouts {
			if in[i] || (path.Base(f.path) != "base.html" && !slices.ContainsFunc(f.defines, func(d string) bool { return called[d] })) {
				continue
			}
			in[i], grew = true, true
			call(f.text)
		}
	}
	var out []string
	for i, f := range layouts {
		if in[i] {
			out = append(out, f.path)
		}
	}
	return out
}

// lookup returns page's template set for lang, or nil.
func (v *views) lookup(lang i18n.Lang, page string) *template.Template {
	if m, ok := v.sets[lang]; ok {
		return m[page]
	}
	return v.sets[i18n.Default][page]
}

func templateFuncs(loc i18n.Localizer, a *assets, prefix string) template.FuncMap {
	funcs := template.FuncMap{
		// t looks a catalogue key up: {{t "users.title"}}, or with
		// placeholders {{t "users.count" "n" (len .Users)}}.
		"t":        loc.T,
		"role":     func(code string) string { return loc.T(roleKey(code)) },
		"unitKind": func(code string) string { return loc.T(unitKindKey(code)) },
		// asset is a static file's URL with its content hash:
		// {{asset "app.css"}}.
		"asset": func(name string) (string, error) {
			u, err := a.url(name)
			return basepath.Join(prefix, u), err
		},
		// base is the prefix of a reverse proxy's sub-path ("/duban" for
		// base_url https://host/duban/, "" at the root), written before
		// every link a template writes: href="{{base}}/tasks/{{.ID}}",
		// action="{{base}}/signin". The path stays text, so html/template
		// escapes what follows it as before.
		"base": func() string { return prefix },
		// link is a link built in Go, a path from the root
		// ("/tasks?status=red"): href="{{link .Href}}" puts the prefix
		// before it and leaves "?page=2", "#x" and full URLs as they are.
		"link":     func(p string) string { return basepath.Join(prefix, p) },
		"datetime": func(t time.Time) string { return formatTime(t, "2006-01-02 15:04:05") },
		"date":     func(t time.Time) string { return formatTime(t, "2006-01-02") },
		// minute is for time limits and steps, where seconds say nothing.
		"minute": func(t time.Time) string { return formatTime(t, "2006-01-02 15:04") },
		"join":   strings.Join,
		"hasID":  hasID,
		// indent repeats a full-width space per tree level, for <option>
		// text, which cannot be styled.
		"indent": func(depth int) string { return strings.Repeat("\u3000", depth) },
		// depth is a CSS class for a tree level; the content security
		// policy forbids style attributes, and ten levels are plenty.
		"depth":   func(depth int) string { return "depth-" + strconv.Itoa(min(depth, 9)) },
		"initial": initial,
		"has":     slices.Contains[[]string],
		// source is a task's source as its short label (批示, 会议, 方案…).
		"source": func(code string) string {
			if code == "" {
				return ""
			}
			return loc.T("source.short." + code)
		},
	}
	for name, fn := range ledgerFuncs(loc) {
		funcs[name] = fn
	}
	for name, fn := range assessFuncs() {
		funcs[name] = fn
	}
	for name, fn := range changeFuncs(loc) {
		funcs[name] = fn
	}
	funcs["subtaskRow"] = subtaskRow
	return funcs
}

func formatTime(t time.Time, layout string) string {
	if t.IsZero() {
		return ""
	}
	return t.In(workday.Zone).Format(layout)
}

// initial is the first character of a name, for the user menu's badge.
func initial(name string) string {
	for _, r := range name {
		return string(r)
	}
	return "?"
}

func hasID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
