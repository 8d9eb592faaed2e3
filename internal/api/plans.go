package api

import (
	"errors"
	"io"
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/ledgersvc"
)

// planList lists the plans, newest first.
func (h *Handler) planList(w http.ResponseWriter, r *http.Request) {
	c, err := allowed(r, authz.PlanRead)
	if err != nil {
		fail(w, r, err)
		return
	}
	items, err := h.Intake.Plans(r.Context(), c.Principal())
	reply(w, r, http.StatusOK, list[ledgersvc.Plan]{Items: items, Total: len(items)}, err)
}

// planGet returns a plan with the tasks the caller may read: all of them,
// or a liaison's units' tasks only.
func (h *Handler) planGet(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.PlanRead)
	if !ok {
		return
	}
	pt, err := h.Intake.Plan(r.Context(), c.Principal(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		ledgersvc.Plan
		Tasks list[ledgersvc.Task] `json:"tasks"`
	}{pt.Plan, list[ledgersvc.Task]{Items: pt.Tasks, Total: pt.Total}})
}

// planImport takes an uploaded plan document (multipart field "file") in
// as a draft for review, with the checks the pages make (a known kind, a
// document giving tasks), once per document, and answers with the review:
// the source text beside the extracted tasks, each unit name matched to
// the registry, and what the parse did not read.
func (h *Handler) planImport(w http.ResponseWriter, r *http.Request) {
	c, err := allowed(r, authz.PlanWrite)
	if err != nil {
		fail(w, r, err)
		return
	}
	l, _ := i18n.FromRequest(r)
	r.Body = http.MaxBytesReader(w, r.Body, intakesvc.MaxBytes+1<<20)
	file, header, err := r.FormFile("file")
	if err != nil {
		fail(w, r, errBadRequestf(l.T("plans.error.no_file")))
		return
	}
	defer file.Close()
	data, err := io.ReadAll(file)
	if err != nil {
		fail(w, r, errors.Join(errBadRequest, err))
		return
	}
	res, err := h.Intake.Import(r.Context(), c.Principal(), httpauth.Actor(r),
		intakesvc.Upload{Name: header.Filename, Data: data, Draft: true})
	if err != nil {
		intakeFail(w, r, err)
		return
	}
	status := http.StatusCreated
	if !res.Created {
		status = http.StatusOK
	}
	rv, err := h.Intake.Review(r.Context(), c.Principal(), res.ID)
	reply(w, r, status, rv, err)
}
