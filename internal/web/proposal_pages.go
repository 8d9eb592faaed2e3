package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"

	"github.com/duban/duban/internal/i18n"
)

// ProposalListPage, ProposalPage, PublicProposalsPage and
// PublicProposalPage are the proposals' pages.
type ProposalListPage struct {
	Page
	*ProposalListView
}

type ProposalPage struct {
	Page
	*ProposalView
}

type PublicProposalsPage struct {
	Page
	*PublicProposalsView
}

type PublicProposalPage struct {
	Page
	*PublicProposalView
}

// proposalSteps are the steps a proposal's page posts, by the last part
// of their path.
var proposalSteps = []string{"assign", "dispute", "contact", "opinion", "answer", "feedback", "redo"}

func (h *Handler) proposalList(w http.ResponseWriter, r *http.Request) {
	h.renderProposals(w, r, http.StatusOK, ProposalForm{})
}

func (h *Handler) renderProposals(w http.ResponseWriter, r *http.Request, status int, form ProposalForm) {
	q := r.URL.Query()
	year := h.yearParam(r)
	v, err := h.d.Proposals.List(r.Context(), ProposalQuery{Year: strconv.Itoa(year), Kind: q.Get("kind"), State: q.Get("state")})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if form.Title != "" || form.Problems != nil {
		v.Form = form
	}
	h.render(w, r, status, "proposals", ProposalListPage{Page: h.basePage(w, r, "/proposals"), ProposalListView: v})
}

func (h *Handler) proposalCreate(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	in := ProposalForm{Year: field(r, "year"), Kind: field(r, "kind"), Number: field(r, "number"), Title: field(r, "title"),
		Content: field(r, "content"), Category: field(r, "category"), Proposers: field(r, "proposers"), Delegation: field(r, "delegation"),
		Phone: field(r, "phone"), Key: field(r, "key") != "", Urgent: field(r, "urgent") != "", NoPublish: field(r, "no_publish") != ""}
	id, err := h.d.Proposals.Create(r.Context(), in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "proposals.created")
		redirect(w, r, "/proposals/"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		in.Problems = bad.Problems
		h.renderProposals(w, r, http.StatusUnprocessableEntity, in)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) proposalImport(w http.ResponseWriter, r *http.Request) {
	if !parseUpload(w, r) {
		return
	}
	files, _ := uploads(r, "file")
	loc := i18n.FromContext(r.Context())
	if len(files) != 1 {
		h.renderProposals(w, r, http.StatusUnprocessableEntity, ProposalForm{Problems: []string{loc.T("proposals.import_file")}})
		return
	}
	n, err := h.d.Proposals.Import(r.Context(), field(r, "kind"), field(r, "year"), files[0])
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "proposals.imported", "n", strconv.Itoa(n))
		redirect(w, r, "/proposals?year="+field(r, "year"))
	case errors.As(err, &bad):
		h.renderProposals(w, r, http.StatusUnprocessableEntity, ProposalForm{Problems: bad.Problems})
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) proposalShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderProposal(w, r, http.StatusOK, id, nil)
}

func (h *Handler) renderProposal(w http.ResponseWriter, r *http.Request, status int, id int64, problems []string) {
	v, err := h.d.Proposals.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Problems = problems
	h.render(w, r, status, "proposal", ProposalPage{Page: h.basePage(w, r, "/proposals"), ProposalView: v})
}

// proposalAct runs a step posted from a proposal's page; a refusal shows
// the page again with the problems.
func (h *Handler) proposalAct(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	step := r.PathValue("step")
	if !slices.Contains(proposalSteps, step) {
		http.NotFound(w, r)
		return
	}
	if !parseForm(w, r) {
		return
	}
	in := ProposalAct{Step: step, Lead: field(r, "lead"), On: field(r, "on"), Unit: field(r, "unit"), Text: field(r, "text"),
		Way: field(r, "way"), CoUnits: r.PostForm["co_units"], Urgent: field(r, "urgent") != "", Class: field(r, "class"),
		Answer: field(r, "answer"), Signer: field(r, "signer"), Contact: field(r, "contact"), Planned: field(r, "planned"),
		Satisfaction: field(r, "satisfaction")}
	err = h.d.Proposals.Act(r.Context(), id, in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "proposals.done."+step)
		redirect(w, r, "/proposals/"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		h.renderProposal(w, r, http.StatusUnprocessableEntity, id, bad.Problems)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) proposalLetter(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, err := h.d.Proposals.Letter(r.Context(), id)
	h.download(w, r, d, err)
}

func (h *Handler) publicProposals(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Proposals.Public(r.Context(), h.yearParam(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "proposals_public", PublicProposalsPage{Page: h.publicPage(w, r), PublicProposalsView: v})
}

func (h *Handler) publicProposal(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.d.Proposals.PublicAnswer(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "proposal_public", PublicProposalPage{Page: h.publicPage(w, r), PublicProposalView: v})
}
