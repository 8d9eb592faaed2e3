package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestReviewUnmatchedNames: the banner's count of unmatched unit names
// is a link, like the other counts, to a group under 请核对 that lists
// each name once with links to the cards of the tasks that name it; the
// count is of names, as the group lists them.
func TestReviewUnmatchedNames(t *testing.T) {
	f := newFixture(t, "")
	f.plans.mu.Lock()
	p := f.plans.plans[2]
	p.tasks[2].Units = []UnitLink{{Name: "市大数据局", Lead: true}, {Name: "市府法制"}, {Name: "市大数据局"}} // task 13
	f.plans.mu.Unlock()

	w := f.do(t, "GET", "/plans/2/review", "duban", nil)
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w,
		`<a class="count count-flag" href="#warn-unknown_unit"><strong>2</strong> 个单位名称未匹配（涉及 2 项任务）</a>`,
		`<details class="warn-group" id="warn-unknown_unit" open>`,
		`<span class="warn-text">单位名称未匹配</span> <span class="muted">共 2 个名称，涉及 3 项任务</span>`,
		`<li><span class="chip chip-flag">市府法制</span> <a href="#task-12"><span class="seq">一.2</span> 完善行政决策机制</a> <a href="#task-13"><span class="seq">二.1</span> 加强督查</a></li>`,
		`<li><span class="chip chip-flag">市大数据局</span> <a href="#task-13"><span class="seq">二.1</span> 加强督查</a></li>`,
	)
	// The groups follow the banner's order: no unit, unmatched names, no deadline.
	body := w.Body.String()
	order := regexp.MustCompile(`id="warn-(\w+)"`).FindAllStringSubmatch(body, -1)
	var kinds []string
	for _, m := range order {
		kinds = append(kinds, m[1])
	}
	if got := strings.Join(kinds, " "); got != "no_unit unknown_unit no_deadline duplicate_path" {
		t.Errorf("groups in order %q", got)
	}
	w = f.do(t, "GET", "/plans/2/review?lang=zh-TW", "duban", nil)
	wantBody(t, w, "個單位名稱未匹配", "單位名稱未匹配", "共 2 個名稱，涉及 3 項任務")

	// Every task with a unit: 挂号 asks about the same count of names.
	f.plans.mu.Lock()
	p.tasks[0].Units = []UnitLink{{Name: "市大数据局"}}
	p.tasks[3].Units = []UnitLink{{Name: "市府法制"}}
	f.plans.mu.Unlock()
	wantBody(t, f.do(t, "GET", "/plans/2/review", "duban", nil), `<strong>2</strong> 个单位名称未匹配（涉及 4 项任务）</a>`,
		`data-confirm="仍有 2 个单位名称未匹配，这些单位将看不到任务。确定将 4 项任务挂号下发吗？"`)

	// Every name matched: no link, no group.
	f.plans.mu.Lock()
	for i := range p.tasks {
		p.tasks[i].Units = []UnitLink{{Name: "市司法局"}}
	}
	f.plans.mu.Unlock()
	w = f.do(t, "GET", "/plans/2/review", "duban", nil)
	if body := w.Body.String(); strings.Contains(body, "warn-unknown_unit") || strings.Contains(body, "单位名称未匹配") {
		t.Error("unmatched names shown when every name is registered")
	}
}

// TestReviewSavedBannerCountsNames: the banner sent beside a card saved
// through htmx counts names the same way.
func TestReviewSavedBannerCountsNames(t *testing.T) {
	f := newFixture(t, "")
	form := map[string][]string{"title": {"建立重大行政决策目录"}, "units.0.name": {"市府法制"}, "units.0.unit": {"0"},
		"units.1.name": {"市府法制"}, "units.1.unit": {"0"}}
	w := f.do(t, "POST", "/plans/2/tasks/11", "duban", form, "HX-Request", "true")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `hx-swap-oob="true"`, `href="#warn-unknown_unit"><strong>1</strong> 个单位名称未匹配（涉及 2 项任务）</a>`)
}

// TestReviewFixKeysExist: the keys this page's Go code and the service's
// split refusal name are in both catalogues.
func TestReviewFixKeysExist(t *testing.T) {
	for _, k := range []string{"review.unmatched.label", "review.unmatched.count", "review.unmatched.hint", "plans.error.split_note"} {
		hasEverywhere(t, k, "review")
	}
}
