package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/ledgersvc"
)

// PlanForm is the review form of the plan's own fields: title, 文号,
// issuer, 成文日期 and year.
type PlanForm struct {
	Title, DocNumber, Issuer, IssuedOn, Year string
	Errors                                   FieldErrors
}

// Open reports whether the form is shown unfolded: when it was refused,
// or when the plan has no title yet.
func (f PlanForm) Open() bool { return f.Errors.Any() || f.Title == "" }

// planForm is the form filled with the plan as stored.
func planForm(p ledgersvc.Plan) PlanForm {
	f := PlanForm{Title: p.Title, DocNumber: p.DocNumber, Issuer: p.Issuer, IssuedOn: p.IssuedOn, Errors: FieldErrors{}}
	if p.Year != 0 {
		f.Year = strconv.Itoa(p.Year)
	}
	return f
}

// readPlanForm reads a posted plan form. It only parses (a year that is
// not a number): the service checks what is required, the lengths, the
// date and the year's range, for the API as for the page.
func readPlanForm(r *http.Request) (PlanForm, PlanEdit) {
	f := PlanForm{Title: field(r, "title"), DocNumber: field(r, "doc_number"), Issuer: field(r, "issuer"),
		IssuedOn: field(r, "issued_on"), Year: field(r, "year"), Errors: FieldErrors{}}
	in := PlanEdit{Title: f.Title, DocNumber: f.DocNumber, Issuer: f.Issuer, IssuedOn: f.IssuedOn}
	if f.Year != "" {
		y, err := strconv.Atoi(f.Year)
		if err != nil {
			f.Errors.add("year", "plans.error.year")
		}
		in.Year = y
	}
	return f, in
}

// planUpdate saves the plan's own fields (UpdatePlan): what the importer
// could not read from the document, or read wrong.
func (h *Handler) planUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	form, in := readPlanForm(r)
	if !form.Errors.Any() {
		err = h.d.Plans.UpdatePlan(r.Context(), id, in)
		if err == nil {
			flash(w, r, "success", "review.plan_saved")
			redirect(w, r, fmt.Sprintf("/plans/%d/review", id))
			return
		}
	} else {
		err = &ValidationError{Fields: form.Errors}
	}
	h.reviewRefused(w, r, id, err, func(p *ReviewPage, fe FieldErrors) {
		form.Errors = fe
		p.PlanForm = form
	})
}
