package portal

import (
	"testing"
	"time"
)

func d(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

// TestUnitStats: due by today, done of those, done on time — each unit
// counted once per task.
func TestUnitStats(t *testing.T) {
	stats := UnitStats([]Task{
		{Units: []string{"市法制办", "市财政局"}, Due: d("2026-03-31"), Done: d("2026-03-20")},
		{Units: []string{"市法制办"}, Due: d("2026-06-30"), Done: d("2026-07-10")},
		{Units: []string{"市法制办", "市法制办"}, Due: d("2026-09-30")},
		{Units: []string{"市财政局"}, Due: d("2027-06-30")},
		{Units: []string{"市财政局"}},
	}, d("2026-12-01"))
	want := []UnitStat{
		{Unit: "市法制办", Tasks: 3, Due: 3, Done: 2, OnTime: 1, Completion: 66.7, OnTimeRate: 33.3},
		{Unit: "市财政局", Tasks: 3, Due: 1, Done: 1, OnTime: 1, Completion: 100, OnTimeRate: 100},
	}
	if len(stats) != len(want) {
		t.Fatalf("%+v", stats)
	}
	for i := range want {
		if stats[i] != want[i] {
			t.Errorf("%d: %+v, want %+v", i, stats[i], want[i])
		}
	}
}
