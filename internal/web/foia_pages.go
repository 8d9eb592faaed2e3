package web

import (
	"errors"
	"net/http"
	"strconv"
)

// FOIAListPage, FOIAPage, FOIAFormPage, FOIAReportPage and PublicFOIAPage
// are the 依申请公开 pages.
type FOIAListPage struct {
	Page
	*FOIAListView
}

type FOIAPage struct {
	Page
	*FOIAView
}

// FOIAFormPage's Page.Public tells the public form from the office's.
type FOIAFormPage struct {
	Page
	*FOIAForm
}

type FOIAReportPage struct {
	Page
	*FOIAReportView
}

type PublicFOIAPage struct {
	Page
	*PublicFOIA
}

func (h *Handler) foiaList(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Disclosure.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "foia_list", FOIAListPage{Page: h.basePage(w, r, ""), FOIAListView: v})
}

func (h *Handler) foiaShow(w http.ResponseWriter, r *http.Request) {
	h.renderFOIA(w, r, http.StatusOK, nil)
}

func (h *Handler) renderFOIA(w http.ResponseWriter, r *http.Request, status int, problems []string) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.d.Disclosure.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Problems = problems
	h.render(w, r, status, "foia_request", FOIAPage{Page: h.basePage(w, r, "/foia/"+strconv.FormatInt(id, 10)), FOIAView: v})
}

// foiaAct records a step or the reply; a refusal comes back on the page.
func (h *Handler) foiaAct(w http.ResponseWriter, r *http.Request) {
	h.actOn(w, r, "/foia/", "foia.done", func(id int64) error {
		a := FOIAAction{Kind: field(r, "kind"), On: field(r, "on"), Note: field(r, "note"), Reply: field(r, "reply"), Text: field(r, "text")}
		a.Days, _ = strconv.Atoi(field(r, "days"))
		a.Pages, _ = strconv.Atoi(field(r, "pages"))
		a.Count, _ = strconv.Atoi(field(r, "count"))
		a.Ground, _ = strconv.Atoi(field(r, "ground"))
		return h.d.Disclosure.Act(r.Context(), id, a)
	}, h.renderFOIA)
}

func (h *Handler) foiaLetter(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, err := h.d.Disclosure.Letter(r.Context(), id)
	h.download(w, r, d, err)
}

func (h *Handler) foiaReport(w http.ResponseWriter, r *http.Request) {
	year, _ := strconv.Atoi(r.URL.Query().Get("year"))
	v, err := h.d.Disclosure.Report(r.Context(), year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "foia_report", FOIAReportPage{Page: h.basePage(w, r, ""), FOIAReportView: v})
}

func (h *Handler) publicFOIAReport(w http.ResponseWriter, r *http.Request) {
	year, _ := strconv.Atoi(r.URL.Query().Get("year"))
	v, err := h.d.Disclosure.PublicReport(r.Context(), year)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "foia_report", FOIAReportPage{Page: h.publicPage(w, r), FOIAReportView: v})
}

func (h *Handler) foiaReportXlsx(w http.ResponseWriter, r *http.Request) {
	year, _ := strconv.Atoi(r.URL.Query().Get("year"))
	d, err := h.d.Disclosure.ReportFile(r.Context(), year)
	h.download(w, r, d, err)
}

// foiaNew is the intake form, filled from a redirected 12345 ticket when
// the office comes from one.
func (h *Handler) foiaNew(w http.ResponseWriter, r *http.Request) {
	if err := h.d.Disclosure.MayIntake(r.Context()); err != nil {
		h.fail(w, r, err)
		return
	}
	var in FOIAInput
	if t := r.URL.Query().Get("ticket"); t != "" {
		id, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			h.fail(w, r, ErrNotFound)
			return
		}
		if in, err = h.d.Disclosure.FromTicket(r.Context(), id); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderFOIAForm(w, r, http.StatusOK, false, in)
}

func (h *Handler) renderFOIAForm(w http.ResponseWriter, r *http.Request, status int, public bool, in FOIAInput) {
	f := h.d.Disclosure.Form(r.Context())
	f.FOIAInput = in
	p := h.basePage(w, r, "")
	if public {
		p = h.publicPage(w, r)
	}
	h.render(w, r, status, "foia_form", FOIAFormPage{Page: p, FOIAForm: f})
}

func readFOIAInput(r *http.Request) FOIAInput {
	return FOIAInput{Kind: field(r, "kind"), Name: field(r, "name"), IDNo: field(r, "id_no"), Phone: field(r, "phone"), Email: field(r, "email"),
		Address: field(r, "address"), Channel: field(r, "channel"), Received: field(r, "received"), Content: field(r, "content"), Form: field(r, "form")}
}

func (h *Handler) foiaCreate(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	in := readFOIAInput(r)
	id, err := h.d.Disclosure.Intake(r.Context(), in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "foia.received")
		redirect(w, r, "/foia/"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		in.Problems = bad.Problems
		h.renderFOIAForm(w, r, http.StatusUnprocessableEntity, false, in)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) publicFOIANew(w http.ResponseWriter, r *http.Request) {
	h.renderFOIAForm(w, r, http.StatusOK, true, FOIAInput{})
}

// publicFOIACreate files a request from the public form, with the same
// abuse controls as the ticket form, and leads to its follow link.
func (h *Handler) publicFOIACreate(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	in := readFOIAInput(r)
	h.filePublic(w, r, "/public/foia/",
		func() (int64, string, error) { return h.d.Disclosure.File(r.Context(), in) },
		func(status int, problems []string) {
			in.Problems = problems
			h.renderFOIAForm(w, r, status, true, in)
		})
}

func (h *Handler) publicFOIAShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.d.Disclosure.Follow(r.Context(), id, r.URL.Query().Get("k"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Referrer-Policy", "no-referrer") // the link is a secret
	h.render(w, r, http.StatusOK, "foia_public", PublicFOIAPage{Page: h.publicPage(w, r), PublicFOIA: v})
}

func (h *Handler) publicFOIALetter(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, err := h.d.Disclosure.FollowLetter(r.Context(), id, r.URL.Query().Get("k"))
	h.download(w, r, d, err)
}
