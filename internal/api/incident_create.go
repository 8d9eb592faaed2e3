package api

import (
	"github.com/duban/duban/internal/basepath"
	"net/http"
	"strconv"
	"time"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
)

// incidentInput is a major incident as the office records it.
type incidentInput struct {
	Title      string `json:"title"`
	Level      string `json:"level"`       // an emergency.Level
	OccurredAt string `json:"occurred_at"` // RFC 3339, with its offset
	UnitID     int64  `json:"unit_id"`     // the unit responsible for the disclosure; 0 none yet
	Summary    string `json:"summary"`
}

// incidentCreate records a major incident: the clocks of its duties start
// from when it happened, not from when it was recorded. The service
// checks the lead unit and who may report.
func (h *Handler) incidentCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Incidents != nil)
	if !ok {
		return
	}
	var in incidentInput
	if !decoded(w, r, &in) {
		return
	}
	occurred, ok := instantOf(in.OccurredAt)
	if !ok {
		fail(w, r, fault.Field("occurred_at", "api.problem.rfc3339"))
		return
	}
	v, err := h.Incidents.Report(r.Context(), p, httpauth.Actor(r), records.Incident{Title: in.Title, Level: in.Level, OccurredAt: occurred,
		UnitID: in.UnitID, Summary: in.Summary})
	if err == nil {
		w.Header().Set("Location", basepath.For(r, "/api/v1/incidents/"+strconv.FormatInt(v.ID, 10)))
		writeJSON(w, http.StatusCreated, viewIncident(localizer(r), v))
		return
	}
	fail(w, r, err)
}

// instantOf reads an RFC 3339 time; "" is the zero time, which the
// service refuses or takes as now.
func instantOf(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.Parse(time.RFC3339, s)
	return t, err == nil
}
