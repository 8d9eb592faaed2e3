package workday

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ParseICS reads the days off and working days of an iCalendar file, for an
// administrator loading a year's schedule from a calendar feed. Each VEVENT
// gives the dates from DTSTART (a date, 20260215) up to DTEND, which is
// exclusive as RFC 5545 has it for dates; without DTEND, the one day (or a
// DURATION of whole days, P3D). Date-times count as the date they fall on,
// a UTC one ("…Z") as it falls in China.
//
// Whether an event's days are off or worked is decided, in this order:
//
//  1. X-APPLE-SPECIAL-DAY, as Apple's 中国大陆节假日 feed marks them:
//     WORK-HOLIDAY is a day off, ALTERNATE-WORKDAY a working day, any other
//     value (a festival such as 腊八节) is not part of the schedule and is
//     skipped. In a file that uses the property, events without it are
//     skipped too.
//  2. Otherwise the SUMMARY and CATEGORIES text, with the ambiguous word
//     调休 (it names both the rest and the make-up work) removed: text
//     containing 班 is a working day ("上班(补春节假期)", "春节（班）",
//     "补班"); text containing 休 or 假 is a day off ("春节假期", "春节（休）").
//  3. Anything else is an error naming the event's line: guessing would move
//     deadlines silently.
//
// The holiday name is the SUMMARY without those markers. Each day's
// NoticeYear is its own year, except that 25–31 December belong to the next
// year's schedule: in every official notice since 2007, the late-December
// days listed are the next year's 元旦 and its make-up weekend.
//
// A date given twice must be given the same way, and a file that yields no
// day at all is an error. Recurring events (RRULE, RDATE) are refused.
func ParseICS(r io.Reader) ([]Day, error) {
	lines, err := readICSLines(r)
	if err != nil {
		return nil, err
	}
	events, err := icsEvents(lines)
	if err != nil {
		return nil, err
	}
	marked := slices.ContainsFunc(events, func(e *icsEvent) bool { return e.has("X-APPLE-SPECIAL-DAY") })
	type seenDay struct {
		off  bool
		line int
	}
	seen := map[int]seenDay{}
	var days []Day
	for _, e := range events {
		off, ok, err := e.classify(marked)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		for _, p := range []string{"RRULE", "RDATE"} {
			if l, has := e.props[p]; has {
				return nil, fmt.Errorf("workday: ics line %d: recurring events (%s) are not supported; list each date", l.no, p)
			}
		}
		from, to, err := e.dates()
		if err != nil {
			return nil, err
		}
		name := holidayName(unescapeText(e.props["SUMMARY"].value))
		for x := from; x < to; x++ {
			if s, dup := seen[x]; dup {
				if s.off != off {
					return nil, fmt.Errorf("workday: ics line %d: %s is a %s here but a %s in the event on line %d",
						e.line, timeOf(x).Format(time.DateOnly), offWord(off), offWord(s.off), s.line)
				}
				continue
			}
			seen[x] = seenDay{off, e.line}
			days = append(days, Day{Date: timeOf(x), Name: name, Off: off, NoticeYear: noticeYearOf(x)})
		}
	}
	if len(days) == 0 {
		return nil, errors.New("workday: ics: no day off or working day found: events need 休/假 or 班 in their SUMMARY, or X-APPLE-SPECIAL-DAY")
	}
	slices.SortFunc(days, func(a, b Day) int { return a.Date.Compare(b.Date) })
	return days, nil
}

func offWord(off bool) string {
	if off {
		return "day off"
	}
	return "working day"
}

func noticeYearOf(x int) int {
	t := timeOf(x)
	if t.Month() == time.December && t.Day() >= 25 {
		return t.Year() + 1
	}
	return t.Year()
}

// holidayName strips the day-off and working-day markers from a SUMMARY,
// leaving the holiday: "上班(补春节假期)" → 春节. No holiday name contains
// the characters removed.
var nameMarkers = strings.NewReplacer(
	"上班", "", "补班", "", "加班", "", "调休", "", "放假", "", "假期", "", "休息", "",
	"休", "", "班", "", "补", "", "(", "", ")", "", "（", "", "）", "",
	"[", "", "]", "", "【", "", "】", "", "|", "", "｜", "",
)

