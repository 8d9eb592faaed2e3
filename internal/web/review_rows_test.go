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

// TestReviewDeadlineClearedWithCadence: a deadline row whose words and
// date the office cleared is deleted even though its 报送周期 select
// still says 每季度; no cadence-only row is left behind, and the card
// comes back without it. A row with words and a cadence is kept.
func TestReviewDeadlineClearedWithCadence(t *testing.T) {
	f := newFixture(t, "")
	form := url.Values{"title": {"加强督查"}, "units.0.name": {"市司法局"}, "units.0.unit": {"0"},
		"deadlines.0.text": {""}, "deadlines.0.due": {""}, "deadlines.0.every": {"quarter"},
		"deadlines.1.text": {"每月调度"}, "deadlines.1.due": {""}, "deadlines.1.every": {"month"},
		"deadlines.2.text": {""}, "deadlines.2.due": {""}, "deadlines.2.every": {""}}
	w := f.do(t, "POST", "/plans/2/tasks/13", "duban", form, "HX-Request", "true")
	wantStatus(t, w, http.StatusOK)
	got := fakeTaskByID(f, 2, 13).Deadlines
	if len(got) != 1 || got[0].Text != "每月调度" || got[0].Every != "month" {
		t.Errorf("deadlines saved %+v, want only 每月调度", got)
	}
	card := cardHTML(t, w.Body.String(), 13)
	if strings.Contains(card, `<option value="quarter" selected>`) {
		t.Error("the cleared row's 每季度 came back")
	}
	wantBody(t, w, `<option value="month" selected>每月</option>`)
}
