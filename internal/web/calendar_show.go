package web

import (
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/workday"
)

// CalendarPage is the data of the calendar page (工作日历).
type CalendarPage struct {
	Page
	*CalendarView
	Problem string // why an upload or a correction was refused, as written
	Form    CalendarCorrection
}

// calendarShow shows a year (?year=, this year by default).
func (h *Handler) calendarShow(w http.ResponseWriter, r *http.Request) {
	h.renderCalendar(w, r, http.StatusOK, 0, "", CalendarCorrection{})
}

func (h *Handler) renderCalendar(w http.ResponseWriter, r *http.Request, status, year int, problem string, form CalendarCorrection) {
	if year == 0 {
		year = h.d.Now().In(workday.Zone).Year()
		if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && y >= 1900 && y <= 2200 {
			year = y
		}
	}
	v, err := h.d.Calendar.View(r.Context(), year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if form.Scope == "" {
		form.Scope = "national"
	}
	h.render(w, r, status, "calendar", CalendarPage{Page: h.basePage(w, r, "/calendar"), CalendarView: v, Problem: problem, Form: form})
}

// calendarChangeShow shows one change and the deadlines it moved.
func (h *Handler) calendarChangeShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	c, err := h.d.Calendar.Change(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "calendar_change", CalendarChangePage{Page: h.basePage(w, r, ""), CalendarChangeDetail: c})
}

// CalendarChangePage is the data of a change's page.
type CalendarChangePage struct {
	Page
	*CalendarChangeDetail
}
