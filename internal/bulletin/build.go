// Package bulletin writes the 季度通报 (or a month's, a year's): the
// summary figures, the ranking, the tasks that need the leaders'
// attention and the units behind them, the 激励/问责 decisions, and the
// series the charts draw — as data for the web page, as a .docx in 公文
// layout and as an .xlsx with the detail. It is pure: the caller hands in
// the assessment input of the period's year and the ranking.
package bulletin

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/units"
)

// Bulletin is one period's 通报.
type Bulletin struct {
	Title   string
	Issuer  string
	Period  ledger.Period
	AsOf    time.Time
	Summary Summary
	Ranking []assess.Score
	// Flags are the tasks that need attention, most serious first: every
	// task of the year still open past its date, whatever period it was
	// due in, and every task under a red notice or 挂牌督办.
	Flags   []Flag
	ByUnit  []UnitStat    // completion by unit, worst first
	Trend   []TrendPoint  // the months of the year so far
	Notices []LevelCount  // the period's notices by level
	Records []RecordEntry // the period's 激励/问责
	Scheme  string
}

// Summary are the period's headline figures.
type Summary struct {
	Due, OnTime, Late, Open int     // tasks due in the period, by how they ended
	Completion, OnTimeRate  float64 // done / due, on time / due, in percent
	Presses, Notices        int     // 催办 and 督办单 (all levels) issued in the period
	Units, Ranked           int
	Commendations, Account  int // 激励 and 问责 records
}

// Flag is a task that needs attention: overdue and open, or under a red
// notice or 挂牌督办.
type Flag struct {
	TaskID int64
	Title  string
	Units  string // the units behind it, lead first, as the document writes them (zh-CN)
	Due    time.Time
	Why    string // why it is flagged, as the document writes it (zh-CN)
	// Lead and Co are the units by name, and Reason and Args the catalogue
	// message of Why, for a page to write them in its reader's language.
	Lead, Co []string
	Reason   string
	Args     []any
	weight   int // how serious, for the order
}

// In writes the flag's units and reason with say, the reader's catalogue.
func (f Flag) In(say func(key string, args ...any) string) (units, why string) {
	names := make([]string, 0, len(f.Lead)+len(f.Co))
	for _, n := range f.Lead {
		names = append(names, say("bulletin.unit.lead", "unit", n))
	}
	names = append(names, f.Co...)
	args := slices.Clone(f.Args)
	for i := 1; i < len(args); i += 2 {
		if k, ok := args[i].(levelKey); ok { // a default level, named by the catalogue
			args[i] = say(string(k))
		}
	}
	return strings.Join(names, say("list.separator")), say(f.Reason, args...)
}

// levelKey is a 督办单 level's catalogue key among a flag's arguments; an
// office's own label is kept as written.
type levelKey string

// newFlag is a flag on t for reason, its zh-CN text written for the
// documents.
func newFlag(t *assess.Task, names map[int64]string, weight int, reason string, args ...any) Flag {
	f := Flag{TaskID: t.ID, Title: t.Title, Due: t.Due, Reason: reason, Args: args, weight: weight}
	for _, u := range t.Units {
		if n := names[u.UnitID]; n == "" {
			continue
		} else if u.Lead {
			f.Lead = append(f.Lead, n)
		} else {
			f.Co = append(f.Co, n)
		}
	}
	f.Units, f.Why = f.In(func(key string, args ...any) string { return i18n.Lookup(i18n.ZhCN, key, args...) })
	return f
}

// UnitStat is one unit's completion in the period.
type UnitStat struct {
	Unit                   string
	Due, Done, OnTime      int
	Completion, OnTimeRate float64 // percent
	Notices                int
}

// TrendPoint is one month: the tasks overdue and still open at its end,
// and the notices issued in it.
type TrendPoint struct {
	Month   string // 2026-03
	Label   string // 3月
	Overdue int
	Notices int
}

// LevelCount is how many notices of one level were issued.
type LevelCount struct {
	Label string
	N     int
}

// RecordEntry is a 激励/问责 record with its unit's name.
type RecordEntry struct {
	assess.Record
	Unit  string
	Label string // 亮点, 问责…
}

