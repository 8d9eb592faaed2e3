package web

import (
	"errors"
	"mime"
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/workday"
)

// InspectionPlanPage, InspectionListPage, InspectionPage and
// FindingListPage are the inspections' pages.
type InspectionPlanPage struct {
	Page
	*InspectionPlanView
}

type InspectionListPage struct {
	Page
	*InspectionListView
}

type InspectionPage struct {
	Page
	*InspectionView
}

type FindingListPage struct {
	Page
	*FindingListView
}

// yearParam is the page's ?year=, this year in China by default.
func (h *Handler) yearParam(r *http.Request) int {
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && y >= 2000 && y <= 2100 {
		return y
	}
	return h.d.Now().In(workday.Zone).Year()
}

func (h *Handler) inspectionPlan(w http.ResponseWriter, r *http.Request) {
	h.renderInspectionPlan(w, r, http.StatusOK, h.yearParam(r), PlanEntryForm{})
}

func (h *Handler) renderInspectionPlan(w http.ResponseWriter, r *http.Request, status, year int, form PlanEntryForm) {
	v, err := h.d.Inspections.Plan(r.Context(), year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if form.Year != "" || form.Problems != nil {
		v.Form = form
	}
	h.render(w, r, status, "inspection_plan", InspectionPlanPage{Page: h.basePage(w, r, "/inspections"), InspectionPlanView: v})
}

func (h *Handler) inspectionPlanAdd(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	in := PlanEntryForm{Year: field(r, "year"), Title: field(r, "title"), Kind: field(r, "kind"), Month: field(r, "month"),
		PlannedOn: field(r, "planned_on"), Notes: field(r, "notes"), Units: r.PostForm["units"]}
	err := h.d.Inspections.AddPlanEntry(r.Context(), in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "inspections.plan_added")
		redirect(w, r, "/inspections/plan?year="+in.Year)
	case errors.As(err, &bad):
		in.Problems = bad.Problems
		year, _ := strconv.Atoi(in.Year)
		if year == 0 {
			year = h.yearParam(r)
		}
		h.renderInspectionPlan(w, r, http.StatusUnprocessableEntity, year, in)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) inspectionPlanDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	if err := h.d.Inspections.DeletePlanEntry(r.Context(), id); err != nil {
		h.fail(w, r, err)
		return
	}
	flash(w, r, "success", "inspections.plan_deleted")
	redirect(w, r, "/inspections/plan?year="+field(r, "year"))
}

func (h *Handler) inspectionList(w http.ResponseWriter, r *http.Request) {
	h.renderInspections(w, r, http.StatusOK, h.yearParam(r), InspectionForm{})
}

func (h *Handler) renderInspections(w http.ResponseWriter, r *http.Request, status, year int, form InspectionForm) {
	v, err := h.d.Inspections.List(r.Context(), year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if form.Title != "" || form.Problems != nil {
		v.Form = form
	}
	h.render(w, r, status, "inspections", InspectionListPage{Page: h.basePage(w, r, "/inspections"), InspectionListView: v})
}

func (h *Handler) inspectionRecord(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	in := InspectionForm{PlanEntry: field(r, "plan_entry"), Kind: field(r, "kind"), Title: field(r, "title"), HeldOn: field(r, "held_on"),
		Place: field(r, "place"), Inspectors: field(r, "inspectors"), Method: field(r, "method"), Summary: field(r, "summary")}
	id, err := h.d.Inspections.Record(r.Context(), in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "inspections.recorded")
		redirect(w, r, "/inspections/"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		in.Problems = bad.Problems
		h.renderInspections(w, r, http.StatusUnprocessableEntity, h.yearParam(r), in)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) inspectionShow(w http.ResponseWriter, r *http.Request) {
	h.renderInspection(w, r, http.StatusOK, nil, nil)
}

func (h *Handler) renderInspection(w http.ResponseWriter, r *http.Request, status int, problems []string, form *FindingForm) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.showInspection(w, r, status, id, problems, form)
}

func (h *Handler) showInspection(w http.ResponseWriter, r *http.Request, status int, id int64, problems []string, form *FindingForm) {
	v, err := h.d.Inspections.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Problems = problems
	if form != nil {
		v.Form = *form
	}
	h.render(w, r, status, "inspection", InspectionPage{Page: h.basePage(w, r, "/inspections/"+strconv.FormatInt(id, 10)), InspectionView: v})
}

func (h *Handler) findingAdd(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseUpload(w, r) {
		return
	}
	in := FindingForm{Description: field(r, "description"), Unit: field(r, "unit"), Due: field(r, "due")}
	files, ok := uploads(r, "files")
	if !ok {
		h.showInspection(w, r, http.StatusUnprocessableEntity, id, []string{i18n.FromContext(r.Context()).T("error.too_many_files")}, &in)
		return
	}
	in.Files = files
	err = h.d.Inspections.AddFinding(r.Context(), id, in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "inspections.finding_added")
		redirect(w, r, "/inspections/"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		in.Files = nil
		h.showInspection(w, r, http.StatusUnprocessableEntity, id, bad.Problems, &in)
	default:
		h.fail(w, r, err)
	}
}

// findingStep runs a step on a finding posted from its inspection's page
// and goes back there.
func (h *Handler) findingStep(w http.ResponseWriter, r *http.Request, doneKey string, do func(id int64) (int64, error)) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseUpload(w, r) {
		return
	}
	inspection, err := do(id)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", doneKey)
		redirect(w, r, "/inspections/"+strconv.FormatInt(inspection, 10)+"#finding-"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad) && inspection != 0:
		h.showInspection(w, r, http.StatusUnprocessableEntity, inspection, bad.Problems, nil)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) findingPhotos(w http.ResponseWriter, r *http.Request) {
	h.findingStep(w, r, "inspections.photos_added", func(id int64) (int64, error) {
		files, ok := uploads(r, "files")
		if !ok {
			files = files[:maxFiles]
		}
		return h.d.Inspections.AddPhotos(r.Context(), id, files)
	})
}

func (h *Handler) findingRecheck(w http.ResponseWriter, r *http.Request) {
	h.findingStep(w, r, "inspections.rechecked", func(id int64) (int64, error) {
		return h.d.Inspections.Recheck(r.Context(), id, RecheckForm{HeldOn: field(r, "held_on"), Result: field(r, "result"),
			Note: field(r, "note"), NewDue: field(r, "new_due")})
	})
}

func findingQuery(r *http.Request) FindingQuery {
	q := r.URL.Query()
	return FindingQuery{Year: q.Get("year"), Unit: q.Get("unit"), Status: q.Get("status")}
}

func (h *Handler) findingList(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Inspections.Findings(r.Context(), findingQuery(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "findings", FindingListPage{Page: h.basePage(w, r, ""), FindingListView: v})
}

// findingExport downloads the 问题清单 by the page's filters as .xlsx.
func (h *Handler) findingExport(w http.ResponseWriter, r *http.Request) {
	data, err := h.d.Inspections.Export(r.Context(), findingQuery(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	name := "问题清单-" + h.d.Now().In(workday.Zone).Format("20060102-1504") + ".xlsx"
	hd := w.Header()
	hd.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	hd.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	hd.Set("Cache-Control", "no-store")
	w.Write(data)
}

func (h *Handler) findingFile(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, err := h.d.Inspections.File(r.Context(), id)
	h.download(w, r, d, err)
}
