package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// calendarDay is a listed day of the calendar: a holiday or a 调休
// working day.
type calendarDay struct {
	Date string `json:"date"`
	Kind string `json:"kind"` // holiday, adjusted
	Name string `json:"name"`
}

// calendarResult is a change as stored, with the deadlines it moved.
type calendarResult struct {
	Change records.CalendarChange `json:"change"`
	Moves  []deadlineMove         `json:"moves"`
}

type deadlineMove struct {
	TaskID   int64  `json:"task_id"`
	EventKey string `json:"event_key"`
	Label    string `json:"label"`
	On       string `json:"on"`
	From     string `json:"from"`
	To       string `json:"to"`
}

// calendarGet is a year of the calendar in force (?year=, this year by
// default): which years are covered by an official schedule, and the
// year's holidays and 调休 working days.
func (h *Handler) calendarGet(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Calendar != nil)
	if !ok {
		return
	}
	cal, err := h.Calendar.For(p)
	if err != nil {
		fail(w, r, err)
		return
	}
	year := h.Calendar.Today().Year()
	if q := r.URL.Query().Get("year"); q != "" {
		y, err := strconv.Atoi(q)
		if err != nil || y < 1900 || y > 2200 {
			fail(w, r, errInvalid("api.problem.calendar_year", "year", q))
			return
		}
		year = y
	}
	days := []calendarDay{}
	for d := workday.Date(year, time.January, 1); d.Year() == year; d = d.AddDate(0, 0, 1) {
		switch info := cal.Day(d); info.Kind {
		case workday.Holiday:
			days = append(days, calendarDay{Date: day(d), Kind: "holiday", Name: info.Name})
		case workday.AdjustedWorkday:
			days = append(days, calendarDay{Date: day(d), Kind: "adjusted", Name: info.Name})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"year": year, "covered": cal.Coverage(year), "covered_years": cal.CoveredYears(),
		"locality": h.Calendar.LocalityName(localizer(r)), "days": days})
}

// calendarCorrect sets one day ({"date", "set": off|work|ordinary,
// "name", "scope": national|local, "reason"}) and moves the running
// deadlines it affects.
func (h *Handler) calendarCorrect(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Date   string `json:"date"`
		Set    string `json:"set"`
		Name   string `json:"name"`
		Scope  string `json:"scope"`
		Reason string `json:"reason"`
	}
	p, ok := h.calendarWrite(w, r, &in)
	if !ok {
		return
	}
	res, err := h.Calendar.Correct(r.Context(), p, httpauth.Actor(r), in.Scope, in.Reason, in.Date, in.Set, in.Name)
	reply(w, r, http.StatusCreated, resultOf(res.Change, res.Moves), err)
}

// calendarUpload lays a schedule over the calendar: {"name": "2027.json"
// or "x.ics", "content": the file's text, "scope", "reason"}.
func (h *Handler) calendarUpload(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Name    string `json:"name"`
		Content string `json:"content"`
		Scope   string `json:"scope"`
		Reason  string `json:"reason"`
	}
	p, ok := h.calendarWrite(w, r, &in)
	if !ok {
		return
	}
	res, err := h.Calendar.Upload(r.Context(), p, httpauth.Actor(r), in.Scope, in.Reason, in.Name, []byte(in.Content))
	reply(w, r, http.StatusCreated, resultOf(res.Change, res.Moves), err)
}

// calendarWrite is the caller, once the request is read; the service
// checks that they may change the calendar.
func (h *Handler) calendarWrite(w http.ResponseWriter, r *http.Request, in any) (authz.Principal, bool) {
	p, ok := signedIn(w, r, h.Calendar != nil)
	if !ok {
		return p, false
	}
	if err := readJSON(r, in); err != nil {
		fail(w, r, err)
		return p, false
	}
	return p, true
}

// calendarChanges lists the latest changes, newest first.
func (h *Handler) calendarChanges(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Calendar != nil)
	if !ok {
		return
	}
	changes, err := h.Calendar.Changes(r.Context(), p, 200)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list[records.CalendarChange]{Items: changes, Total: len(changes)})
}

// calendarChangeGet is one change with the deadlines it moved.
func (h *Handler) calendarChangeGet(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Calendar != nil)
	if !ok {
		return
	}
	res, err := h.Calendar.Change(r.Context(), p, id)
	reply(w, r, http.StatusOK, resultOf(res.Change, res.Moves), err)
}

func resultOf(c records.CalendarChange, moves []records.DeadlineMove) calendarResult {
	out := calendarResult{Change: c, Moves: []deadlineMove{}}
	for _, m := range moves {
		out.Moves = append(out.Moves, deadlineMove{TaskID: m.TaskID, EventKey: m.EventKey, Label: m.Label,
			On: day(m.On), From: day(m.From), To: day(m.To)})
	}
	return out
}
