package web

import (
	"net/http"
	"net/url"
	"testing"
)

// TestPlanPublishPersonalData: publishing a plan whose tasks hold
// personal data asks on a page that names them and what each holds;
// 仍然公开 posts confirm_pii=1 and publishes it.
func TestPlanPublishPersonalData(t *testing.T) {
	f := newFixture(t, "")
	f.plans.plans[3].personal = []PersonalTask{{TaskRef: TaskRef{ID: 21, Path: "一.1", Title: "核查身份证****************34"},
		Kinds: []string{"pii.kind.id_number", "pii.kind.mobile"}}}
	w := f.do(t, "POST", "/plans/3/publish", "duban", url.Values{"public": {"1"}})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "任务含有个人信息", "以下 1 项内容含有个人信息：", `<li><a href="/tasks/21">一.1 核查身份证****************34</a>：身份证号、手机号</li>`,
		`<input type="hidden" name="confirm_pii" value="1">`, "仍然公开（遮蔽后显示）")
	if f.plans.plans[3].plan.Published != nil {
		t.Fatal("published without asking")
	}
	wantRedirect(t, f, f.do(t, "POST", "/plans/3/publish", "duban", url.Values{"public": {"1"}, "confirm_pii": {"1"}}), "duban", "/plans#plan-3")
	if f.plans.plans[3].plan.Published == nil {
		t.Error("not published after confirming")
	}
}
