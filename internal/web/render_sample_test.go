package web

import (
	"bytes"
	"testing"

	"github.com/duban/duban/internal/i18n"
)

// renderSample renders page name with data as the reader of lang sees it.
func renderSample(t *testing.T, lang i18n.Lang, name string, data any) string {
	t.Helper()
	tmpl := newFixture(t, "").h.views.lookup(lang, name)
	if tmpl == nil {
		t.Fatalf("no template set %s", name)
	}
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, "layout", data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
