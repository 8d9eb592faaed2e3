package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestReviewRowsShared: the add form and the cards draw their unit and
// deadline rows with one partial each; the add form, whose names are not
// matched yet, shows no match marks and no 新建单位, and its cadence
// select offers the cards' cadences.
func TestReviewRowsShared(t *testing.T) {
	f := newFixture(t, "")
	form := url.Values{"after": {"11"}, "title": {""}, "units.0.name": {"市新设单位"}, "units.0.unit": {"0"},
		"deadlines.0.text": {"每季度"}, "deadlines.0.every": {"quarter"}}
	w := f.do(t, "POST", "/plans/2/tasks", "duban", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	body := w.Body.String()
	add := body[strings.Index(body, `id="add-task"`):]
	for _, bad := range []string{"未登记", "create_unit", "/tasks/0/", `placeholder="新增单位"`} {
		if strings.Contains(add, bad) {
			t.Errorf("add form shows %q", bad)
		}
	}
	for _, want := range []string{`value="市新设单位"`, `<option value="quarter" selected>每季度</option>`, `<option value="half-year">每半年</option>`, `<optgroup label="全部单位">`} {
		if !strings.Contains(add, want) {
			t.Errorf("add form lacks %q", want)
		}
	}
	card := cardHTML(t, body, 13)
	for _, want := range []string{`<option value="quarter" selected>每季度</option>`, `placeholder="新增一行"`, `placeholder="新增单位"`} {
		if !strings.Contains(card, want) {
			t.Errorf("card lacks %q", want)
		}
	}
	card = cardHTML(t, body, 12)
	for _, want := range []string{`<tr class="unknown">`, "未登记", `formaction="/plans/2/tasks/12/units"`, `<th scope="col"><span class="sr-only">操作</span></th>`} {
		if !strings.Contains(card, want) {
			t.Errorf("card 12 lacks %q", want)
		}
	}
}
