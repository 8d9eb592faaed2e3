package records

import (
	"time"
)

// TicketService is one kind of matter the hotline takes — a node of the
// category tree and an Open311 service — with the 权责清单's answer:
// the unit responsible, when one clearly is (0: the ticket goes to
// triage), and the words that recognise the matter.
type TicketService struct {
	Code     string `json:"service_code"`
	Name     string `json:"service_name"`
	Path     string `json:"path"` // 城乡建设/物业管理
	Type     string `json:"type"` // the ticket type it usually is
	UnitID   int64  `json:"unit_id,omitempty"`
	Keywords string `json:"keywords"`
	Active   bool   `json:"active"`
}

// Ticket is a 12345 ticket. The caller's name, phone and e-mail are
// personal data: only the hotline's staff read them (see Masked).
type Ticket struct {
	ID          int64      `json:"id"`
	ServiceCode string     `json:"service_code"`
	ServiceName string     `json:"service_name"`
	Type        string     `json:"type"`
	Urgency     string     `json:"urgency"`
	Channel     string     `json:"channel"` // phone, web, open311
	Description string     `json:"description"`
	Address     string     `json:"address"`
	Lat         *float64   `json:"lat,omitempty"`
	Lon         *float64   `json:"long,omitempty"`
	CallerName  string     `json:"caller_name"`
	CallerPhone string     `json:"caller_phone"`
	CallerEmail string     `json:"caller_email"`
	State       string     `json:"state"`
	UnitID      int64      `json:"unit_id,omitempty"`
	Unit        string     `json:"unit,omitempty"`
	AssignedAt  *time.Time `json:"assigned_at,omitempty"`
	SignedAt    *time.Time `json:"signed_at,omitempty"`
	DueAt       time.Time  `json:"due_at"`
	Extension   int        `json:"extension,omitempty"`
	Reopened    int        `json:"reopened"`
	Answer      string     `json:"answer"`
	Verdict     string     `json:"verdict,omitempty"`
	Resolved    bool       `json:"resolved"`
	RedirectTo  string     `json:"redirect_to,omitempty"`
	ReceivedAt  time.Time  `json:"received_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
	// FollowHash is the hash of the caller's secret link to follow the
	// ticket; only CreateTicket writes it, nothing reads it back.
	FollowHash string `json:"-"`
	// Files are the photos and files attached at intake, kept already
	// in the files store; CreateTicket records them, TicketFiles reads
	// them back.
	Files []Attachment `json:"-"`
}

// TicketFilter selects tickets; zero fields select all.
type TicketFilter struct {
	State       string
	UnitID      int64
	ServiceCode string
	From, To    time.Time // received in [From, To)
	DueBefore   time.Time // due before this instant
	// Scoped limits the tickets to those routed to one of ScopeUnits (a
	// liaison's units); with no units, a scoped list is empty.
	Scoped     bool
	ScopeUnits []int64
	Limit      int // FindTickets: 0 means 100, at most 1000
	Offset     int // FindTickets: tickets skipped before the first
}

// TicketEvent is one step of a ticket's life.
type TicketEvent struct {
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Kind   string    `json:"kind"`
	UnitID int64     `json:"unit_id,omitempty"`
	Note   string    `json:"note"`
}

// Masked is the ticket with the caller's personal data hidden but for a
// hint: 张*, 139****1111, z***@example.cn — for the units, which handle
// the matter and need not know the caller.
func (t Ticket) Masked() Ticket {
	t.CallerName = maskName(t.CallerName)
	t.CallerPhone = maskPhone(t.CallerPhone)
	t.CallerEmail = maskEmail(t.CallerEmail)
	return t
}
