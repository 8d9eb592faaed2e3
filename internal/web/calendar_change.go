package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/duban/duban/internal/i18n"
)

// calendarUpload lays an uploaded year's schedule over the calendar.
func (h *Handler) calendarUpload(w http.ResponseWriter, r *http.Request) {
	if !parseUpload(w, r) {
		return
	}
	form := CalendarCorrection{Scope: field(r, "scope"), Reason: field(r, "reason")}
	files, _ := uploads(r, "file")
	if len(files) != 1 {
		h.calendarRefused(w, r, form, i18n.FromContext(r.Context()).T("calendar.no_file"))
		return
	}
	id, err := h.d.Calendar.Upload(r.Context(), form.Scope, form.Reason, files[0])
	h.calendarChanged(w, r, form, id, err)
}

// calendarCorrect sets a single day.
func (h *Handler) calendarCorrect(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	form := CalendarCorrection{Date: field(r, "date"), Set: field(r, "set"), Name: field(r, "name"),
		Scope: field(r, "scope"), Reason: field(r, "reason")}
	id, err := h.d.Calendar.Correct(r.Context(), form)
	h.calendarChanged(w, r, form, id, err)
}

// calendarChanged leads to the change's page, which lists the deadlines
// it moved, or shows the form again with why it was refused.
func (h *Handler) calendarChanged(w http.ResponseWriter, r *http.Request, form CalendarCorrection, id int64, err error) {
	if err == nil {
		flash(w, r, "success", "calendar.saved")
		redirect(w, r, "/calendar/changes/"+strconv.FormatInt(id, 10))
		return
	}
	var in *CalendarInputError
	if errors.As(err, &in) {
		h.calendarRefused(w, r, form, in.Detail)
		return
	}
	fe, ok := validationErrors(r, err)
	if !ok {
		h.fail(w, r, err)
		return
	}
	h.calendarRefused(w, r, form, i18n.FromContext(r.Context()).T(fe[""]))
}

// calendarRefused shows the form again, on the corrected day's year, with
// the problem above it.
func (h *Handler) calendarRefused(w http.ResponseWriter, r *http.Request, form CalendarCorrection, problem string) {
	year := 0
	if d, err := time.Parse(time.DateOnly, form.Date); err == nil {
		year = d.Year()
	}
	h.renderCalendar(w, r, http.StatusUnprocessableEntity, year, problem, form)
}
