package scheduler

import (
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
)

// TestMessageReadsAsChinese: a notice's message names the task, its units
// as a Chinese list, the due date and the 限期整改 deadline; the channels
// send it in zh-CN, and the inbox can show it in traditional script.
func TestMessageReadsAsChinese(t *testing.T) {
	due := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	e := supervise.Event{Kind: supervise.KindNotice, Level: "blue", Label: "蓝色督办单", Due: due, Deadline: due.AddDate(0, 0, 14)}
	msg := message(e, &records.Task{Task: plandoc.Task{Title: "完善决策机制", Units: []string{"市法制办", "市财政局"}}})
	title, text := sent(msg)
	if title != "【蓝色督办单】完善决策机制" {
		t.Errorf("title %q", title)
	}
	if want := "任务：完善决策机制\n责任单位：市法制办、市财政局\n到期日：2026-03-31\n限期整改至：2026-04-14\n"; text != want {
		t.Errorf("text %q, want %q", text, want)
	}
	tw := i18n.New(i18n.ZhTW)
	if got := tw.Render(msg[0]); got != "【藍色督辦單】完善决策机制" {
		t.Errorf("zh-TW title %q", got)
	}
	if got := tw.RenderLines(msg[1:]); !strings.Contains(got, "任務：完善决策机制\n責任單位：市法制办、市财政局\n") {
		t.Errorf("zh-TW text %q", got)
	}
}

// TestMessageLabels: an office's own ladder level is named by its own
// label in every language; an event without one by its kind.
func TestMessageLabels(t *testing.T) {
	task := &records.Task{Task: plandoc.Task{Title: "任务", Units: []string{"甲"}}}
	tw := i18n.New(i18n.ZhTW)
	for _, c := range []struct {
		e    supervise.Event
		want string
	}{
		{supervise.Event{Kind: supervise.KindEscalate, Level: "orange", Label: "橙色督办单"}, "【橙色督办单】任务"},
		{supervise.Event{Kind: supervise.KindEscalate, Level: "blue", Label: "蓝牌"}, "【蓝牌】任务"},
		{supervise.Event{Kind: supervise.KindPress}, "【催辦】任务"},
		{supervise.Event{Kind: supervise.KindReportMissing, Period: "2026-03"}, "【報送逾期】任务"},
	} {
		if got := tw.Render(message(c.e, task)[0]); got != c.want {
			t.Errorf("%+v: %q, want %q", c.e, got, c.want)
		}
	}
	if _, text := sent(message(supervise.Event{Kind: supervise.KindReportMissing, Period: "2026-03"}, task)); !strings.HasSuffix(text, "欠报期次：2026-03\n") {
		t.Errorf("report missing: %q", text)
	}
}
