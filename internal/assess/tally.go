package assess

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Tally is what a unit's tasks and their supervision events came to over
// some days, counted apart from any scheme: the tasks that fell due, by
// the unit's role in them and by how they ended, with their weights and
// reported percents, and the events by role, kind and level. Compute
// scores a unit from its tally alone.
//
// The sums are whole numbers (weights and percents to the thousandth), so
// tallies kept by the store month by month and added up are exactly the
// tallies of the same tasks counted one by one, in any order: a ranking
// read from the store's sums and one computed from every task agree to
// the last digit, equal totals included.
type Tally struct {
	Due    [2]DueSums // by role: [0] lead (牵头), [1] cooperating (配合)
	Events map[EventCount]int64
}

// DueSums are the tasks that fell due in one role, by how they ended
// (on time, late, still open).
type DueSums struct {
	N       [3]int64 // how many
	Default [3]int64 // of them, those weighed by the scheme's default weight
	Weight  [3]int64 // the others' weights, in thousandths
	// Percent is the reported percents of the open tasks of default
	// weight, in thousandths; Weighted the weight × percent of the other
	// open tasks, in millionths.
	Percent, Weighted int64
}

// EventCount names the events a Tally counts together.
type EventCount struct {
	Co    bool // the unit cooperates (配合) on the event's task
	Kind  string
	Level string
}

// Part is one thing a task adds to one unit's tally: the task falling due
// on Day (Kind ""), or one of its supervision events on Day.
type Part struct {
	Unit  int64
	Day   time.Time
	Co    bool
	Kind  string
	Level string
	// How the task ended (onTime, late, unfinished), its weight in
	// thousandths (0: the scheme's default) and, when open, its reported
	// percent in thousandths: for the task falling due only.
	How     int
	Weight  int64
	Percent int64
}

// Parts appends to out what t adds to its units' tallies as it stands on
// asOf: the task falling due on its due day, when it has one, and each of
// events (t's supervision events that cost points) on its day. The store
// keeps these month by month; Compute adds the same parts one by one. A
// change to what Parts gives must come with a migration that marks every
// task to be folded again (as 0041 does), or the kept sums go stale.
func Parts(out []Part, t *Task, events []Event, asOf time.Time) []Part {
	var buf [4]held
	for _, h := range holders(buf[:0], t) {
		if !t.Due.IsZero() {
			out = append(out, duePart(h, asOf))
		}
		for i := range events {
			out = append(out, eventPart(h, &events[i]))
		}
	}
	return out
}

func duePart(h held, asOf time.Time) Part {
	how := outcome(h.t, asOf)
	p := Part{Unit: h.unit, Day: h.t.Due, Co: h.co, How: how, Weight: thousandths(h.t.Weight)}
	if how == unfinished {
		p.Percent = thousandths(math.Max(0, math.Min(100, h.t.Percent)))
	}
	return p
}

func eventPart(h held, e *Event) Part {
	return Part{Unit: h.unit, Day: e.On, Co: h.co, Kind: e.Kind, Level: e.Level}
}

// outcome is how a task due ended by asOf: completed by its due date,
// after it, or not yet.
func outcome(t *Task, asOf time.Time) int {
	switch {
	case !t.Done.IsZero() && !t.Done.After(asOf) && !t.Done.After(t.Due):
		return onTime
	case !t.Done.IsZero() && !t.Done.After(asOf):
		return late
	}
	return unfinished
}

// maxWeight bounds a weight as the sums count it: a plan's weights are
// points out of a hundred or so, and a bound keeps a year of sums (weight
// × percent, in millionths) far inside a whole number's range whatever a
// person typed.
const maxWeight = 1e6

// thousandths is x to the thousandth as a whole number, at least 1 for
// any weight above 0 and at most maxWeight's; a weight of 0 or less is
// the scheme's default, written 0.
func thousandths(x float64) int64 {
	if !(x > 0) {
		return 0
	}
	return max(1, int64(math.Round(math.Min(x, maxWeight)*1000)))
}

