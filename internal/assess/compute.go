package assess

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/units"
)

// The parts of a score, as Line.Part names them.
const (
	PartKeyWork      = "key_work"     // 重点攻坚考绩
	PartDaily        = "daily"        // 日常动态考评
	PartIncentive    = "incentive"    // 创新创优激励
	PartSatisfaction = "satisfaction" // 公众满意度
)

// PartLabel is a part in Chinese.
func PartLabel(part string) string {
	return map[string]string{PartKeyWork: "重点攻坚考绩", PartDaily: "日常动态考评", PartIncentive: "创新创优激励",
		PartSatisfaction: "公众满意度"}[part]
}

// Line is one contribution to a score: the task, event or record that
// made it, its points (negative for a deduction), and what it says as a
// message of the catalogue (internal/i18n), which Explain writes in the
// reader's language: its key, the values of its placeholders (dates,
// titles, numbers, as written), and the placeholders whose value is a
// catalogue key itself (a role, a record's kind, a ladder level).
type Line struct {
	Part     string            `json:"part"`
	TaskID   int64             `json:"task_id,omitempty"`
	EventKey string            `json:"event_key,omitempty"`
	RecordID int64             `json:"record_id,omitempty"`
	Points   float64           `json:"points"`
	Key      string            `json:"key"`
	Args     map[string]string `json:"args,omitempty"`
	Terms    map[string]string `json:"terms,omitempty"`
}

// Explain writes the line in the reader's language.
func (l Line) Explain(say Say) string {
	args := make([]any, 0, 2*(len(l.Args)+len(l.Terms)))
	for name, v := range l.Args {
		args = append(args, name, v)
	}
	for name, key := range l.Terms {
		args = append(args, name, say(key))
	}
	return say(l.Key, args...)
}

// Score is one unit's score for the period.
type Score struct {
	UnitID       int64   `json:"unit_id"`
	Unit         string  `json:"unit"`
	Tasks        int     `json:"tasks"` // tasks due in the period by the day of computation
	KeyWork      float64 `json:"key_work"`
	Daily        float64 `json:"daily"`
	Incentive    float64 `json:"incentive"`
	Satisfaction float64 `json:"satisfaction"`
	Total        float64 `json:"total"`
	// Rank is the place among the ranked units, equal totals sharing it
	// (1, 2, 2, 4); 0 for a unit with fewer tasks than MinTasks.
	Rank  int    `json:"rank"`
	Lines []Line `json:"lines"`
}

// Result is a period's scores: ranked units first, best first, then the
// units not ranked, by name.
type Result struct {
	Period ledger.Period `json:"period"`
	AsOf   time.Time     `json:"as_of"`
	Scores []Score       `json:"scores"`
}

// Explain says which units' scores are explained line by line: writing
// the lines costs more than the arithmetic, and a ranking of thousands of
// units needs only the numbers.
type Explain func(unitID int64) bool

// ExplainAll explains every unit; ExplainUnit one.
var ExplainAll Explain = func(int64) bool { return true }

// ExplainUnit explains the one unit.
func ExplainUnit(id int64) Explain { return func(u int64) bool { return u == id } }

