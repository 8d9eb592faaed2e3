package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// setTaskText gives a task of the fixture's draft another text.
func setTaskText(f *fixture, plan, task int64, text string) {
	f.plans.mu.Lock()
	defer f.plans.mu.Unlock()
	p := f.plans.plans[plan]
	p.tasks[p.index(task)].Text = text
}

// TestReviewSplitSkipsNotes: the card offers no cut before a sentence
// that is only a bracketed note (（责任单位：…）, 〔牵头单位：…〕), which is
// shown with the sentence it belongs to; a crafted post cutting there is
// refused by the service and said on the card, its tool open.
func TestReviewSplitSkipsNotes(t *testing.T) {
	f := newFixture(t, "")
	setTaskText(f, 2, 11, "建立重大行政决策目录。每年确定10个左右重点课题；2026年底前完成。（责任单位：市司法局）")
	setTaskText(f, 2, 12, "完善行政决策机制。〔牵头单位：市司法局；配合单位：市府法制〕")
	w := f.do(t, "GET", "/plans/2/review", "duban", nil)
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `form="split-11" name="at" value="1">在此处拆分</button>`, `form="split-11" name="at" value="2">在此处拆分</button>`,
		`<p class="sentence">2026年底前完成。（责任单位：市司法局）</p>`, "括号中的说明随前一句")
	body := w.Body.String()
	if strings.Contains(body, `form="split-11" name="at" value="3"`) {
		t.Error("a cut offered before the note （责任单位：市司法局）")
	}
	// A task whose other sentences are one note (with a ； inside) has nothing to split.
	if card := cardHTML(t, body, 12); strings.Contains(card, "tool-split") {
		t.Errorf("split offered on a task whose only other sentence is a note:\n%s", card)
	}

	for _, c := range []struct {
		task int64
		at   string
	}{{11, "3"}, {12, "1"}, {12, "2"}} {
		w := f.do(t, "POST", fmt.Sprintf("/plans/2/tasks/%d/split", c.task), "duban", url.Values{"at": {c.at}})
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, `<details class="tool tool-split" open>`, "不能在此处拆分：括号中的说明")
	}
	if n := len(taskIDs(f, 2)); n != 4 {
		t.Errorf("%d tasks after refused splits", n)
	}
	w = f.do(t, "POST", "/plans/2/tasks/11/split?lang=zh-TW", "duban", url.Values{"at": {"3"}})
	wantBody(t, w, "不能在此處拆分")

	// The cut before the last item keeps the note with it.
	wantRedirect(t, f, f.do(t, "POST", "/plans/2/tasks/11/split", "duban", url.Values{"at": {"2"}}), "duban", "/plans/2/review#task-101")
	if got := fakeTaskByID(f, 2, 101).Text; got != "2026年底前完成。（责任单位：市司法局）" {
		t.Errorf("new task's text %q", got)
	}
}

func TestSplitParts(t *testing.T) {
	got := splitParts("建立台账。（责任单位：市统计局）每月调度；年底考核。（牵头单位：市统计局）")
	want := []SplitPart{{0, "建立台账。"}, {1, "（责任单位：市统计局）每月调度；"}, {2, "年底考核。（牵头单位：市统计局）"}}
	if len(got) != len(want) {
		t.Fatalf("parts %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("part %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if p := splitParts("完善机制。（责任单位：市司法局）"); p != nil {
		t.Errorf("parts of a sentence and its note: %+v", p)
	}
}

// cardHTML is the markup of task id's card on a review page.
func cardHTML(t *testing.T, body string, id int64) string {
	t.Helper()
	start := strings.Index(body, fmt.Sprintf(`id="task-%d"`, id))
	if start < 0 {
		t.Fatalf("no card for task %d", id)
	}
	rest := body[start:]
	if end := strings.Index(rest, `<section class="review-task`); end >= 0 {
		rest = rest[:end]
	}
	return rest
}
