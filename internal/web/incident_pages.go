package web

import (
	"errors"
	"net/http"
	"strconv"
)

// IncidentListPage and IncidentPage are the major incidents' pages.
type IncidentListPage struct {
	Page
	*IncidentListView
}

type IncidentPage struct {
	Page
	*IncidentView
}

func (h *Handler) incidentList(w http.ResponseWriter, r *http.Request) {
	h.renderIncidents(w, r, http.StatusOK, IncidentInput{})
}

func (h *Handler) renderIncidents(w http.ResponseWriter, r *http.Request, status int, form IncidentInput) {
	v, err := h.d.Incidents.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Form = form
	h.render(w, r, status, "incidents", IncidentListPage{Page: h.basePage(w, r, ""), IncidentListView: v})
}

func (h *Handler) incidentReport(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	in := IncidentInput{Title: field(r, "title"), Level: field(r, "level"), Occurred: field(r, "occurred"), Unit: field(r, "unit"),
		Summary: field(r, "summary")}
	id, err := h.d.Incidents.Report(r.Context(), in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "incidents.reported")
		redirect(w, r, "/incidents/"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		in.Problems = bad.Problems
		h.renderIncidents(w, r, http.StatusUnprocessableEntity, in)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) incidentShow(w http.ResponseWriter, r *http.Request) {
	h.renderIncident(w, r, http.StatusOK, nil)
}

func (h *Handler) renderIncident(w http.ResponseWriter, r *http.Request, status int, problems []string) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.d.Incidents.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Problems = problems
	h.render(w, r, status, "incident", IncidentPage{Page: h.basePage(w, r, "/incidents/"+strconv.FormatInt(id, 10)), IncidentView: v})
}

func (h *Handler) incidentFulfil(w http.ResponseWriter, r *http.Request) {
	h.actOn(w, r, "/incidents/", "incidents.fulfilled", func(id int64) error {
		return h.d.Incidents.Fulfil(r.Context(), id, field(r, "kind"), field(r, "at"), field(r, "evidence"))
	}, h.renderIncident)
}
