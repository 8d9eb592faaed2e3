package store

import (
	"strings"
	"testing"
)

// TestStepSummary: the history's record of a step reads in zh-CN as it
// always has, its words taken from the catalogue.
func TestStepSummary(t *testing.T) {
	long := strings.Repeat("改", 70)
	for _, c := range []struct{ kind, text, want string }{
		{EventRegistered, "", "任务挂号"},
		{EventEdited, "", "督查室修改任务"},
		{EventCloseRequest, "已全部完成", "申请销号：已全部完成"},
		{EventClosed, "", "核验通过，已销号"},
		{EventReturned, "材料不全", "退回：材料不全"},
		{EventAnswer, long, "整改反馈：" + strings.Repeat("改", 60) + "…"},
	} {
		if got := stepSummary(c.kind, c.text); got != c.want {
			t.Errorf("%s: %q, want %q", c.kind, got, c.want)
		}
	}
}
