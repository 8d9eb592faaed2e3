package api

import (
	"github.com/duban/duban/internal/basepath"
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
)

// inspectionInput is an inspection held, as the office records it.
type inspectionInput struct {
	PlanEntryID int64  `json:"plan_entry_id"` // the 督查计划 entry it carries out; 0 none
	Kind        string `json:"kind"`          // "" is the entry's
	Title       string `json:"title"`
	HeldOn      string `json:"held_on"` // YYYY-MM-DD, not in the future
	Place       string `json:"place"`
	Inspectors  string `json:"inspectors"`
	Method      string `json:"method"`
	Summary     string `json:"summary"`
}

// inspectionCreate records an inspection held (the office).
func (h *Handler) inspectionCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Inspections != nil)
	if !ok {
		return
	}
	var in inspectionInput
	if !decoded(w, r, &in) {
		return
	}
	v, err := h.Inspections.Record(r.Context(), p, httpauth.Actor(r), records.Inspection{PlanEntryID: in.PlanEntryID, Kind: in.Kind,
		Title: in.Title, HeldOn: in.HeldOn, Place: in.Place, Inspectors: in.Inspectors, Method: in.Method, Summary: in.Summary})
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Location", basepath.For(r, "/api/v1/inspections/"+strconv.FormatInt(v.ID, 10)))
	writeJSON(w, http.StatusCreated, viewInspection(localizer(r), v, nil))
}

// inspectionList lists the inspections of a year (?year=, this year by
// default), the latest first, with how many problems each found and how
// many are open.
func (h *Handler) inspectionList(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Inspections != nil)
	if !ok {
		return
	}
	year, err := h.yearOf(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	all, err := h.Inspections.Inspections(r.Context(), p, year)
	if err != nil {
		fail(w, r, err)
		return
	}
	items := []inspectionView{}
	for _, s := range all {
		v := viewInspection(localizer(r), &s.Inspection, nil)
		v.Found, v.Open = s.Found, s.Open
		items = append(items, v)
	}
	writeJSON(w, http.StatusOK, list[inspectionView]{Items: items, Total: len(items)})
}

// inspectionGet is one inspection with its findings as they stand.
func (h *Handler) inspectionGet(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Inspections != nil)
	if !ok {
		return
	}
	in, found, err := h.Inspections.Inspection(r.Context(), p, id)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, viewInspection(localizer(r), in, found))
}
