package api

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/intakesvc"
)

// intake is the intake service; one over the same store and ledger when
// the Handler was built without it.
func (h *Handler) intake() *intakesvc.Service {
	if h.Intake != nil {
		return h.Intake
	}
	return &intakesvc.Service{Store: h.Store, Ledger: h.Ledger}
}

// intakeLabels name the fields of intake's inputs by catalogue key, for
// problems that a client shows without its own form.
var intakeLabels = map[string]string{
	"file": "plans.field.file", "title": "plans.field.title", "doc_number": "plans.col.doc_number",
	"issuer": "plans.field.issuer", "issued_on": "plans.field.issued_on", "year": "plans.field.year",
	"path": "plans.field.path", "units": "plans.field.units", "deadlines": "plans.field.deadlines",
	"targets": "plans.field.targets", "milestones": "plans.field.milestones", "weight": "plans.field.weight",
	"after": "plans.field.after", "at": "plans.field.at", "with": "plans.field.with",
}

// intakeFail answers intake's coded errors in the caller's language: 422
// with each problem at its field, 409 for what the plan's state forbids
// (naming the tasks without units when that is why), and the common
// answers (403, 404…) for the rest.
func intakeFail(w http.ResponseWriter, r *http.Request, err error) {
	l, _ := i18n.FromRequest(r)
	var bad *intakesvc.InputError
	var conflict *intakesvc.ConflictError
	var unitless *intakesvc.UnitlessError
	var doc *intakesvc.DocumentError
	switch {
	case errors.As(err, &bad):
		out := make([]problem, len(bad.Problems))
		for i, p := range bad.Problems {
			out[i] = problem{Field: p.Field, Message: l.T(p.Key)}
			if key, ok := intakeLabels[p.Field]; ok {
				out[i].Label = l.T(key)
			}
		}
		writeProblems(w, "", out)
	case errors.As(err, &doc):
		writeProblems(w, l.T("plans.error.unreadable"), []problem{{Field: "file", Label: l.T("plans.field.file"),
			Message: strings.TrimPrefix(doc.Error(), doc.Name+": ")}})
	case errors.As(err, &conflict):
		writeJSON(w, http.StatusConflict, map[string]any{"error": map[string]string{"code": "conflict", "message": l.T(conflict.Key)}})
	case errors.As(err, &unitless):
		msg := l.T("plans.error.unitless", "n", strconv.Itoa(len(unitless.Tasks)), "tasks", strings.Join(unitless.Tasks, "；"))
		writeJSON(w, http.StatusConflict, map[string]any{"error": map[string]string{"code": "unitless", "message": msg},
			"tasks": unitless.Tasks})
	default:
		fail(w, r, err)
	}
}

// pathInt reads a positive integer path value.
func pathInt(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errBadRequestf(name + " 应为正整数")
	}
	return id, nil
}
