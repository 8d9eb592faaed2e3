package workday

import (
	"fmt"
	"strings"
	"time"
)

// Explanation shows how AddWorkdays reached a result — or SubWorkdays, for a
// negative N — so that every computed deadline can say why it falls where it
// does, and a change to the calendar can show what moved.
type Explanation struct {
	Start time.Time
	// N is the number of working days counted; negative counts backwards,
	// as SubWorkdays(Start, -N) does.
	N int
	// Due is the result: AddWorkdays(Start, N).
	Due time.Time
	// Counted are the working days counted, in counting order; their Kind
	// tells the 调休上班 days.
	Counted []DayInfo
	// Skipped are the days passed over, in counting order, as runs of
	// consecutive days of one kind and name.
	Skipped []Span
}

// Span is a run of consecutive days of one kind and holiday name.
type Span struct {
	From, To time.Time // both included; From is never after To
	Kind     Kind
	Name     string
}

// Explain counts n working days from start as AddWorkdays does and records
// every day it passes. It walks day by day, so it is for showing one
// deadline, not for list pages.
func (c *Calendar) Explain(start time.Time, n int) Explanation {
	e := Explanation{Start: DateOf(start), N: n}
	step, want := 1, n
	if n < 0 {
		step, want = -1, -n
	}
	x := dayOf(start)
	if want == 0 {
		for !c.idx.working(x) {
			e.skip(c.Day(timeOf(x)), step)
			x += step
		}
	}
	for k := 0; k < want; {
		x += step
		info := c.Day(timeOf(x))
		if info.Kind.Working() {
			e.Counted = append(e.Counted, info)
			k++
		} else {
			e.skip(info, step)
		}
	}
	e.Due = timeOf(x)
	return e
}

// skip records a passed day, extending the last span when the day continues it.
func (e *Explanation) skip(info DayInfo, step int) {
	if k := len(e.Skipped); k > 0 {
		s := &e.Skipped[k-1]
		edge := &s.To
		if step < 0 {
			edge = &s.From
		}
		if s.Kind == info.Kind && s.Name == info.Name && dayOf(*edge)+step == dayOf(info.Date) {
			*edge = info.Date
			return
		}
	}
	e.Skipped = append(e.Skipped, Span{From: info.Date, To: info.Date, Kind: info.Kind, Name: info.Name})
}

// String tells the explanation in Chinese, for a deadline's tooltip and its
// history: "自 2026-02-13 起算 3 个工作日：计入 02-14(调休上班)、02-24–02-25；
// 跳过 02-15–02-23 春节；到期 2026-02-25". Dates in the start's year are
// written without it; consecutive ordinary working days are written as one
// range.
func (e Explanation) String() string {
	verb, result, n := "起算", "到期", e.N
	if n < 0 {
		verb, result, n = "前推", "结果", -n
	}
	year := e.Start.Year()
	var parts []string
	if len(e.Counted) > 0 {
		parts = append(parts, "计入 "+e.countedText(year))
	}
	if len(e.Skipped) > 0 {
		items := make([]string, len(e.Skipped))
		for i, s := range e.Skipped {
			name := s.Name
			if s.Kind == Weekend || name == "" {
				name = s.Kind.String()
			}
			items[i] = dateRange(s.From, s.To, year) + " " + name
		}
		parts = append(parts, "跳过 "+strings.Join(items, "、"))
	}
	parts = append(parts, result+" "+e.Due.Format(time.DateOnly))
	return fmt.Sprintf("自 %s %s %d 个工作日：%s", e.Start.Format(time.DateOnly), verb, n, strings.Join(parts, "；"))
}

// countedText writes the counted days, each 调休上班 day on its own and the
// runs of ordinary working days as ranges.
func (e Explanation) countedText(year int) string {
	var items []string
	for i := 0; i < len(e.Counted); {
		d := e.Counted[i]
		if d.Kind == AdjustedWorkday {
			items = append(items, dateRange(d.Date, d.Date, year)+"(调休上班)")
			i++
			continue
		}
		j := i + 1
		for j < len(e.Counted) && e.Counted[j].Kind == Workday &&
			abs(dayOf(e.Counted[j].Date)-dayOf(e.Counted[j-1].Date)) == 1 {
			j++
		}
		from, to := d.Date, e.Counted[j-1].Date
		if to.Before(from) {
			from, to = to, from
		}
		items = append(items, dateRange(from, to, year))
		i = j
	}
	return strings.Join(items, "、")
}

func dateRange(from, to time.Time, year int) string {
	if from.Equal(to) {
		return shortDate(from, year)
	}
	return shortDate(from, year) + "–" + shortDate(to, year)
}

func shortDate(d time.Time, year int) string {
	if d.Year() == year {
		return d.Format("01-02")
	}
	return d.Format(time.DateOnly)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Say renders a message of the catalogue (internal/i18n) in the reader's
// language: its key and name/value pairs.
type Say func(key string, args ...any) string

// Text tells the explanation as String does, in the reader's language,
// from the catalogue's workday.* messages. String stays for the command
// line, which speaks zh-CN.
func (e Explanation) Text(say Say) string {
	verb, result, n := "workday.explain.count", "workday.explain.due", e.N
	if n < 0 {
		verb, result, n = "workday.explain.back", "workday.explain.result", -n
	}
	year := e.Start.Year()
	var parts []string
	if len(e.Counted) > 0 {
		parts = append(parts, say("workday.explain.counted", "days", e.countedIn(say, year)))
	}
	if len(e.Skipped) > 0 {
		items := make([]string, len(e.Skipped))
		for i, s := range e.Skipped {
			name := s.Name // the holiday as the State Council's notice names it: data
			if s.Kind == Weekend || name == "" {
				name = say("workday.kind." + s.Kind.code())
			}
			items[i] = dateRange(s.From, s.To, year) + " " + name
		}
		parts = append(parts, say("workday.explain.skipped", "days", strings.Join(items, say("workday.explain.list_sep"))))
	}
	parts = append(parts, say(result, "day", e.Due.Format(time.DateOnly)))
	return say("workday.explain", "start", e.Start.Format(time.DateOnly), "verb", say(verb), "n", n,
		"parts", strings.Join(parts, say("workday.explain.parts_sep")))
}

func (e Explanation) countedIn(say Say, year int) string {
	var items []string
	for i := 0; i < len(e.Counted); {
		d := e.Counted[i]
		if d.Kind == AdjustedWorkday {
			items = append(items, say("workday.explain.adjusted", "day", dateRange(d.Date, d.Date, year)))
			i++
			continue
		}
		j := i + 1
		for j < len(e.Counted) && e.Counted[j].Kind == Workday &&
			abs(dayOf(e.Counted[j].Date)-dayOf(e.Counted[j-1].Date)) == 1 {
			j++
		}
		from, to := d.Date, e.Counted[j-1].Date
		if to.Before(from) {
			from, to = to, from
		}
		items = append(items, dateRange(from, to, year))
		i = j
	}
	return strings.Join(items, say("workday.explain.list_sep"))
}
