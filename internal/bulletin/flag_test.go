package bulletin

import (
	"slices"

	"testing"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/supervise"
)

// TestFlagInReadersLanguage: a flag's units and reason are written in
// zh-CN for the documents and in the reader's language on a page; a
// default 督办单 level is named by the catalogue, an office's own label
// as the office wrote it; unit names are the registry's, as registered.
func TestFlagInReadersLanguage(t *testing.T) {
	task := &assess.Task{ID: 7, Title: "整治", Units: []assess.Share{{UnitID: 1, Lead: true}, {UnitID: 2}}}
	names := map[int64]string{1: "市法制办", 2: "市财政局"}
	red, ok := supervise.LevelKey("red", i18n.Lookup(i18n.ZhCN, "supervise.level.red"))
	if !ok {
		t.Fatal("red is no default level")
	}
	f := newFlag(task, names, 2, "bulletin.why.notice", "level", levelKey(red), "on", "2026-11-30")
	if f.Units != "市法制办（牵头）、市财政局" || f.Why != "红色督办单 2026-11-30 下发，尚未办结" {
		t.Errorf("document: %q / %q", f.Units, f.Why)
	}
	tw := func(key string, args ...any) string { return i18n.Lookup(i18n.ZhTW, key, args...) }
	if units, why := f.In(tw); units != "市法制办（牽頭）、市财政局" || why != "紅色督辦單 2026-11-30 下發，尚未辦結" {
		t.Errorf("zh-TW page: %q / %q", units, why)
	}
	own := newFlag(task, names, 2, "bulletin.why.notice", "level", "挂牌督办", "on", "2026-11-30")
	if _, why := own.In(tw); why != "挂牌督办 2026-11-30 下發，尚未辦結" {
		t.Errorf("an office's own level: %q", why)
	}
	late := newFlag(task, names, 1, "bulletin.why.overdue", "days", 12, "percent", 62.5)
	if late.Why != "逾期未完成（12 天），完成比例 62.5%" {
		t.Errorf("overdue: %q", late.Why)
	}
}

// TestFlagsEveryOverdueTask: the second quarter's 通报 names every task
// still open past its date, the first quarter's too, not only those due
// in the quarter; a task done in time is not named.
func TestFlagsEveryOverdueTask(t *testing.T) {
	_, in := quarter()
	p, _ := ledger.ParsePeriod("2026-Q2")
	s := assess.Default()
	asOf := d("2026-06-10")
	b := Build("通报", "督查室", p, asOf, in, assess.Compute(s, p, asOf, in, nil), s.Name)
	var got []int64
	for _, f := range b.Flags {
		got = append(got, f.TaskID)
	}
	if !slices.Equal(got, []int64{3, 4, 5}) {
		t.Errorf("flagged %v, want tasks 3, 4 (first quarter) and 5 (this quarter)", got)
	}
	if b.Summary.Due != 1 || b.Summary.Open != 1 {
		t.Errorf("the quarter's own figures changed: %+v", b.Summary)
	}
	if b.Flags[0].Why != "逾期未完成（130 天），完成比例 40%" {
		t.Errorf("task 3: %q", b.Flags[0].Why)
	}
}
