package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
)

// assessPeriod reads ?period= (the current quarter when absent).
func (h *Handler) assessPeriod(r *http.Request) (ledger.Period, error) {
	key := r.URL.Query().Get("period")
	if key == "" {
		return ledger.PeriodOf("quarter", h.Assess.Today())
	}
	p, err := ledger.ParsePeriod(key)
	if err != nil {
		return p, errInvalid("api.problem.period", "period", key)
	}
	return p, nil
}

// assessReady checks the caller may read the ledger and the service is
// there.
func (h *Handler) assessReady(w http.ResponseWriter, r *http.Request, action authz.Action) bool {
	_, ok := h.ready(w, r, action, h.Assess != nil)
	return ok
}

// assessScores is a period's ranking: every unit's parts, total and place.
func (h *Handler) assessScores(w http.ResponseWriter, r *http.Request) {
	if !h.assessReady(w, r, authz.TaskRead) {
		return
	}
	p, err := h.assessPeriod(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	sc, err := h.Assess.Ranking(r.Context(), p)
	if err != nil {
		fail(w, r, err)
		return
	}
	scores := make([]assess.Score, len(sc.Scores))
	copy(scores, sc.Scores)
	for i := range scores {
		scores[i].Lines = []assess.Line{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"period": sc.Period, "as_of": day(sc.AsOf), "scheme": sc.Scheme,
		"published": sc.Version != nil, "scores": scores})
}

// assessUnitScore is one unit's score with every line that made it.
func (h *Handler) assessUnitScore(w http.ResponseWriter, r *http.Request) {
	if !h.assessReady(w, r, authz.TaskRead) {
		return
	}
	id, err := pathID(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	p, err := h.assessPeriod(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	_, u, err := h.Assess.Explain(r.Context(), p, id)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"period": p, "score": explained(u, localizer(r).T)})
}

// explainedScore is a unit's score as the API gives it: each line with
// its message of the catalogue and its text in the caller's language.
type explainedScore struct {
	assess.Score
	Lines []explainedLine `json:"lines"`
}

type explainedLine struct {
	assess.Line
	Text string `json:"text"`
}

func explained(u assess.Score, say assess.Say) explainedScore {
	out := explainedScore{Score: u, Lines: make([]explainedLine, len(u.Lines))}
	for i, l := range u.Lines {
		out.Lines[i] = explainedLine{Line: l, Text: l.Explain(say)}
	}
	return out
}

// assessSchemeGet is the scheme in force, its formula, and the draft.
func (h *Handler) assessSchemeGet(w http.ResponseWriter, r *http.Request) {
	if !h.assessReady(w, r, authz.TaskRead) {
		return
	}
	s, v, err := h.Assess.Scheme(r.Context())
	if err != nil {
		fail(w, r, err)
		return
	}
	out := map[string]any{"scheme": s, "formula": s.Formula(localizer(r).T), "version": v}
	if d, err := h.Store.SchemeDraft(r.Context()); err == nil {
		out["draft"] = d
	}
	writeJSON(w, http.StatusOK, out)
}

// assessSchemePut saves the body (a scheme's JSON) as the draft.
func (h *Handler) assessSchemePut(w http.ResponseWriter, r *http.Request) {
	if !h.assessReady(w, r, authz.TaskSupervise) {
		return
	}
	var s assess.Scheme
	if err := readJSON(r, &s); err != nil {
		fail(w, r, err)
		return
	}
	v, err := h.Store.SaveSchemeDraft(r.Context(), httpauth.Actor(r), s)
	reply(w, r, http.StatusOK, v, assessProblems(r, err))
}

// assessSchemePublish puts the draft in force.
func (h *Handler) assessSchemePublish(w http.ResponseWriter, r *http.Request) {
	if !h.assessReady(w, r, authz.TaskSupervise) {
		return
	}
	v, err := h.Store.PublishScheme(r.Context(), httpauth.Actor(r))
	reply(w, r, http.StatusOK, v, err)
}

// assessRecords lists 激励/问责 records (?unit=, ?from=, ?to=, ?revoked=1).
func (h *Handler) assessRecords(w http.ResponseWriter, r *http.Request) {
	if !h.assessReady(w, r, authz.TaskRead) {
		return
	}
	q := r.URL.Query()
	f := records.RecordFilter{From: q.Get("from"), To: q.Get("to"), WithRevoked: q.Get("revoked") == "1"}
	if u := q.Get("unit"); u != "" {
		id, err := strconv.ParseInt(u, 10, 64)
		if err != nil {
			fail(w, r, errInvalid("api.problem.unit_id"))
			return
		}
		f.UnitID = id
	}
	recs, err := h.Store.FindAssessRecords(r.Context(), f)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list[records.AssessRecord]{Items: recs, Total: len(recs)})
}

// assessRecordCreate adds a record: {unit_id, kind, title, on, basis,
// text, task_ids, event_keys}.
func (h *Handler) assessRecordCreate(w http.ResponseWriter, r *http.Request) {
	if !h.assessReady(w, r, authz.TaskSupervise) {
		return
	}
	var in records.AssessRecord
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	id, err := h.Store.AddAssessRecord(r.Context(), httpauth.Actor(r), in)
	reply(w, r, http.StatusCreated, map[string]any{"id": id}, assessProblems(r, err))
}

// assessRecordRevoke withdraws a record: {reason}.
func (h *Handler) assessRecordRevoke(w http.ResponseWriter, r *http.Request) {
	if !h.assessReady(w, r, authz.TaskSupervise) {
		return
	}
	id, err := pathID(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	var in struct {
		Reason string `json:"reason"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	err = h.Store.RevokeAssessRecord(r.Context(), httpauth.Actor(r), id, in.Reason)
	reply(w, r, http.StatusOK, map[string]any{"id": id, "revoked": true}, assessProblems(r, err))
}

// assessProblems words the problems of an input (assess.Problems, as the
// store returns them) in the caller's language, a line each under the
// 400's heading; any other error passes as it is.
func assessProblems(r *http.Request, err error) error {
	var ps assess.Problems
	if !errors.As(err, &ps) {
		return err
	}
	out := []error{errBadRequest}
	for _, line := range ps.Explain(localizer(r).T) {
		out = append(out, errors.New(line))
	}
	return errors.Join(out...)
}
