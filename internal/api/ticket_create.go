package api

import (
	"github.com/duban/duban/internal/basepath"
	"net/http"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/httpauth"
)

// ticketInput is a request as the hotline's agent (接线员) takes it.
type ticketInput struct {
	Type        string   `json:"type"`
	ServiceCode string   `json:"service_code"`
	Urgency     string   `json:"urgency"`
	Channel     string   `json:"channel"` // one of hotlinesvc.AgentChannels; "" is phone
	Description string   `json:"description"`
	Address     string   `json:"address"`
	Lat         *float64 `json:"lat"`
	Lon         *float64 `json:"lon"`
	CallerName  string   `json:"caller_name"`
	CallerPhone string   `json:"caller_phone"`
	CallerEmail string   `json:"caller_email"`
}

// ticketCreate takes a request in (督查室, as the hotline's centre): the
// service checks the channel, sets the deadline and routes it by the
// 权责清单. The answer is the ticket, its due time and first step.
func (h *Handler) ticketCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.Hotline != nil)
	if !ok {
		return
	}
	var in ticketInput
	if !decoded(w, r, &in) {
		return
	}
	t, err := h.Hotline.Record(r.Context(), p, httpauth.Actor(r), hotlinesvc.Intake{ServiceCode: strings.TrimSpace(in.ServiceCode),
		Type: hotline.Type(in.Type), Urgency: in.Urgency, Channel: in.Channel, Description: in.Description, Address: in.Address,
		Lat: in.Lat, Lon: in.Lon, Name: in.CallerName, Phone: in.CallerPhone, Email: in.CallerEmail})
	if err != nil {
		fail(w, r, err)
		return
	}
	d, err := h.Hotline.Get(r.Context(), p, t.ID)
	if err != nil {
		fail(w, r, err)
		return
	}
	w.Header().Set("Location", basepath.For(r, "/api/v1/tickets/"+strconv.FormatInt(t.ID, 10)))
	writeJSON(w, http.StatusCreated, h.ticketDetail(r, d))
}
