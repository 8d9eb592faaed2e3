package api

import (
	"github.com/duban/duban/internal/basepath"
	"mime"
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// matterInput is one 督办件 as the office enters it.
type matterInput struct {
	Kind        string             `json:"kind"` // a matter kind's code
	Title       string             `json:"title"`
	Text        string             `json:"text"`
	SourceText  string             `json:"source_text"`
	Leader      string             `json:"leader"`
	Meeting     string             `json:"meeting"`
	MinutesNo   string             `json:"minutes_no"`
	MinutesOn   string             `json:"minutes_on"`
	LetterRef   string             `json:"letter_ref"`
	ReportBack  bool               `json:"report_back"`
	Requirement string             `json:"requirement"`
	Units       []records.UnitLink `json:"units"`
	Deadline    string             `json:"deadline"` // ISO date or words: 12月20日前
	Every       string             `json:"every"`
}

// matterBatchInput is a meeting's 议定事项 pasted one a line.
type matterBatchInput struct {
	Kind        string             `json:"kind"`
	SourceText  string             `json:"source_text"`
	Leader      string             `json:"leader"`
	Meeting     string             `json:"meeting"`
	MinutesNo   string             `json:"minutes_no"`
	MinutesOn   string             `json:"minutes_on"`
	LetterRef   string             `json:"letter_ref"`
	ReportBack  bool               `json:"report_back"`
	Requirement string             `json:"requirement"`
	Lines       string             `json:"lines"`
	Units       []records.UnitLink `json:"units"`
	Deadline    string             `json:"deadline"`
}

// matterCreate enters a 督办件 and answers with the task it became.
func (h *Handler) matterCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Matters != nil)
	if !ok {
		return
	}
	var in matterInput
	if !decoded(w, r, &in) {
		return
	}
	t, err := h.Matters.Create(r.Context(), p, httpauth.Actor(r), records.MatterInput{Kind: in.Kind, Title: in.Title, Text: in.Text,
		SourceText: in.SourceText, Leader: in.Leader, Meeting: in.Meeting, MinutesNo: in.MinutesNo, MinutesOn: in.MinutesOn,
		LetterRef: in.LetterRef, ReportBack: in.ReportBack, Requirement: in.Requirement, Units: in.Units,
		Deadline: in.Deadline, Every: in.Every})
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Location", basepath.For(r, "/api/v1/tasks/"+strconv.FormatInt(t.ID, 10)))
	writeJSON(w, http.StatusCreated, t)
}

// matterBatch enters a list of 督办件, all or none, and answers with the
// tasks they became.
func (h *Handler) matterBatch(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Matters != nil)
	if !ok {
		return
	}
	var in matterBatchInput
	if !decoded(w, r, &in) {
		return
	}
	tasks, err := h.Matters.CreateMany(r.Context(), p, httpauth.Actor(r), records.MatterBatch{Kind: in.Kind, SourceText: in.SourceText,
		Leader: in.Leader, Meeting: in.Meeting, MinutesNo: in.MinutesNo, MinutesOn: in.MinutesOn, LetterRef: in.LetterRef,
		ReportBack: in.ReportBack, Requirement: in.Requirement, Lines: in.Lines, Units: in.Units, Deadline: in.Deadline})
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, list[ledgersvc.Task]{Items: tasks, Total: len(tasks)})
}

// matterGet is the source record of a 督办件 the caller may read.
func (h *Handler) matterGet(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Matters != nil)
	if !ok {
		return
	}
	m, err := h.Matters.Matter(r.Context(), p, id)
	reply(w, r, http.StatusOK, m, err)
}

// matterKindList lists the kinds of 督办件.
func (h *Handler) matterKindList(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Matters != nil)
	if !ok {
		return
	}
	kinds, err := h.Matters.Kinds(r.Context(), p)
	reply(w, r, http.StatusOK, list[records.MatterKind]{Items: kinds, Total: len(kinds)}, err)
}

// matterKindCreate adds a kind of 督办件 (the office).
func (h *Handler) matterKindCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Matters != nil)
	if !ok {
		return
	}
	var in records.MatterKind
	if !decoded(w, r, &in) {
		return
	}
	k, err := h.Matters.AddKind(r.Context(), p, httpauth.Actor(r), in)
	reply(w, r, http.StatusCreated, k, err)
}

// matterReport downloads the 办理结果 report of a 督办件 whose leader
// wants the result back (the office); the download is audited.
func (h *Handler) matterReport(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Matters != nil)
	if !ok {
		return
	}
	data, name, err := h.Matters.Report(r.Context(), p, httpauth.Actor(r), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", docxType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(data)
}
