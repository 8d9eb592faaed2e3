package api

import (
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
)

// assessPeriod reads ?period= (the current quarter when absent).
func (h *Handler) assessPeriod(r *http.Request) (ledger.Period, error) {
	return h.Assess.Period(r.URL.Query().Get("period"))
}

// assessCaller is the signed-in caller, whom the service then lets read
// or change what their role and units allow. On failure it has answered
// already and ok is false.
func (h *Handler) assessCaller(w http.ResponseWriter, r *http.Request) (p authz.Principal, ok bool) {
	c := httpauth.From(r.Context())
	switch {
	case c == nil:
		fail(w, r, errUnauthenticated)
		return p, false
	case h.Assess == nil:
		fail(w, r, fault.ErrNotFound)
		return p, false
	}
	return c.Principal(), true
}

// assessGroup reads ?group= (a unit group's id; 0 when absent: every
// unit).
func assessGroup(r *http.Request) (int64, error) {
	v := r.URL.Query().Get("group")
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, fault.Field("group", "error.group_not_found")
	}
	return id, nil
}

// assessScores is a period's ranking: every unit's parts, total and
// place; with ?group= the group's members only, placed among themselves.
func (h *Handler) assessScores(w http.ResponseWriter, r *http.Request) {
	pr, ok := h.assessCaller(w, r)
	if !ok {
		return
	}
	p, err := h.assessPeriod(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	group, err := assessGroup(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	sc, err := h.Assess.GroupRanking(r.Context(), pr, p, group)
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
		"published": sc.Version != nil, "group": sc.Group, "scores": scores})
}

// assessUnitScore is one unit's score with every line that made it.
func (h *Handler) assessUnitScore(w http.ResponseWriter, r *http.Request) {
	pr, ok := h.assessCaller(w, r)
	if !ok {
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
	u, _, err := h.Assess.Unit(r.Context(), pr, p, id)
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

// assessSchemeGet is the scheme in force and its formula, for whoever
// may read the ledger; the draft too for those who keep it.
func (h *Handler) assessSchemeGet(w http.ResponseWriter, r *http.Request) {
	pr, ok := h.assessCaller(w, r)
	if !ok {
		return
	}
	sc, err := h.Assess.Schemes(r.Context(), pr)
	if err != nil {
		fail(w, r, err)
		return
	}
	s, v := sc.Scheme, sc.Version
	out := map[string]any{"scheme": s, "formula": s.Formula(localizer(r).T), "version": v}
	if sc.Draft != nil {
		out["draft"] = sc.Draft
	}
	writeJSON(w, http.StatusOK, out)
}

// assessSchemePut saves the body (a scheme's JSON) as the draft.
func (h *Handler) assessSchemePut(w http.ResponseWriter, r *http.Request) {
	pr, ok := h.assessCaller(w, r)
	if !ok {
		return
	}
	var s assess.Scheme
	if err := readJSON(r, &s); err != nil {
		fail(w, r, err)
		return
	}
	v, err := h.Assess.SaveDraft(r.Context(), pr, httpauth.Actor(r), s)
	reply(w, r, http.StatusOK, v, err)
}

// assessSchemePublish puts the draft in force.
func (h *Handler) assessSchemePublish(w http.ResponseWriter, r *http.Request) {
	pr, ok := h.assessCaller(w, r)
	if !ok {
		return
	}
	v, err := h.Assess.Publish(r.Context(), pr, httpauth.Actor(r))
	reply(w, r, http.StatusOK, v, err)
}

// assessRecords lists 激励/问责 records (?unit=, ?from=, ?to=, ?revoked=1).
func (h *Handler) assessRecords(w http.ResponseWriter, r *http.Request) {
	pr, ok := h.assessCaller(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	f := records.RecordFilter{From: q.Get("from"), To: q.Get("to"), WithRevoked: q.Get("revoked") == "1"}
	if u := q.Get("unit"); u != "" {
		id, err := strconv.ParseInt(u, 10, 64)
		if err != nil {
			fail(w, r, errInvalid("api.problem.non_negative", "key", "unit"))
			return
		}
		f.UnitID = id
	}
	recs, err := h.Assess.Records(r.Context(), pr, f)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list[records.AssessRecord]{Items: recs, Total: len(recs)})
}

// assessRecordCreate adds a record: {unit_id, kind, title, on, basis,
// text, task_ids, event_keys}.
func (h *Handler) assessRecordCreate(w http.ResponseWriter, r *http.Request) {
	pr, ok := h.assessCaller(w, r)
	if !ok {
		return
	}
	var in records.AssessRecord
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	id, err := h.Assess.AddRecord(r.Context(), pr, httpauth.Actor(r), in)
	reply(w, r, http.StatusCreated, map[string]any{"id": id}, err)
}

// assessRecordRevoke withdraws a record: {reason}.
func (h *Handler) assessRecordRevoke(w http.ResponseWriter, r *http.Request) {
	pr, ok := h.assessCaller(w, r)
	if !ok {
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
	err = h.Assess.RevokeRecord(r.Context(), pr, httpauth.Actor(r), id, in.Reason)
	reply(w, r, http.StatusOK, map[string]any{"id": id, "revoked": true}, err)
}
