package api

import (
	"time"

	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
)

// ticketView is a 12345 ticket as the API shows it: never the caller's
// follow link, and the caller's name, phone and e-mail masked (张*,
// 139****1111) by the service for whoever may not see them.
type ticketView struct {
	ID           int64      `json:"id"`
	ServiceCode  string     `json:"service_code"`
	ServiceName  string     `json:"service_name"`
	Type         string     `json:"type"`
	TypeLabel    string     `json:"type_label"`
	Urgency      string     `json:"urgency"`
	Channel      string     `json:"channel"`
	Description  string     `json:"description"`
	Address      string     `json:"address"`
	Lat          *float64   `json:"lat"`
	Lon          *float64   `json:"lon"`
	CallerName   string     `json:"caller_name"`
	CallerPhone  string     `json:"caller_phone"`
	CallerEmail  string     `json:"caller_email"`
	CallerMasked bool       `json:"caller_masked"`
	State        string     `json:"state"`
	StateLabel   string     `json:"state_label"`
	UnitID       int64      `json:"unit_id"` // 0: not routed yet (triage)
	Unit         string     `json:"unit"`
	AssignedAt   *time.Time `json:"assigned_at"`
	SignedAt     *time.Time `json:"signed_at"`
	DueAt        time.Time  `json:"due_at"`
	Overdue      bool       `json:"overdue"`
	Extension    int        `json:"extension"`
	Reopened     int        `json:"reopened"`
	Answer       string     `json:"answer"`
	Verdict      string     `json:"verdict"`
	Resolved     bool       `json:"resolved"`
	RedirectTo   string     `json:"redirect_to"`
	ReceivedAt   time.Time  `json:"received_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
}

// ticketDetail is one ticket with its steps, oldest first.
type ticketDetail struct {
	ticketView
	Events []records.TicketEvent `json:"events"`
}

// viewTicket shows t, masked already by the service when masked says
// so, with its labels in loc's words.
func viewTicket(loc i18n.Localizer, t *records.Ticket, masked bool, now time.Time) ticketView {
	open := hotline.State(t.State).Pending()
	return ticketView{ID: t.ID, ServiceCode: t.ServiceCode, ServiceName: t.ServiceName, Type: t.Type,
		TypeLabel: loc.Code("hotline.type", t.Type, hotline.Type(t.Type).Label()),
		Urgency:   t.Urgency, Channel: t.Channel, Description: t.Description, Address: t.Address, Lat: t.Lat, Lon: t.Lon,
		CallerName: t.CallerName, CallerPhone: t.CallerPhone, CallerEmail: t.CallerEmail, CallerMasked: masked,
		State: t.State, StateLabel: loc.Code("hotline.state", t.State, hotline.State(t.State).Label()), UnitID: t.UnitID, Unit: t.Unit,
		AssignedAt: t.AssignedAt, SignedAt: t.SignedAt, DueAt: t.DueAt, Overdue: open && now.After(t.DueAt), Extension: t.Extension,
		Reopened: t.Reopened, Answer: t.Answer, Verdict: t.Verdict, Resolved: t.Resolved, RedirectTo: t.RedirectTo,
		ReceivedAt: t.ReceivedAt, UpdatedAt: t.UpdatedAt}
}