func holidayName(summary string) string {
	return strings.TrimSpace(nameMarkers.Replace(summary))
}

// classify tells whether the event's days are off (off) and whether the
// event is part of the schedule at all (ok); see ParseICS for the rule.
func (e *icsEvent) classify(marked bool) (off, ok bool, err error) {
	if x, has := e.props["X-APPLE-SPECIAL-DAY"]; has {
		switch strings.ToUpper(strings.TrimSpace(x.value)) {
		case "WORK-HOLIDAY":
			return true, true, nil
		case "ALTERNATE-WORKDAY":
			return false, true, nil
		}
		return false, false, nil
	}
	summary := unescapeText(e.props["SUMMARY"].value)
	text := strings.ReplaceAll(summary+" "+strings.Join(e.categories, " "), "调休", "")
	switch {
	case strings.Contains(text, "班"):
		return false, true, nil
	case strings.ContainsAny(text, "休假"):
		return true, true, nil
	case marked:
		return false, false, nil
	}
	return false, false, fmt.Errorf("workday: ics line %d: cannot tell whether event %q is a day off or a working day: "+
		"its SUMMARY should contain 休 or 假 (day off) or 班 (working day)", e.line, clip(summary))
}

// dates returns the event's days as day numbers [from, to).
func (e *icsEvent) dates() (from, to int, err error) {
	s, has := e.props["DTSTART"]
	if !has {
		return 0, 0, fmt.Errorf("workday: ics line %d: event has no DTSTART", e.line)
	}
	from, _, err = parseICSDate(s)
	if err != nil {
		return 0, 0, err
	}
	to = from + 1
	if en, has := e.props["DTEND"]; has {
		end, midnight, err := parseICSDate(en)
		if err != nil {
			return 0, 0, err
		}
		if !midnight {
			end++ // ends during that day, so the day is included
		}
		if end <= from {
			return 0, 0, fmt.Errorf("workday: ics line %d: DTEND %s is not after DTSTART %s", en.no, en.value, s.value)
		}
		to = end
	} else if du, has := e.props["DURATION"]; has {
		n, err := parseICSDuration(du)
		if err != nil {
			return 0, 0, err
		}
		to = from + n
	}
	if to-from > 366 {
		return 0, 0, fmt.Errorf("workday: ics line %d: event spans %d days; a schedule's events are days or weeks", s.no, to-from)
	}
	return from, to, nil
}

// parseICSDate reads a DATE (20260215) or DATE-TIME (20260215T000000,
// optionally with Z) value, returning its day and whether it is at midnight.
// A TZID parameter is not consulted: the wall date is the date.
func parseICSDate(l icsLine) (day int, midnight bool, err error) {
	v := strings.TrimSpace(l.value)
	switch {
	case len(v) == 8:
		if t, err := time.Parse("20060102", v); err == nil {
			return dayOf(t), true, nil
		}
	case len(v) >= 15 && v[8] == 'T' && (len(v) == 15 || len(v) == 16 && v[15] == 'Z'):
		if t, err := time.Parse("20060102T150405", v[:15]); err == nil {
			if len(v) == 16 {
				t = t.In(Zone)
			}
			return dayOf(t), t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0, nil
		}
	}
	return 0, false, fmt.Errorf("workday: ics line %d: %s %q is not a date such as 20260215", l.no, l.name, clip(v))
}

// parseICSDuration reads a DURATION of whole days or weeks: P3D, P1W.
func parseICSDuration(l icsLine) (int, error) {
	v := strings.TrimPrefix(strings.TrimSpace(l.value), "+")
	if len(v) >= 3 && v[0] == 'P' {
		n, err := strconv.Atoi(v[1 : len(v)-1])
		if err == nil && n > 0 && n <= 366 {
			switch v[len(v)-1] {
			case 'D':
				return n, nil
			case 'W':
				return 7 * n, nil
			}
		}
	}
	return 0, fmt.Errorf("workday: ics line %d: DURATION %q: want whole days or weeks, such as P3D or P1W", l.no, clip(v))
}
