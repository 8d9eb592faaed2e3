package web

import (
	"net/http"

	"github.com/duban/duban/internal/records"
)

// DeskPage is the data of the supervision desk (督办台).
type DeskPage struct {
	Page
	*DeskView
	// Extensions are the 延期申请 awaiting the office's decision.
	Extensions []records.OpenExtension
	// LateProposals are the 建议/提案 past their time limit, unanswered.
	LateProposals []ProposalRow
}

// deskShow shows the notices awaiting 整改反馈, by unit and one by one.
func (h *Handler) deskShow(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Desk.Open(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	data := DeskPage{Page: h.basePage(w, r, "/desk"), DeskView: v}
	if h.d.Changes != nil {
		if data.Extensions, err = h.d.Changes.OpenExtensions(r.Context()); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	if h.d.Proposals != nil {
		if data.LateProposals, err = h.d.Proposals.Late(r.Context()); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.render(w, r, http.StatusOK, "desk", data)
}
