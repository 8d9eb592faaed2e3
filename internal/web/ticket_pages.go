package web

import (
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/duban/duban/internal/clientip"
	"github.com/duban/duban/internal/i18n"
)

// TicketListPage, TicketPage, TicketFormPage and PublicTicketPage are the
// 12345 pages.
type TicketListPage struct {
	Page
	*TicketListView
}

type TicketPage struct {
	Page
	*TicketView
}

// TicketFormPage's Page.Public tells the public form from the office's.
type TicketFormPage struct {
	Page
	*TicketForm
}

type PublicTicketPage struct {
	Page
	*PublicTicket
}

func (h *Handler) ticketList(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Hotline.List(r.Context(), r.URL.Query().Get("state"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "tickets", TicketListPage{Page: h.basePage(w, r, ""), TicketListView: v})
}

// TicketStatsPage is the 12345 statistics page.
type TicketStatsPage struct {
	Page
	*TicketStatsView
}

func (h *Handler) ticketStats(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Hotline.Stats(r.Context(), r.URL.Query().Get("period"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "ticket_stats", TicketStatsPage{Page: h.basePage(w, r, ""), TicketStatsView: v})
}

// publicHotline is the 12345 figures on the public portal.
func (h *Handler) publicHotline(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Hotline.PublicStats(r.Context(), r.URL.Query().Get("period"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "ticket_stats", TicketStatsPage{Page: h.publicPage(w, r), TicketStatsView: v})
}

func (h *Handler) ticketStatsXlsx(w http.ResponseWriter, r *http.Request) {
	d, err := h.d.Hotline.StatsFile(r.Context(), r.URL.Query().Get("period"))
	h.download(w, r, d, err)
}

// ticketFile downloads a ticket's file: always as a download, never
// inline, so an upload cannot act as a page of duban's.
func (h *Handler) ticketFile(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, err := h.d.Hotline.Attachment(r.Context(), id)
	h.download(w, r, d, err)
}

func (h *Handler) ticketShow(w http.ResponseWriter, r *http.Request) {
	h.renderTicket(w, r, http.StatusOK, nil)
}

func (h *Handler) renderTicket(w http.ResponseWriter, r *http.Request, status int, problems []string) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.d.Hotline.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v.Problems = problems
	h.render(w, r, status, "ticket", TicketPage{Page: h.basePage(w, r, "/tickets/"+strconv.FormatInt(id, 10)), TicketView: v})
}

// ticketAct moves a ticket on; a refusal comes back on its page.
func (h *Handler) ticketAct(w http.ResponseWriter, r *http.Request) {
	h.actOn(w, r, "/tickets/", "tickets.done", func(id int64) error {
		a := TicketAction{Kind: field(r, "kind"), Text: field(r, "text"), Verdict: field(r, "verdict"), Resolved: r.PostFormValue("resolved") == "1",
			To: field(r, "to")}
		a.Unit, _ = strconv.ParseInt(field(r, "unit"), 10, 64)
		a.Days, _ = strconv.Atoi(field(r, "days"))
		return h.d.Hotline.Act(r.Context(), id, a)
	}, h.renderTicket)
}

func (h *Handler) ticketNew(w http.ResponseWriter, r *http.Request) {
	if err := h.d.Hotline.MayIntake(r.Context()); err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderTicketForm(w, r, http.StatusOK, false, TicketInput{})
}

func (h *Handler) renderTicketForm(w http.ResponseWriter, r *http.Request, status int, public bool, in TicketInput) {
	f, err := h.d.Hotline.Form(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f.TicketInput = in
	p := h.basePage(w, r, "")
	if public {
		p = h.publicPage(w, r)
	}
	h.render(w, r, status, "ticket_form", TicketFormPage{Page: p, TicketForm: f})
}

// maxPublicUpload bounds a public form with photos: three of a few MB.
const maxPublicUpload = 16 << 20

// readTicketForm reads the intake form, which may carry files; false
// means it has answered (a malformed or oversized body).
func readTicketForm(w http.ResponseWriter, r *http.Request) (TicketInput, bool) {
	if !parseUpload(w, r) {
		return TicketInput{}, false
	}
	in := readTicketInput(r)
	ups, ok := uploads(r, "files")
	if !ok {
		in.Problems = []string{i18n.FromContext(r.Context()).T("tickets.files_too_many")}
	}
	in.Uploads = ups
	return in, true
}

func readTicketInput(r *http.Request) TicketInput {
	return TicketInput{Service: field(r, "service"), Type: field(r, "type"), Urgency: field(r, "urgency"), Description: field(r, "description"),
		Address: field(r, "address"), Name: field(r, "name"), Phone: field(r, "phone"), Email: field(r, "email")}
}

func (h *Handler) ticketCreate(w http.ResponseWriter, r *http.Request) {
	in, ok := readTicketForm(w, r)
	if !ok {
		return
	}
	if in.Problems != nil {
		in.Uploads = nil
		h.renderTicketForm(w, r, http.StatusUnprocessableEntity, false, in)
		return
	}
	id, err := h.d.Hotline.Intake(r.Context(), in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "tickets.received")
		redirect(w, r, "/tickets/"+strconv.FormatInt(id, 10))
	case errors.As(err, &bad):
		in.Problems = bad.Problems
		h.renderTicketForm(w, r, http.StatusUnprocessableEntity, false, in)
	default:
		h.fail(w, r, err)
	}
}

// The public form's abuse control works without any outside service:
// a field people never see (bots fill it) and a limit per address.
const (
	honeypot      = "website"
	publicPerHour = 5
	publicWindow  = time.Hour
)

// ipLimiter counts the public form's submissions per client address.
type ipLimiter struct {
	mu   sync.Mutex
	seen map[string][]time.Time
}

// allow reports whether addr may submit once more now.
func (l *ipLimiter) allow(addr string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.seen == nil {
		l.seen = map[string][]time.Time{}
	}
	recent := l.seen[addr][:0]
	for _, t := range l.seen[addr] {
		if now.Sub(t) < publicWindow {
			recent = append(recent, t)
		}
	}
	if len(recent) >= publicPerHour {
		l.seen[addr] = recent
		return false
	}
	l.seen[addr] = append(recent, now)
	if len(l.seen) > 100_000 { // a flood of addresses: forget the old
		l.seen = map[string][]time.Time{}
	}
	return true
}

// filePublic runs a public form's submission: the abuse controls (a bot
// that filled the hidden field gets a plain 404, a client over its limit
// the reason on its form), then file, then the way to the follow link
// under followPath — or the form again with the problems.
func (h *Handler) filePublic(w http.ResponseWriter, r *http.Request, followPath string, file func() (int64, string, error),
	again func(status int, problems []string)) {
	if r.PostFormValue(honeypot) != "" {
		h.fail(w, r, ErrNotFound) // a bot: nothing to tell it
		return
	}
	if !h.allowPublic(r.Context(), clientip.Of(r), h.d.Now()) {
		again(http.StatusTooManyRequests, []string{i18n.FromContext(r.Context()).T("tickets.public.too_many")})
		return
	}
	id, secret, err := file()
	var bad *RulesInputError
	switch {
	case err == nil:
		redirect(w, r, followPath+strconv.FormatInt(id, 10)+"?k="+secret)
	case errors.As(err, &bad):
		again(http.StatusUnprocessableEntity, bad.Problems)
	default:
		h.fail(w, r, err)
	}
}

func (h *Handler) publicTicketNew(w http.ResponseWriter, r *http.Request) {
	h.renderTicketForm(w, r, http.StatusOK, true, TicketInput{})
}

// publicTicketCreate files a ticket from the public form and leads the
// caller to its follow link.
func (h *Handler) publicTicketCreate(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxPublicUpload)
	in, ok := readTicketForm(w, r)
	if !ok {
		return
	}
	if in.Problems != nil {
		in.Uploads = nil
		h.renderTicketForm(w, r, http.StatusUnprocessableEntity, true, in)
		return
	}
	h.filePublic(w, r, "/public/tickets/",
		func() (int64, string, error) { return h.d.Hotline.File(r.Context(), in) },
		func(status int, problems []string) {
			in.Problems = problems
			h.renderTicketForm(w, r, status, true, in)
		})
}

func (h *Handler) publicTicketShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.d.Hotline.Follow(r.Context(), id, r.URL.Query().Get("k"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	w.Header().Set("Referrer-Policy", "no-referrer") // the link is a secret
	h.render(w, r, http.StatusOK, "ticket_public", PublicTicketPage{Page: h.publicPage(w, r), PublicTicket: v})
}

func (h *Handler) publicTicketRate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	secret := r.URL.Query().Get("k")
	if err := h.d.Hotline.Rate(r.Context(), id, secret, field(r, "verdict"), r.PostFormValue("resolved") == "1"); err != nil {
		h.fail(w, r, err)
		return
	}
	flash(w, r, "success", "tickets.public.rated")
	redirect(w, r, "/public/tickets/"+strconv.FormatInt(id, 10)+"?k="+secret)
}
