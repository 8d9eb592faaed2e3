package workday

import (
	"fmt"
	"strings"
)

// icsEvent is one VEVENT: the properties ParseICS reads, each at most once,
// and its CATEGORIES, which may repeat.
type icsEvent struct {
	line       int // of its BEGIN:VEVENT
	props      map[string]icsLine
	categories []string
}

func (e *icsEvent) has(name string) bool {
	_, ok := e.props[name]
	return ok
}

// icsSingle are the event properties ParseICS reads; RFC 5545 allows each
// once, and two would make the event ambiguous.
var icsSingle = map[string]bool{
	"DTSTART": true, "DTEND": true, "DURATION": true, "SUMMARY": true,
	"X-APPLE-SPECIAL-DAY": true, "RRULE": true,
}

// icsEvents groups content lines into events, checking that components nest
// (BEGIN and END match). Properties of components inside an event, such as
// a VALARM's, are not the event's.
func icsEvents(lines []icsLine) ([]*icsEvent, error) {
	type open struct {
		name string
		line int
	}
	var stack []open
	var events []*icsEvent
	var cur *icsEvent
	for _, l := range lines {
		switch l.name {
		case "BEGIN":
			comp := strings.ToUpper(strings.TrimSpace(l.value))
			if comp == "VEVENT" {
				if cur != nil {
					return nil, fmt.Errorf("workday: ics line %d: BEGIN:VEVENT inside the event of line %d", l.no, cur.line)
				}
				cur = &icsEvent{line: l.no, props: map[string]icsLine{}}
			}
			stack = append(stack, open{comp, l.no})
		case "END":
			comp := strings.ToUpper(strings.TrimSpace(l.value))
			if len(stack) == 0 {
				return nil, fmt.Errorf("workday: ics line %d: END:%s without BEGIN", l.no, clip(comp))
			}
			if top := stack[len(stack)-1]; top.name != comp {
				return nil, fmt.Errorf("workday: ics line %d: END:%s, but BEGIN:%s of line %d is still open",
					l.no, clip(comp), clip(top.name), top.line)
			}
			stack = stack[:len(stack)-1]
			if comp == "VEVENT" {
				events = append(events, cur)
				cur = nil
			}
		default:
			if cur == nil || stack[len(stack)-1].name != "VEVENT" {
				continue
			}
			switch {
			case l.name == "CATEGORIES":
				cur.categories = append(cur.categories, unescapeText(l.value))
			case icsSingle[l.name] || l.name == "RDATE":
				if first, dup := cur.props[l.name]; dup && l.name != "RDATE" {
					return nil, fmt.Errorf("workday: ics line %d: a second %s in the event (the first is on line %d)", l.no, l.name, first.no)
				}
				cur.props[l.name] = l
			}
		}
	}
	if len(stack) > 0 {
		top := stack[len(stack)-1]
		return nil, fmt.Errorf("workday: ics line %d: BEGIN:%s is never closed", top.line, clip(top.name))
	}
	return events, nil
}
