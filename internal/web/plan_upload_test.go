package web

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/intakesvc"
)

// TestPlanUploadAccepts: the file picker offers every kind of document
// the intake service reads (CSV among them), no other, and the hint
// names them in both languages.
func TestPlanUploadAccepts(t *testing.T) {
	f := newFixture(t, "")
	w := f.do(t, "GET", "/plans", "duban", nil)
	wantStatus(t, w, 200)
	m := regexp.MustCompile(`id="plan-file" name="file" type="file" accept="([^"]*)"`).FindStringSubmatch(w.Body.String())
	if m == nil {
		t.Fatal("no accept attribute on the plan file input")
	}
	if got := strings.Split(m[1], ","); !slices.Equal(got, intakesvc.Extensions) {
		t.Errorf("accept %v, the service reads %v", got, intakesvc.Extensions)
	}
	wantBody(t, w, ".csv（UTF-8 或 GBK 编码）")
	wantBody(t, f.do(t, "GET", "/plans?lang=zh-TW", "duban", nil), ".csv（UTF-8 或 GBK 編碼）")
}
