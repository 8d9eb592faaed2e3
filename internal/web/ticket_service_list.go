package web

import "net/http"

// TicketServicesPage is the category tree (事项类别与权责清单).
type TicketServicesPage struct {
	Page
	Rows          []ServiceNode
	Total, Active int
}

// ticketServiceList shows the services as the tree their paths make,
// each with its type, responsible unit and keywords.
func (h *Handler) ticketServiceList(w http.ResponseWriter, r *http.Request) {
	services, err := h.d.Hotline.Services(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := TicketServicesPage{Page: h.basePage(w, r, ""), Rows: serviceTree(services), Total: len(services)}
	for _, s := range services {
		if s.Active {
			p.Active++
		}
	}
	h.render(w, r, http.StatusOK, "ticket_services", p)
}
