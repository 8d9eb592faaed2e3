package api

import (
	"mime"
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/proposalsvc"
	"github.com/duban/duban/internal/records"
)

// proposalInput is a 建议 or 提案 as the office takes it in.
type proposalInput struct {
	Year       int    `json:"year"` // the session's; this year by default
	Kind       string `json:"kind"` // suggestion (人大代表建议) or proposal (政协委员提案)
	Number     string `json:"number"`
	Title      string `json:"title"`
	Content    string `json:"content"`
	Category   string `json:"category"`
	Proposers  string `json:"proposers"`
	Delegation string `json:"delegation"`
	Phone      string `json:"phone"`
	Key        bool   `json:"key"`
	Urgent     bool   `json:"urgent"`
	NoPublish  bool   `json:"no_publish"`
}

// proposalList is a page of proposals.
type proposalList struct {
	Items []records.Proposal `json:"items"`
	Total int                `json:"total"`
}

// proposalCreate takes in one proposal (the office).
func (h *Handler) proposalCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Proposals != nil)
	if !ok {
		return
	}
	var in proposalInput
	if !decoded(w, r, &in) {
		return
	}
	v, err := h.Proposals.Create(r.Context(), p, httpauth.Actor(r), records.Proposal{Year: in.Year, Kind: in.Kind, Number: in.Number,
		Title: in.Title, Content: in.Content, Category: in.Category, Proposers: in.Proposers, Delegation: in.Delegation, Phone: in.Phone,
		Key: in.Key, Urgent: in.Urgent, NoPublish: in.NoPublish})
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/proposals/"+strconv.FormatInt(v.ID, 10))
	writeJSON(w, http.StatusCreated, v)
}

// proposalImport takes in the 人大/政协 list (.xlsx, multipart field
// "file"; kind and year as form fields), all or none; each problem is
// named at its row and column.
func (h *Handler) proposalImport(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Proposals != nil)
	if !ok {
		return
	}
	_, data, ok := uploadedFile(w, r, 20<<20)
	if !ok {
		return
	}
	year, _ := strconv.Atoi(r.FormValue("year"))
	ids, err := h.Proposals.Import(r.Context(), p, httpauth.Actor(r), r.FormValue("kind"), year, data)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"ids": ids, "total": len(ids)})
}

// proposalListGet lists the proposals the caller may read (?year=, this
// year by default; ?kind=, ?state=).
func (h *Handler) proposalListGet(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Proposals != nil)
	if !ok {
		return
	}
	year, err := queryInt(r, "year")
	if err != nil {
		fail(w, r, err)
		return
	}
	if year == 0 {
		year, _ = strconv.Atoi(h.Proposals.Today()[:4])
	}
	q := r.URL.Query()
	list, err := h.Proposals.Proposals(r.Context(), p, records.ProposalFilter{Year: year, Kind: q.Get("kind"), State: q.Get("state")})
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, proposalList{Items: list, Total: len(list)})
}

// proposalGet is one proposal with its history.
func (h *Handler) proposalGet(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Proposals != nil)
	if !ok {
		return
	}
	v, err := h.Proposals.Proposal(r.Context(), p, id)
	reply(w, r, http.StatusOK, v, err)
}

// proposalAssign is the office's 交办.
func (h *Handler) proposalAssign(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Proposals != nil)
	if !ok {
		return
	}
	var in proposalsvc.Assignment
	if !decoded(w, r, &in) {
		return
	}
	v, err := h.Proposals.Assign(r.Context(), p, httpauth.Actor(r), id, in)
	reply(w, r, http.StatusOK, v, err)
}

// proposalOpinion is a 会办 unit's opinion to the 主办 unit.
func (h *Handler) proposalOpinion(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Proposals != nil)
	if !ok {
		return
	}
	var in struct {
		UnitID  int64  `json:"unit_id"`
		Opinion string `json:"opinion"`
	}
	if !decoded(w, r, &in) {
		return
	}
	if err := h.Proposals.Opinion(r.Context(), p, httpauth.Actor(r), id, in.UnitID, in.Opinion); err != nil {
		fail(w, r, err)
		return
	}
	v, err := h.Proposals.Proposal(r.Context(), p, id)
	reply(w, r, http.StatusOK, v, err)
}

// proposalDispute is a 交办 dispute: the 主办 or a 会办 unit asks to be
// changed, with its reason, within the window after 交办.
func (h *Handler) proposalDispute(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Proposals != nil)
	if !ok {
		return
	}
	var in struct {
		UnitID int64  `json:"unit_id"`
		Reason string `json:"reason"`
	}
	if !decoded(w, r, &in) {
		return
	}
	if err := h.Proposals.Dispute(r.Context(), p, httpauth.Actor(r), id, in.UnitID, in.Reason); err != nil {
		fail(w, r, err)
		return
	}
	v, err := h.Proposals.Proposal(r.Context(), p, id)
	reply(w, r, http.StatusOK, v, err)
}

// proposalContact is the 主办 unit's 面商/沟通 record with the
// representative (on: the day, today by default; way: 座谈, 电话…).
func (h *Handler) proposalContact(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Proposals != nil)
	if !ok {
		return
	}
	var in struct {
		On   string `json:"on"`
		Way  string `json:"way"`
		Note string `json:"note"`
	}
	if !decoded(w, r, &in) {
		return
	}
	if err := h.Proposals.Contact(r.Context(), p, httpauth.Actor(r), id, in.On, in.Way, in.Note); err != nil {
		fail(w, r, err)
		return
	}
	v, err := h.Proposals.Proposal(r.Context(), p, id)
	reply(w, r, http.StatusOK, v, err)
}

// proposalAnswer is the 主办 unit's answer letter.
func (h *Handler) proposalAnswer(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Proposals != nil)
	if !ok {
		return
	}
	var in proposalsvc.Answer
	if !decoded(w, r, &in) {
		return
	}
	v, err := h.Proposals.Answer(r.Context(), p, httpauth.Actor(r), id, in)
	reply(w, r, http.StatusOK, v, err)
}

// proposalFeedback records the representative's rating (the office).
func (h *Handler) proposalFeedback(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Proposals != nil)
	if !ok {
		return
	}
	var in proposalsvc.Feedback
	if !decoded(w, r, &in) {
		return
	}
	v, err := h.Proposals.Feedback(r.Context(), p, httpauth.Actor(r), id, in)
	reply(w, r, http.StatusOK, v, err)
}

// proposalRedo sends a proposal rated 不满意 back (重新办理, the office).
func (h *Handler) proposalRedo(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Proposals != nil)
	if !ok {
		return
	}
	var in struct {
		Reason string `json:"reason"`
	}
	if !decoded(w, r, &in) {
		return
	}
	v, err := h.Proposals.Redo(r.Context(), p, httpauth.Actor(r), id, in.Reason)
	reply(w, r, http.StatusOK, v, err)
}

// proposalLetter downloads the answer letter (.docx), audited.
func (h *Handler) proposalLetter(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Proposals != nil)
	if !ok {
		return
	}
	data, name, err := h.Proposals.Letter(r.Context(), p, httpauth.Actor(r), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Write(data)
}
