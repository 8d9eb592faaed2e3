package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/clientip"
	"github.com/duban/duban/internal/i18n"
)

// PublicCataloguePage, PublicDecisionPage and PublicCommitmentsPage are
// the portal's pages of 重大行政决策 and 守信践诺, for anyone.
type PublicCataloguePage struct {
	Page
	*DecisionCatalogueView
}

type PublicDecisionPage struct {
	Page
	*PublicDecisionView
}

type PublicCommitmentsPage struct {
	Page
	*CommitmentsView
}

func (h *Handler) publicDecisions(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Decisions.PublicCatalogue(r.Context(), yearOf(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "decisions_public", PublicCataloguePage{Page: h.publicPage(w, r), DecisionCatalogueView: v})
}

func (h *Handler) publicDecision(w http.ResponseWriter, r *http.Request) {
	h.renderPublicDecision(w, r, http.StatusOK, CommentInput{}, r.URL.Query().Get("sent") == "1")
}

func (h *Handler) renderPublicDecision(w http.ResponseWriter, r *http.Request, status int, form CommentInput, sent bool) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.d.Decisions.PublicDecision(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Form, v.Sent = form, sent
	h.render(w, r, status, "decision_public", PublicDecisionPage{Page: h.publicPage(w, r), PublicDecisionView: v})
}

// publicComment takes a comment from the public form, with the public
// forms' abuse controls: the hidden field and the limit per address.
func (h *Handler) publicComment(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	in := CommentInput{Name: field(r, "name"), Contact: field(r, "contact"), Body: field(r, "body"), IP: clientip.Of(r)}
	if r.PostFormValue(honeypot) != "" {
		h.fail(w, r, ErrNotFound) // a bot: nothing to tell it
		return
	}
	if !h.publicForms.allow(clientip.Of(r), h.d.Now()) {
		in.Problems = []string{i18n.FromContext(r.Context()).T("tickets.public.too_many")}
		h.renderPublicDecision(w, r, http.StatusTooManyRequests, in, false)
		return
	}
	err = h.d.Decisions.Comment(r.Context(), id, in)
	var bad *RulesInputError
	switch {
	case err == nil:
		redirect(w, r, "/public/decisions/"+strconv.FormatInt(id, 10)+"?sent=1")
	case errors.As(err, &bad):
		in.Problems = bad.Problems
		h.renderPublicDecision(w, r, http.StatusUnprocessableEntity, in, false)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) publicCommitments(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Decisions.PublicCommitments(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "commitments_public", PublicCommitmentsPage{Page: h.publicPage(w, r), CommitmentsView: v})
}

// publicDecisionFile is a document of a published decision's 解读.
func (h *Handler) publicDecisionFile(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, err := h.d.Decisions.PublicFile(r.Context(), id)
	h.download(w, r, d, err)
}
