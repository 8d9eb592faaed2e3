package api

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/emergencysvc"
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

// incidentFields name the incident's fields, as the page labels them and
// as emergencysvc's problems begin.
var incidentFields = fields{{"title", "事件名称"}, {"level", "事件级别"}, {"occurred_at", "发生时间"}, {"unit_id", "牵头单位"}, {"summary", "基本情况"}}

// incidentCreate records a major incident: the clocks of its duties start
// from when it happened, not from when it was recorded.
func (h *Handler) incidentCreate(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.incidentReady(w, r, authz.IncidentReport); !ok {
		return
	}
	var in incidentInput
	if err := readInput(r, &in, incidentFields.label); err != nil {
		fail(w, r, err)
		return
	}
	occurred, ok := instantOf(in.OccurredAt)
	if !ok {
		writeProblems(w, "突发事件内容有误：", []problem{{"occurred_at", "发生时间", "请按 RFC 3339 填写，如 2026-03-05T14:30:00+08:00"}})
		return
	}
	if in.UnitID != 0 {
		u, err := h.Store.FindUnitByID(r.Context(), in.UnitID)
		if err != nil && !errors.Is(err, fault.ErrNotFound) {
			fail(w, r, err)
			return
		}
		// a group (市级有关部门) is no one unit: one unit must publish
		if err != nil || u.Kind == records.UnitGroup {
			writeProblems(w, "突发事件内容有误：", []problem{{"unit_id", "牵头单位", "请从单位名录中选择一个具体单位"}})
			return
		}
	}
	v, err := h.Incidents.Report(r.Context(), httpauth.Actor(r), records.Incident{Title: in.Title, Level: in.Level, OccurredAt: occurred,
		UnitID: in.UnitID, Summary: in.Summary})
	if err == nil {
		w.Header().Set("Location", "/api/v1/incidents/"+strconv.FormatInt(v.ID, 10))
	}
	answerIncident(w, r, http.StatusCreated, "突发事件内容有误：", incidentFields, v, err)
}

// answerIncident answers a write with the incident as it now stands, or
// 422 with what the service refused, each problem at its field.
func answerIncident(w http.ResponseWriter, r *http.Request, status int, heading string, fs fields, v *emergencysvc.View, err error) {
	var bad *emergencysvc.InputError
	if errors.As(err, &bad) {
		writeProblems(w, heading, fs.at(bad.Problems))
		return
	}
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, status, viewIncident(v))
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