// Compute scores every unit of in for period p as it stands on asOf: only
// what was due, happened or was decided from the period's first day to
// the earlier of its last day and asOf counts, and a unit none of it
// concerns is left out. The units that explain
// selects (nil: none) get their lines.
//
// It makes one pass over the tasks, one over the events and one over the
// records, each handed to the scorers of the units it concerns: a province
// has thousands of units and hundreds of thousands of tasks. A unit's
// tasks and events add to its Tally, unless in.Tallies gives the unit's
// (the sums the store keeps, see Tally): then that alone counts, and the
// tasks and events of in go to the other units — so that one unit can be
// explained task by task beside the others read from the sums.
func Compute(s Scheme, p ledger.Period, asOf time.Time, in Input, explain Explain) Result {
	limit := p.End
	if asOf.Before(limit) {
		limit = asOf
	}
	within := func(d time.Time) bool { return !d.IsZero() && !d.Before(p.Start) && !d.After(limit) }
	scorers := make(map[int64]*scorer, len(in.Units))
	order := make([]*scorer, 0, len(in.Units))
	for _, u := range in.Units {
		c := &scorer{s: s, asOf: asOf, sc: Score{UnitID: u.ID, Unit: u.Name}, explain: explain != nil && explain(u.ID), tally: &Tally{}}
		if t := in.Tallies[u.ID]; t != nil {
			c.tally, c.summed = t.Clone(), true
		}
		scorers[u.ID] = c
		order = append(order, c)
	}
	byTask := make(map[int64]int, len(in.Tasks))
	var buf []held
	for i := range in.Tasks {
		t := &in.Tasks[i]
		byTask[t.ID] = i
		if !within(t.Due) {
			continue
		}
		buf = holders(buf[:0], t)
		for _, h := range buf {
			if c := scorers[h.unit]; c != nil && !c.summed {
				c.task(h)
			}
		}
	}
	for i := range in.Proposals {
		m := &in.Proposals[i]
		if c := scorers[m.UnitID]; c != nil && within(m.On) {
			c.proposal(m)
		}
	}
	for i := range in.Events {
		e := &in.Events[i]
		at, ok := byTask[e.TaskID]
		if !ok || !within(e.On) {
			continue
		}
		buf = holders(buf[:0], &in.Tasks[at])
		for _, h := range buf {
			if c := scorers[h.unit]; c != nil && !c.summed {
				c.event(h, e)
			}
		}
	}
	for i := range in.Records {
		r := &in.Records[i]
		if c := scorers[r.UnitID]; c != nil && within(r.On) {
			c.record(r)
		}
	}
	avg := averageRate(in.Rates)
	res := Result{Period: p, AsOf: asOf, Scores: make([]Score, 0, len(order))}
	for _, c := range order {
		// A unit the period did not concern is not assessed for it.
		if sc, touched := c.finish(in.Rates, in.RateBasis, avg); touched {
			res.Scores = append(res.Scores, sc)
		}
	}
	rank(res.Scores, s.MinTasks)
	return res
}

// held is a task as one of its units holds it: as its lead unit (牵头)
// or as a cooperating one (配合), whose share the scheme sets.
type held struct {
	t    *Task
	unit int64
	co   bool
}

// role is the catalogue's roleLead (牵头) or roleCo (配合).
func (h held) role() string {
	if h.co {
		return roleCo
	}
	return roleLead
}

// The roles a unit holds a task in, as catalogue keys.
const (
	roleLead = "assess.role.lead"
	roleCo   = "assess.role.co"
)

// holders appends each unit of t to out once, a unit named as lead and as
// cooperating counting as lead. A task that names no lead unit (责任单位：
// 甲、乙) is every unit's in full.
func holders(out []held, t *Task) []held {
	anyLead := false
	for _, u := range t.Units {
		anyLead = anyLead || u.Lead
	}
	for _, u := range t.Units {
		h := held{t: t, unit: u.UnitID, co: anyLead && !u.Lead}
		dup := false
		for i := range out {
			if out[i].unit == u.UnitID {
				dup = true
				if u.Lead {
					out[i] = h
				}
			}
		}
		if !dup {
			out = append(out, h)
		}
	}
	return out
}

// rate is the hotline's average satisfaction over the units that have
// one, for the units that have none.
type rate struct {
	value float64
	units int
}

func averageRate(rates map[int64]float64) rate {
	var r rate
	for _, v := range rates {
		r.value += v
		r.units++
	}
	if r.units > 0 {
		r.value /= float64(r.units)
	}
	return r
}

// rank orders the scores and gives the ranked units their places: equal
// totals (to the hundredth shown) share a place and the next place skips,
// 1, 2, 2, 4.
func rank(scores []Score, minTasks int) {
	// Units of equal standing in the pinyin order of their names.
	units.SortByPinyin(scores, func(s Score) string { return s.Unit })
	slices.SortStableFunc(scores, func(a, b Score) int {
		ra, rb := a.Tasks >= minTasks, b.Tasks >= minTasks
		if ra != rb {
			if ra {
				return -1
			}
			return 1
		}
		if ra {
			if c := cmp.Compare(b.Total, a.Total); c != 0 {
				return c
			}
		}
		return 0
	})
	for i := range scores {
		if scores[i].Tasks < minTasks {
			break
		}
		scores[i].Rank = i + 1
		if i > 0 && scores[i].Total == scores[i-1].Total {
			scores[i].Rank = scores[i-1].Rank
		}
	}
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// num writes a number without trailing zeros: 15, 0.5, 62.35.
func num(x float64) string { return fmt.Sprintf("%g", round2(x)) }

// num2 writes points to the hundredth: 12.00.
func num2(x float64) string { return fmt.Sprintf("%.2f", round2(x)) }

func day(t time.Time) string { return t.Format(time.DateOnly) }
