package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestPlanRename: the office renames a registered plan from its row in
// the list; a blank name comes back in the row's open form with the
// reason; a draft's row has no such form (its review has the plan's
// fields), and a liaison may not rename.
func TestPlanRename(t *testing.T) {
	f := newFixture(t, "")
	w := f.do(t, "GET", "/plans", "duban", nil)
	wantBody(t, w, `<form method="post" action="/plans/3/title" class="inline-form">`, `<summary>改名</summary>`, `value="已挂号的方案"`)
	if strings.Contains(w.Body.String(), `action="/plans/2/title"`) {
		t.Error("a draft's row offers the rename form")
	}
	w = f.do(t, "POST", "/plans/3/title", "duban", url.Values{"title": {"  "}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, `<details class="plan-rename" open>`, `<p class="field-error">此项为必填项。</p>`, `aria-invalid="true"`)
	got := wantRedirect(t, f, f.do(t, "POST", "/plans/3/title", "duban", url.Values{"title": {"嘉兴市法治政府建设实施方案"}}), "duban", "/plans#plan-3")
	if got != "success: 方案名称已保存。" {
		t.Errorf("flash %q", got)
	}
	if title := f.plans.plans[3].plan.Title; title != "嘉兴市法治政府建设实施方案" {
		t.Errorf("title %q", title)
	}
	wantStatus(t, f.do(t, "POST", "/plans/3/title", "liaison", url.Values{"title": {"x"}}), http.StatusForbidden)
}