// Build makes the bulletin of period p as of asOf from year, the
// assessment input from the first day of p's year to asOf (or p's end),
// and ranking, the period's scores.
func Build(title, issuer string, p ledger.Period, asOf time.Time, year assess.Input, ranking assess.Result, scheme string) *Bulletin {
	limit := p.End
	if asOf.Before(limit) {
		limit = asOf
	}
	in := func(d time.Time) bool { return !d.IsZero() && !d.Before(p.Start) && !d.After(limit) }
	b := &Bulletin{Title: title, Issuer: issuer, Period: p, AsOf: asOf, Ranking: ranking.Scores, Scheme: scheme}
	names := map[int64]string{}
	for _, u := range year.Units {
		names[u.ID] = u.Name
	}
	byTask := map[int64]*assess.Task{}
	stats := map[int64]*UnitStat{}
	stat := func(unit int64) *UnitStat {
		s := stats[unit]
		if s == nil {
			s = &UnitStat{Unit: names[unit]}
			stats[unit] = s
		}
		return s
	}
	for i := range year.Tasks {
		t := &year.Tasks[i]
		byTask[t.ID] = t
		done := !t.Done.IsZero() && !t.Done.After(asOf)
		if !in(t.Due) {
			// Due before the period and still open: not the period's
			// figures, but a task that needs attention all the same.
			if !done && !t.Due.IsZero() && t.Due.Before(p.Start) {
				b.Flags = append(b.Flags, newFlag(t, names, 1, "bulletin.why.overdue",
					"days", int(limit.Sub(t.Due).Hours()/24), "percent", t.Percent))
			}
			continue
		}
		onTime := done && !t.Done.After(t.Due)
		b.Summary.Due++
		switch {
		case onTime:
			b.Summary.OnTime++
		case done:
			b.Summary.Late++
		default:
			b.Summary.Open++
			if t.Due.Before(limit) {
				b.Flags = append(b.Flags, newFlag(t, names, 1, "bulletin.why.overdue",
					"days", int(limit.Sub(t.Due).Hours()/24), "percent", t.Percent))
			}
		}
		for _, u := range t.Units {
			if names[u.UnitID] == "" {
				continue
			}
			s := stat(u.UnitID)
			s.Due++
			if done {
				s.Done++
			}
			if onTime {
				s.OnTime++
			}
		}
	}
	b.Summary.Completion = percent(b.Summary.OnTime+b.Summary.Late, b.Summary.Due)
	b.Summary.OnTimeRate = percent(b.Summary.OnTime, b.Summary.Due)
	b.countEvents(year, byTask, names, in, stat)
	b.trend(year, p, limit)
	for _, s := range stats {
		s.Completion, s.OnTimeRate = percent(s.Done, s.Due), percent(s.OnTime, s.Due)
		b.ByUnit = append(b.ByUnit, *s)
	}
	units.SortByPinyin(b.ByUnit, func(s UnitStat) string { return s.Unit }) // ties in pinyin order
	slices.SortStableFunc(b.ByUnit, func(x, y UnitStat) int {
		return cmp.Or(cmp.Compare(x.Completion, y.Completion), cmp.Compare(y.Due, x.Due))
	})
	for _, r := range year.Records {
		if !in(r.On) {
			continue
		}
		b.Records = append(b.Records, RecordEntry{Record: r, Unit: names[r.UnitID], Label: assess.RecordLabel(r.Kind)})
		if r.Kind == assess.RecordAccountability {
			b.Summary.Account++
		} else {
			b.Summary.Commendations++
		}
	}
	slices.SortFunc(b.Records, func(x, y RecordEntry) int { return cmp.Or(x.On.Compare(y.On), cmp.Compare(x.ID, y.ID)) })
	slices.SortStableFunc(b.Flags, func(x, y Flag) int {
		return cmp.Or(cmp.Compare(y.weight, x.weight), x.Due.Compare(y.Due), cmp.Compare(x.TaskID, y.TaskID))
	})
	for _, s := range ranking.Scores {
		b.Summary.Units++
		if s.Rank > 0 {
			b.Summary.Ranked++
		}
	}
	return b
}

// countEvents counts the period's 催办 and notices, by level and by unit,
// and flags the tasks under a red notice or 挂牌督办.
func (b *Bulletin) countEvents(year assess.Input, byTask map[int64]*assess.Task, names map[int64]string, in func(time.Time) bool, stat func(int64) *UnitStat) {
	levels := map[string]int{}
	var order []string
	flagged := map[int64]bool{}
	for _, e := range year.Events {
		t := byTask[e.TaskID]
		if t == nil || !in(e.On) {
			continue
		}
		switch e.Kind {
		case "press":
			b.Summary.Presses++
			continue
		case "notice", "escalate", "issued":
		default:
			continue
		}
		b.Summary.Notices++
		label := cmp.Or(e.Label, e.Level)
		if _, ok := levels[label]; !ok {
			order = append(order, label)
		}
		levels[label]++
		for _, u := range t.Units {
			if names[u.UnitID] != "" {
				stat(u.UnitID).Notices++
			}
		}
		if (e.Level == "red" || e.Level == "listed") && !flagged[t.ID] && (t.Done.IsZero() || t.Done.After(b.AsOf)) {
			flagged[t.ID] = true
			var level any = label
			if key, ok := supervise.LevelKey(e.Level, label); ok {
				level = levelKey(key)
			}
			b.Flags = append(b.Flags, newFlag(t, names, 2, "bulletin.why.notice", "level", level, "on", e.On.Format(time.DateOnly)))
		}
	}
	for _, l := range order {
		b.Notices = append(b.Notices, LevelCount{Label: l, N: levels[l]})
	}
}

// trend counts, for each month of the period's year up to limit, the
// tasks overdue and open at its end, and the notices issued in it.
func (b *Bulletin) trend(year assess.Input, p ledger.Period, limit time.Time) {
	for m := time.January; m <= time.December; m++ {
		mp, _ := ledger.PeriodOf("month", time.Date(p.Start.Year(), m, 1, 0, 0, 0, 0, time.UTC))
		if mp.Start.After(limit) {
			break
		}
		end := mp.End
		if limit.Before(end) {
			end = limit
		}
		pt := TrendPoint{Month: mp.Key, Label: fmt.Sprintf("%d月", m)}
		for _, t := range year.Tasks {
			if !t.Due.IsZero() && t.Due.Before(end) && (t.Done.IsZero() || t.Done.After(end)) {
				pt.Overdue++
			}
		}
		for _, e := range year.Events {
			if (e.Kind == "notice" || e.Kind == "escalate" || e.Kind == "issued") && !e.On.Before(mp.Start) && !e.On.After(end) {
				pt.Notices++
			}
		}
		b.Trend = append(b.Trend, pt)
	}
}

func percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(int(float64(n)*1000/float64(of)+0.5)) / 10
}
