package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
)

// RankingPage is the data of the ranking page (考核排名).
type RankingPage struct {
	Page
	*RankingView
}

// UnitScorePage is the data of a unit's score page.
type UnitScorePage struct {
	Page
	*UnitScoreView
}

// FormulaPage is the public statement of the scoring scheme.
type FormulaPage struct {
	Page
	*FormulaView
}

// assessRanking shows a period's ranking.
func (h *Handler) assessRanking(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Assessment.Ranking(r.Context(), r.URL.Query().Get("period"), r.URL.Query().Get("group"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "assess", RankingPage{Page: h.basePage(w, r, ""), RankingView: v})
}

// assessUnit shows one unit's score, line by line.
func (h *Handler) assessUnit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.d.Assessment.Unit(r.Context(), id, r.URL.Query().Get("period"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "assess_unit", UnitScorePage{Page: h.basePage(w, r, ""), UnitScoreView: v})
}

// scoringFormula states the scheme in force; no sign-in needed.
func (h *Handler) scoringFormula(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Assessment.Formula(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "scoring", FormulaPage{Page: h.publicPage(w, r), FormulaView: v})
}

// SchemePage is the data of the scheme's edit page.
type SchemePage struct {
	Page
	*SchemeView
}

// assessScheme shows the scheme form.
func (h *Handler) assessScheme(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Assessment.Scheme(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "assess_scheme", SchemePage{Page: h.basePage(w, r, ""), SchemeView: v})
}

// assessSchemeSave keeps the form as the draft.
func (h *Handler) assessSchemeSave(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	fields := map[string]string{}
	for k, v := range r.PostForm {
		if strings.HasPrefix(k, "s.") && len(v) > 0 {
			fields[strings.TrimPrefix(k, "s.")] = strings.TrimSpace(v[0])
		}
	}
	err := h.d.Assessment.SaveScheme(r.Context(), fields)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "assess.scheme.saved")
		redirect(w, r, "/assessment/scheme")
	case errors.As(err, &bad):
		v, gerr := h.d.Assessment.Scheme(r.Context())
		if gerr != nil {
			h.fail(w, r, gerr)
			return
		}
		for i := range v.Fields {
			if x, ok := fields[v.Fields[i].Key]; ok {
				v.Fields[i].Value = x
			}
		}
		v.Problems = bad.Problems
		h.render(w, r, http.StatusUnprocessableEntity, "assess_scheme", SchemePage{Page: h.basePage(w, r, "/assessment/scheme"), SchemeView: v})
	default:
		h.fail(w, r, err)
	}
}

// assessSchemePublish puts the draft in force.
func (h *Handler) assessSchemePublish(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	if err := h.d.Assessment.PublishScheme(r.Context()); err != nil {
		h.fail(w, r, err)
		return
	}
	flash(w, r, "success", "assess.scheme.published")
	redirect(w, r, "/assessment/scheme")
}

// RecordsPage is the data of the 激励/问责 page.
type RecordsPage struct {
	Page
	*RecordsView
}

// assessRecords lists the records.
func (h *Handler) assessRecords(w http.ResponseWriter, r *http.Request) {
	h.renderRecords(w, r, http.StatusOK, RecordForm{})
}

func (h *Handler) renderRecords(w http.ResponseWriter, r *http.Request, status int, form RecordForm) {
	v, err := h.d.Assessment.Records(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Form = form
	h.render(w, r, status, "assess_records", RecordsPage{Page: h.basePage(w, r, "/assessment/records"), RecordsView: v})
}

// assessRecordAdd stores a new record.
func (h *Handler) assessRecordAdd(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	unit, _ := strconv.ParseInt(field(r, "unit"), 10, 64)
	form := RecordForm{UnitID: unit, Kind: field(r, "kind"), Title: field(r, "title"), On: field(r, "on"), Basis: field(r, "basis"),
		Text: field(r, "text"), Tasks: field(r, "tasks"), Notices: field(r, "notices")}
	_, err := h.d.Assessment.AddRecord(r.Context(), form)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "assess.record.saved")
		redirect(w, r, "/assessment/records")
	case errors.As(err, &bad):
		form.Problems = bad.Problems
		h.renderRecords(w, r, http.StatusUnprocessableEntity, form)
	default:
		h.fail(w, r, err)
	}
}

// assessRecordRevoke withdraws a record with a reason.
func (h *Handler) assessRecordRevoke(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	err = h.d.Assessment.RevokeRecord(r.Context(), id, field(r, "reason"))
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "assess.record.revoked")
		redirect(w, r, "/assessment/records")
	case errors.As(err, &bad):
		h.renderRecords(w, r, http.StatusUnprocessableEntity, RecordForm{Problems: bad.Problems})
	default:
		h.fail(w, r, err)
	}
}
