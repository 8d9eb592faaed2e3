package cli

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/duban/duban/demo"
)

// TestDemoPublicRowsTitled (issue 14, defect 3): on the demo, every plan
// row of /public — seed 002, whose document gives no title, among them —
// has a title and a link to the plan's page, and that page's title is
// the plan's, not a blank before " · ".
func TestDemoPublicRowsTitled(t *testing.T) {
	app := openDemo(t)
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s = %d", path, rec.Code)
		}
		return rec
	}
	page := get("/public").Body.String()
	list := regexp.MustCompile(`(?s)<ul class="plain portal-plans">(.*?)</ul>`).FindStringSubmatch(page)
	if list == nil {
		t.Fatalf("/public lists no plan:\n%s", page)
	}
	rows := regexp.MustCompile(`(?s)<li>(.*?)</li>`).FindAllStringSubmatch(list[1], -1)
	if len(rows) < 5 {
		t.Errorf("/public lists %d plans, want the demo's five", len(rows))
	}
	// The demo's office names a plan whose document gives no title, so
	// no row shows a file's name.
	seeds, _ := fs.Glob(demo.Seeds(), "*.txt")
	for _, name := range seeds {
		if stem := strings.TrimSuffix(name, ".txt"); strings.Contains(list[1], stem) {
			t.Errorf("/public shows the file name %s as a title", stem)
		}
	}
	link := regexp.MustCompile(`<a href="(/public/plans/\d+)"><strong>([^<]*)</strong></a>`)
	titleTag := regexp.MustCompile(`<title>([^<]*)</title>`)
	for _, r := range rows {
		m := link.FindStringSubmatch(r[1])
		if m == nil || strings.TrimSpace(m[2]) == "" {
			t.Errorf("a /public row without a title or a link: %s", r[1])
			continue
		}
		tt := titleTag.FindStringSubmatch(get(m[1]).Body.String())
		if tt == nil || !strings.HasPrefix(tt[1], strings.TrimSpace(m[2])) {
			t.Errorf("%s is titled %v, want it to start with %q", m[1], tt, m[2])
		}
	}
}
