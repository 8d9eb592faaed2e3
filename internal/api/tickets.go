package api

import (
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
)

// ready checks that the caller may do action and that the service
// behind it runs (present); on failure it has answered: 403, or 404 for a
// service this instance does not run. (The assessment endpoints use it;
// the citizen services check the action themselves: signedIn.)
func (h *Handler) ready(w http.ResponseWriter, r *http.Request, action authz.Action, present bool) (authz.Principal, bool) {
	c, err := allowed(r, action)
	if err == nil && !present {
		err = fault.ErrNotFound
	}
	if err != nil {
		fail(w, r, err)
		return authz.Principal{}, false
	}
	return c.Principal(), true
}

// signedIn is the caller for a service that checks what they may do
// itself, when that service runs (present); on failure it has answered:
// 401 for nobody, 404 for a service this instance does not run.
func signedIn(w http.ResponseWriter, r *http.Request, present bool) (authz.Principal, bool) {
	c := httpauth.From(r.Context())
	var err error
	switch {
	case c == nil:
		err = errUnauthenticated
	case !present:
		err = fault.ErrNotFound
	}
	if err != nil {
		fail(w, r, err)
		return authz.Principal{}, false
	}
	return c.Principal(), true
}

// signedInFor is signedIn for a handler that acts on the object its path
// names: the caller and the id, or false once the failure is answered.
func signedInFor(w http.ResponseWriter, r *http.Request, present bool) (authz.Principal, int64, bool) {
	p, ok := signedIn(w, r, present)
	if !ok {
		return p, 0, false
	}
	id, err := pathID(r)
	if err != nil {
		fail(w, r, err)
		return p, 0, false
	}
	return p, id, true
}

// ticketFilter reads the list filters of a request: state, unit, limit
// (50 by default, at most 500, as for tasks), offset, and the order:
// newest first by default, or order=desk, the desk's (triage first, then
// the earliest deadline).
func ticketFilter(r *http.Request) (records.TicketFilter, hotlinesvc.Order, error) {
	q := r.URL.Query()
	f := records.TicketFilter{State: q.Get("state")}
	if f.State != "" && hotline.State(f.State).Label() == "" {
		return f, 0, errInvalid("api.problem.ticket_state")
	}
	if v := q.Get("unit"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return f, 0, errInvalid("api.problem.ticket_unit")
		}
		f.UnitID = n
	}
	order := hotlinesvc.Newest
	switch q.Get("order") {
	case "", "newest":
	case "desk":
		order = hotlinesvc.Desk
	default:
		return f, 0, errInvalid("api.problem.ticket_order")
	}
	var err error
	if f.Limit, err = queryInt(r, "limit"); err != nil {
		return f, 0, err
	}
	if f.Limit == 0 {
		f.Limit = 50
	}
	f.Limit = min(f.Limit, 500)
	f.Offset, err = queryInt(r, "offset")
	return f, order, err
}

// ticketList lists the tickets the caller may read (a liaison: those
// routed to their units), the caller masked as the service decides.
func (h *Handler) ticketList(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Hotline != nil)
	if !ok {
		return
	}
	f, order, err := ticketFilter(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	tickets, total, err := h.Hotline.List(r.Context(), p, f, order)
	if err != nil {
		fail(w, r, err)
		return
	}
	now := h.Hotline.Now()
	items := make([]ticketView, len(tickets))
	for i := range tickets {
		items[i] = viewTicket(localizer(r), &tickets[i], !authz.SeesPersonalData(p), now)
	}
	writeJSON(w, http.StatusOK, list[ticketView]{Items: items, Total: total})
}

// ticketGet returns one ticket with its steps. Another unit's ticket is
// not found for a liaison: its existence is none of theirs.
func (h *Handler) ticketGet(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.Hotline != nil)
	if !ok {
		return
	}
	d, err := h.Hotline.Get(r.Context(), p, id)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, h.ticketDetail(r, d))
}

func (h *Handler) ticketDetail(r *http.Request, d *hotlinesvc.Detail) ticketDetail {
	return ticketDetail{ticketView: viewTicket(localizer(r), &d.Ticket, d.CallerMasked, h.Hotline.Now()), Events: d.Events}
}
