package api

import (
	"github.com/duban/duban/internal/basepath"
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
)

// planEntryInput is an entry of the 督查计划 as a request carries it.
type planEntryInput struct {
	Year      int     `json:"year"`
	Title     string  `json:"title"`
	Kind      string  `json:"kind"` // field, special, reconcile, covert
	Month     int     `json:"month"`
	PlannedOn string  `json:"planned_on"` // YYYY-MM-DD in that month, or ""
	UnitIDs   []int64 `json:"unit_ids"`
	Notes     string  `json:"notes"`
}

func (in planEntryInput) entry() records.InspectionPlanEntry {
	return records.InspectionPlanEntry{Year: in.Year, Title: in.Title, Kind: in.Kind, Month: in.Month, PlannedOn: in.PlannedOn,
		UnitIDs: in.UnitIDs, Notes: in.Notes}
}

// yearOf is the ?year= of a request, this year in China by default.
func (h *Handler) yearOf(r *http.Request) (int, error) {
	y, err := queryInt(r, "year")
	if err != nil || y != 0 {
		return y, err
	}
	return strconv.Atoi(h.Inspections.Today()[:4])
}

// inspectionPlanList is a year's 督查计划 (?year=, this year by default).
func (h *Handler) inspectionPlanList(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Inspections != nil)
	if !ok {
		return
	}
	year, err := h.yearOf(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	all, err := h.Inspections.Plan(r.Context(), p, year)
	if err != nil {
		fail(w, r, err)
		return
	}
	items := []planEntryView{}
	for _, e := range all {
		items = append(items, viewPlanEntry(localizer(r), e))
	}
	writeJSON(w, http.StatusOK, list[planEntryView]{Items: items, Total: len(items)})
}

// inspectionPlanCreate adds an inspection to a year's plan (the office).
func (h *Handler) inspectionPlanCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Inspections != nil)
	if !ok {
		return
	}
	var in planEntryInput
	if !decoded(w, r, &in) {
		return
	}
	e, err := h.Inspections.AddPlanEntry(r.Context(), p, httpauth.Actor(r), in.entry())
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Location", basepath.For(r, "/api/v1/inspection-plans/"+strconv.FormatInt(e.ID, 10)))
	writeJSON(w, http.StatusCreated, viewPlanEntry(localizer(r), *e))
}

// inspectionPlanUpdate replaces an entry of the plan (the office).
func (h *Handler) inspectionPlanUpdate(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Inspections != nil)
	if !ok {
		return
	}
	var in planEntryInput
	if !decoded(w, r, &in) {
		return
	}
	e, err := h.Inspections.UpdatePlanEntry(r.Context(), p, httpauth.Actor(r), id, in.entry())
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, viewPlanEntry(localizer(r), *e))
}

// inspectionPlanDelete takes an entry off the plan (the office); the
// inspections held against it stay.
func (h *Handler) inspectionPlanDelete(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Inspections != nil)
	if !ok {
		return
	}
	if err := h.Inspections.DeletePlanEntry(r.Context(), p, httpauth.Actor(r), id); err != nil {
		fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
