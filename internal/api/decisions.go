package api

import (
	"errors"
	"mime"
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/decisionsvc"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// decisionInput is a decision entered into a year's catalogue, or, with
// action set and no title, a catalogue's approval or publication.
type decisionInput struct {
	Year    int    `json:"year"`
	Title   string `json:"title"`
	Summary string `json:"summary"`
	UnitID  int64  `json:"unit_id"`
	Planned string `json:"planned"`
	Reason  string `json:"reason"` // an adjustment of a published catalogue
}

// catalogueInput approves or publishes a year's catalogue.
type catalogueInput struct {
	Year   int    `json:"year"`
	Action string `json:"action"` // approve, publish
	Note   string `json:"note"`
}

// decisionList lists the decisions of ?year= (every year without it).
func (h *Handler) decisionList(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Decisions != nil)
	if !ok {
		return
	}
	year, err := yearParam(r, false)
	if err != nil {
		fail(w, r, err)
		return
	}
	items, err := h.Decisions.Decisions(r.Context(), p, year)
	reply(w, r, http.StatusOK, list[records.Decision]{Items: items, Total: len(items)}, err)
}

func yearParam(r *http.Request, required bool) (int, error) {
	v := r.URL.Query().Get("year")
	if v == "" && !required {
		return 0, nil
	}
	y, err := strconv.Atoi(v)
	if err != nil {
		return 0, errInvalid("api.problem.year")
	}
	return y, nil
}

// decisionCreate enters a decision into its year's catalogue.
func (h *Handler) decisionCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Decisions != nil)
	if !ok {
		return
	}
	var in decisionInput
	if !decoded(w, r, &in) {
		return
	}
	d, err := h.Decisions.Create(r.Context(), p, httpauth.Actor(r), records.NewDecision{Year: in.Year, Title: in.Title,
		Summary: in.Summary, UnitID: in.UnitID, Planned: in.Planned, Reason: in.Reason})
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/decisions/"+strconv.FormatInt(d.ID, 10))
	writeJSON(w, http.StatusCreated, d)
}

// decisionGet is a decision with its steps and the comments received.
func (h *Handler) decisionGet(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Decisions != nil)
	if !ok {
		return
	}
	d, err := h.Decisions.Decision(r.Context(), p, id)
	reply(w, r, http.StatusOK, d, err)
}

// decisionStep records a step of a decision's procedure: JSON, or a
// multipart form with the step's fields and its documents in
// "attachments".
func (h *Handler) decisionStep(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Decisions != nil)
	if !ok {
		return
	}
	var in decisionsvc.StepInput
	var ups []ledgersvc.Upload
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
		if err := r.ParseMultipartForm(8 << 20); err != nil {
			fail(w, r, errors.Join(errBadRequest, err))
			return
		}
		in = decisionsvc.StepInput{Kind: r.FormValue("kind"), Gate: r.FormValue("gate"), From: r.FormValue("from"), To: r.FormValue("to"),
			Result: r.FormValue("result"), Body: r.FormValue("body"), Reason: r.FormValue("reason"),
			ExecDue: r.FormValue("exec_due"), EvalDue: r.FormValue("eval_due")}
		ups = attachments(r)
	} else if err := readInput(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	d, err := h.Decisions.Step(r.Context(), p, httpauth.Actor(r), id, in, ups...)
	reply(w, r, http.StatusCreated, d, err)
}

// decisionCatalogue is the catalogue of ?year=.
func (h *Handler) decisionCatalogue(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Decisions != nil)
	if !ok {
		return
	}
	year, err := yearParam(r, true)
	if err != nil {
		fail(w, r, err)
		return
	}
	c, err := h.Decisions.Catalogue(r.Context(), p, year)
	reply(w, r, http.StatusOK, c, err)
}

// decisionCatalogueSet approves or publishes a year's catalogue.
func (h *Handler) decisionCatalogueSet(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Decisions != nil)
	if !ok {
		return
	}
	var in catalogueInput
	if !decoded(w, r, &in) {
		return
	}
	c, err := h.Decisions.SetCatalogue(r.Context(), p, httpauth.Actor(r), in.Year, in.Action, in.Note)
	reply(w, r, http.StatusOK, c, err)
}
