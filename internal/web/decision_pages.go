package web

import (
	"errors"
	"net/http"
	"strconv"
)

// DecisionCataloguePage, DecisionPage and CommitmentsPage are the
// office's pages of 重大行政决策 and 守信践诺.
type DecisionCataloguePage struct {
	Page
	*DecisionCatalogueView
}

type DecisionPage struct {
	Page
	*DecisionView
}

type CommitmentsPage struct {
	Page
	*CommitmentsView
}

func yearOf(r *http.Request) int {
	y, _ := strconv.Atoi(r.URL.Query().Get("year"))
	return y
}

func (h *Handler) decisionCatalogue(w http.ResponseWriter, r *http.Request) {
	h.renderCatalogue(w, r, http.StatusOK, yearOf(r), DecisionInput{})
}

func (h *Handler) renderCatalogue(w http.ResponseWriter, r *http.Request, status, year int, form DecisionInput) {
	v, err := h.d.Decisions.Catalogue(r.Context(), year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Form = form
	h.render(w, r, status, "decisions", DecisionCataloguePage{Page: h.basePage(w, r, "/decisions?year="+strconv.Itoa(v.Year)), DecisionCatalogueView: v})
}

func (h *Handler) decisionCreate(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	year, _ := strconv.Atoi(field(r, "year"))
	in := DecisionInput{Year: year, Title: field(r, "title"), Summary: field(r, "summary"), Unit: field(r, "unit"),
		Planned: field(r, "planned"), Reason: field(r, "reason")}
	id, err := h.d.Decisions.Create(r.Context(), in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "decisions.created")
		redirect(w, r, "/decisions/"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		in.Problems = bad.Problems
		h.renderCatalogue(w, r, http.StatusUnprocessableEntity, year, in)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) decisionCatalogueSet(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	year, _ := strconv.Atoi(field(r, "year"))
	err := h.d.Decisions.SetCatalogue(r.Context(), year, field(r, "action"), field(r, "note"))
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "decisions.catalogue_set")
		redirect(w, r, "/decisions?year="+strconv.Itoa(year))
	case errors.As(err, &bad):
		h.renderCatalogue(w, r, http.StatusUnprocessableEntity, year, DecisionInput{Problems: bad.Problems})
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) decisionShow(w http.ResponseWriter, r *http.Request) {
	h.renderDecision(w, r, http.StatusOK, nil)
}

func (h *Handler) renderDecision(w http.ResponseWriter, r *http.Request, status int, problems []string) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.d.Decisions.Decision(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Problems = problems
	h.render(w, r, status, "decision", DecisionPage{Page: h.basePage(w, r, "/decisions/"+strconv.FormatInt(id, 10)), DecisionView: v})
}

// decisionStep records a step with its documents (field "files").
func (h *Handler) decisionStep(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseUpload(w, r) {
		return
	}
	files, ok := uploads(r, "files")
	if !ok {
		files = files[:maxFiles]
	}
	// The result is a select; a published decision's number (文号) is
	// typed in a field of its own.
	result := field(r, "result")
	if result == "" {
		result = field(r, "ref")
	}
	err = h.d.Decisions.Step(r.Context(), id, DecisionStepInput{Kind: field(r, "kind"), Gate: field(r, "gate"), From: field(r, "from"),
		To: field(r, "to"), Result: result, Body: field(r, "body"), Reason: field(r, "reason"),
		ExecDue: field(r, "exec_due"), EvalDue: field(r, "eval_due"), Files: files})
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "decisions.step_recorded")
		redirect(w, r, "/decisions/"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		h.renderDecision(w, r, http.StatusUnprocessableEntity, bad.Problems)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) decisionFile(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, err := h.d.Decisions.File(r.Context(), id)
	h.download(w, r, d, err)
}

func (h *Handler) commitmentList(w http.ResponseWriter, r *http.Request) {
	h.renderCommitments(w, r, http.StatusOK, CommitmentInput{}, nil)
}

func (h *Handler) renderCommitments(w http.ResponseWriter, r *http.Request, status int, form CommitmentInput, problems []string) {
	v, err := h.d.Decisions.Commitments(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Form, v.Problems = form, problems
	h.render(w, r, status, "commitments", CommitmentsPage{Page: h.basePage(w, r, "/commitments"), CommitmentsView: v})
}

func (h *Handler) commitmentCreate(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	in := CommitmentInput{Title: field(r, "title"), Source: field(r, "source"), SourceRef: field(r, "source_ref"), Unit: field(r, "unit"),
		Target: field(r, "target"), Deadline: field(r, "deadline")}
	err := h.d.Decisions.CreateCommitment(r.Context(), in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "commitments.created")
		redirect(w, r, "/commitments")
	case errors.As(err, &bad):
		h.renderCommitments(w, r, http.StatusUnprocessableEntity, in, bad.Problems)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) commitmentProgress(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	err = h.d.Decisions.CommitmentProgress(r.Context(), id, CommitmentProgressInput{Kind: field(r, "kind"), Body: field(r, "body"),
		Reason: field(r, "reason"), Rectification: field(r, "rectification"), On: field(r, "on")})
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "commitments.progressed")
		redirect(w, r, "/commitments#commitment-"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		h.renderCommitments(w, r, http.StatusUnprocessableEntity, CommitmentInput{}, bad.Problems)
	default:
		h.fail(w, r, err)
	}
}
