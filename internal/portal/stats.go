// Package portal is what the public portal (政务公开) shows of the ledger:
// for each unit of a published plan, its tasks due so far, those done and
// those done on time — figures, never the reports' texts or anyone's
// name. It is pure.
package portal

import (
	"cmp"
	"slices"
	"time"

	"github.com/duban/duban/internal/units"
)

// Task is a published task as the statistics need it.
type Task struct {
	Units []string  // its units by name, lead first
	Due   time.Time // the final due date; zero: none
	Done  time.Time // the day its accepted 销号 application was made; zero while open
}

// UnitStat is one unit's record in the plan.
type UnitStat struct {
	Unit                   string
	Tasks                  int     // all its tasks in the plan
	Due, Done, OnTime      int     // due by today; done of those; done by their date
	Completion, OnTimeRate float64 // percent of Due; 0 when nothing is due yet
}

// UnitStats counts each unit's tasks as of today, the units with the most
// tasks due first.
func UnitStats(tasks []Task, today time.Time) []UnitStat {
	by := map[string]*UnitStat{}
	for _, t := range tasks {
		due := !t.Due.IsZero() && !t.Due.After(today)
		done := !t.Done.IsZero() && !t.Done.After(today)
		seen := map[string]bool{}
		for _, u := range t.Units {
			if seen[u] {
				continue
			}
			seen[u] = true
			s := by[u]
			if s == nil {
				s = &UnitStat{Unit: u}
				by[u] = s
			}
			s.Tasks++
			if due {
				s.Due++
				if done {
					s.Done++
					if !t.Done.After(t.Due) {
						s.OnTime++
					}
				}
			}
		}
	}
	out := make([]UnitStat, 0, len(by))
	for _, s := range by {
		if s.Due > 0 {
			s.Completion = percent(s.Done, s.Due)
			s.OnTimeRate = percent(s.OnTime, s.Due)
		}
		out = append(out, *s)
	}
	units.SortByPinyin(out, func(s UnitStat) string { return s.Unit }) // ties in pinyin order
	slices.SortStableFunc(out, func(a, b UnitStat) int {
		return cmp.Or(cmp.Compare(b.Due, a.Due), cmp.Compare(b.Tasks, a.Tasks))
	})
	return out
}

func percent(n, of int) float64 { return float64(int(float64(n)*1000/float64(of)+0.5)) / 10 }
