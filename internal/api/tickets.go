package api

import (
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/records"
)

// ready checks that the caller may do action and that the service
// behind it runs (present); on failure it has answered: 403, or 404 for a
// service this instance does not run.
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

// ticketReady is ready for the hotline.
func (h *Handler) ticketReady(w http.ResponseWriter, r *http.Request, action authz.Action) (authz.Principal, bool) {
	return h.ready(w, r, action, h.Hotline != nil)
}

// ticketFilter reads the list filters of a request: state, unit, limit
// (50 by default, at most 500, as for tasks) and offset.
func ticketFilter(r *http.Request) (records.TicketFilter, error) {
	q := r.URL.Query()
	f := records.TicketFilter{State: q.Get("state")}
	if f.State != "" && hotline.State(f.State).Label() == "" {
		return f, errBadRequestf("state 应为 triage、assigned、accepted、answered、closed 或 redirected")
	}
	if v := q.Get("unit"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return f, errBadRequestf("unit 应为单位 id")
		}
		f.UnitID = n
	}
	var err error
	if f.Limit, err = queryInt(r, "limit"); err != nil {
		return f, err
	}
	if f.Limit == 0 {
		f.Limit = 50
	}
	f.Limit = min(f.Limit, 500)
	f.Offset, err = queryInt(r, "offset")
	return f, err
}

// ticketList lists tickets, newest first; a liaison sees only those
// routed to their units, as on the pages.
func (h *Handler) ticketList(w http.ResponseWriter, r *http.Request) {
	p, ok := h.ticketReady(w, r, authz.TicketRead)
	if !ok {
		return
	}
	f, err := ticketFilter(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	if p.Role == authz.Liaison {
		f.Scoped, f.ScopeUnits = true, p.Units
	}
	tickets, err := h.Store.FindTickets(r.Context(), f)
	if err != nil {
		fail(w, r, err)
		return
	}
	total, err := h.Store.CountTickets(r.Context(), f)
	if err != nil {
		fail(w, r, err)
		return
	}
	now := h.Hotline.Now()
	items := make([]ticketView, len(tickets))
	for i := range tickets {
		items[i] = viewTicket(&tickets[i], p, now)
	}
	writeJSON(w, http.StatusOK, list[ticketView]{Items: items, Total: total})
}

// ticketGet returns one ticket with its steps. Another unit's ticket is
// not found for a liaison, as on the pages: its existence is none of
// theirs.
func (h *Handler) ticketGet(w http.ResponseWriter, r *http.Request) {
	p, ok := h.ticketReady(w, r, authz.TicketRead)
	if !ok {
		return
	}
	id, err := pathID(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	t, err := h.Store.FindTicket(r.Context(), id)
	if err == nil && !authz.Can(p, authz.TicketRead, authz.Resource{Units: []int64{t.UnitID}}) {
		err = fault.ErrNotFound
	}
	if err != nil {
		fail(w, r, err)
		return
	}
	d, err := h.ticketDetail(r, t, p)
	reply(w, r, http.StatusOK, d, err)
}

func (h *Handler) ticketDetail(r *http.Request, t *records.Ticket, p authz.Principal) (ticketDetail, error) {
	events, err := h.Store.TicketEvents(r.Context(), t.ID)
	return ticketDetail{ticketView: viewTicket(t, p, h.Hotline.Now()), Events: events}, err
}