// Add adds p to the tally sign times: 1 to count it, -1 to take it back.
func (t *Tally) Add(p Part, sign int64) {
	role := 0
	if p.Co {
		role = 1
	}
	if p.Kind != "" {
		if t.Events == nil {
			t.Events = map[EventCount]int64{}
		}
		k := EventCount{Co: p.Co, Kind: p.Kind, Level: p.Level}
		if n := t.Events[k] + sign; n != 0 {
			t.Events[k] = n
		} else {
			delete(t.Events, k)
		}
		return
	}
	d := &t.Due[role]
	d.N[p.How] += sign
	if p.Weight == 0 {
		d.Default[p.How] += sign
		if p.How == unfinished {
			d.Percent += sign * p.Percent
		}
		return
	}
	d.Weight[p.How] += sign * p.Weight
	if p.How == unfinished {
		d.Weighted += sign * p.Weight * p.Percent
	}
}

// Merge adds o to d.
func (d *DueSums) Merge(o *DueSums) {
	for how := range d.N {
		d.N[how] += o.N[how]
		d.Default[how] += o.Default[how]
		d.Weight[how] += o.Weight[how]
	}
	d.Percent += o.Percent
	d.Weighted += o.Weighted
}

// Merge adds o to t.
func (t *Tally) Merge(o *Tally) {
	for r := range t.Due {
		t.Due[r].Merge(&o.Due[r])
	}
	for k, n := range o.Events {
		if t.Events == nil {
			t.Events = map[EventCount]int64{}
		}
		if n += t.Events[k]; n != 0 {
			t.Events[k] = n
		} else {
			delete(t.Events, k)
		}
	}
}

// Clone is a copy of t that shares nothing with it.
func (t *Tally) Clone() *Tally {
	c := &Tally{Due: t.Due}
	c.Merge(&Tally{Events: t.Events})
	return c
}

// keyWork is what the tally's tasks come to under s: the weighted shares
// of the tasks due (total) and of the credit they earned, and how many
// tasks count (those of a role with a share).
func (t *Tally) keyWork(s Scheme) (total, earned float64, tasks int) {
	k, dw := s.KeyWork, s.DefaultWeight
	for r, share := range [2]float64{s.LeadShare, s.CoShare} {
		if share == 0 {
			continue
		}
		d := &t.Due[r]
		var w [3]float64
		for how := range w {
			w[how] = dw*float64(d.Default[how]) + float64(d.Weight[how])/1000
			tasks += int(d.N[how])
		}
		open := (dw*float64(d.Percent)/1000 + float64(d.Weighted)/1e6) / 100
		total += share * (w[onTime] + w[late] + w[unfinished])
		earned += share * (k.OnTime*w[onTime] + k.Late*w[late] + k.Unfinished*open)
	}
	return total, earned, tasks
}

// deductions is what the tally's events cost under s, and whether any
// cost anything; the events are taken in one order, so that equal
// tallies cost exactly the same.
func (t *Tally) deductions(s Scheme) (lost float64, any bool) {
	keys := make([]EventCount, 0, len(t.Events))
	for k := range t.Events {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b EventCount) int {
		if a.Co != b.Co {
			if a.Co {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Level, b.Level))
	})
	for _, k := range keys {
		cost := s.Daily.rate(k.Kind, k.Level) * s.share(k.Co)
		if cost == 0 {
			continue
		}
		any = true
		lost += float64(t.Events[k]) * cost
	}
	return lost, any
}

// rate is what one event of kind at level deducts from a lead unit.
func (d Daily) rate(kind, level string) float64 {
	switch kind {
	case "press":
		return d.Press
	case "notice", "escalate", "issued":
		return d.Notice[level]
	case "report_missing":
		return d.ReportMissing
	}
	return 0
}

// share is a role's share of a task: LeadShare or CoShare.
func (s Scheme) share(co bool) float64 {
	if co {
		return s.CoShare
	}
	return s.LeadShare
}
