package scheduler

import (
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
)

// TestMessageReadsAsChinese: a notice's message names the task, its units
// as a Chinese list, the due date and the 限期整改 deadline.
func TestMessageReadsAsChinese(t *testing.T) {
	due := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	e := supervise.Event{Kind: supervise.KindNotice, Label: "蓝色督办单", Due: due, Deadline: due.AddDate(0, 0, 14)}
	title, text := message(e, &records.Task{Task: plandoc.Task{Title: "完善决策机制", Units: []string{"市法制办", "市财政局"}}})
	if title != "【蓝色督办单】完善决策机制" {
		t.Errorf("title %q", title)
	}
	for _, want := range []string{"责任单位：市法制办、市财政局\n", "到期日：2026-03-31\n", "限期整改至：2026-04-14\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("text %q lacks %q", text, want)
		}
	}
}
