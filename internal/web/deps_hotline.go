package web

import (
	"context"
	"time"
)

// Hotline is 12345: the office takes tickets in and dispatches them, the
// units handle their own, and the public files tickets, follows them and
// rates the answers.
type Hotline interface {
	// List returns the tickets the user may read in a state ("" for
	// all), triage first for the office.
	List(ctx context.Context, state string) (*TicketListView, error)
	// Stats are the 12345 figures of a period ("" for this quarter): the
	// tickets by type and state, and the 三率 of each unit the user may
	// see, with charts.
	Stats(ctx context.Context, period string) (*TicketStatsView, error)
	// PublicStats are the same for the public portal: no sign-in, every
	// unit, nothing of any caller.
	PublicStats(ctx context.Context, period string) (*TicketStatsView, error)
	// StatsFile is the same as .xlsx.
	StatsFile(ctx context.Context, period string) (*Download, error)
	// Get returns a ticket with its steps and what the user may do next;
	// a unit sees the caller's data masked.
	Get(ctx context.Context, id int64) (*TicketView, error)
	// Form is what the intake form offers.
	Form(ctx context.Context) (*TicketForm, error)
	// MayIntake is nil when the caller takes tickets in at the centre, so
	// the agents' form is offered to them only; ErrForbidden otherwise.
	MayIntake(ctx context.Context) error
	// Attachment downloads a ticket's file, for whoever may read the
	// ticket.
	Attachment(ctx context.Context, id int64) (*Download, error)
	// Intake takes a ticket in (the office, from a call).
	Intake(ctx context.Context, in TicketInput) (int64, error)
	// Act moves a ticket on: route, redirect, decide an extension, record
	// a visit (the office); sign, send back, ask an extension, answer (a
	// unit). A refused step is a *RulesInputError or ErrForbidden.
	Act(ctx context.Context, id int64, a TicketAction) error
	// File takes a ticket from the public form and returns it with the
	// secret of the caller's follow link.
	File(ctx context.Context, in TicketInput) (int64, string, error)
	// Follow is the caller's view of their ticket; Rate their verdict.
	Follow(ctx context.Context, id int64, secret string) (*PublicTicket, error)
	Rate(ctx context.Context, id int64, secret, verdict string, resolved bool) error
	// Services are the category tree and its 权责清单, every service
	// active or not (the office).
	Services(ctx context.Context) ([]ServiceView, error)
	// ServiceForm is what the category form offers — the units, the
	// types, the paths in use — and, for a code, that service's values
	// (ErrNotFound for an unknown one); "" is a new service.
	ServiceForm(ctx context.Context, code string) (*ServiceFormView, error)
	// SaveService adds a service (code "") or changes the one of code;
	// a refusal is a *ValidationError naming the field.
	SaveService(ctx context.Context, code string, in ServiceInput) error
}

// ServiceView is one 事项类别 with its 权责清单 entry.
type ServiceView struct {
	ServiceInput
	TypeLabel string
	Unit      string // "": no unit, its tickets go to triage
}

// ServiceInput is the category form. Keywords are separated by spaces.
type ServiceInput struct {
	Code, Name, Path, Type, Keywords string
	UnitID                           int64
	Active                           bool
}

// ServiceFormView is what the category form offers, with the values of
// the service edited.
type ServiceFormView struct {
	ServiceInput
	Units []Option
	Types []Option
	Paths []string // the categories in use, to move a service under one
}

// TicketInput is the intake form.
type TicketInput struct {
	Service, Type, Urgency, Description, Address string
	Name, Phone, Email                           string
	// Uploads are photos or a PDF the caller or agent attaches.
	Uploads  []Upload
	Problems []string
}

// FileLink is a downloadable file of a ticket.
type FileLink struct {
	ID   int64
	Name string
	Size int64
}

// TicketAction is one step on a ticket's page.
type TicketAction struct {
	Kind     string // assign, redirect, approve, deny, visit, sign, send_back, extend, answer
	Unit     int64
	Text     string
	Days     int
	Verdict  string
	Resolved bool
	To       string
}

// TicketForm is what the intake form offers.
type TicketForm struct {
	Services []Option
	Types    []Option
	TicketInput
}

// TicketRow is a ticket in a list.
type TicketRow struct {
	ID          int64
	Type        string // its label
	Service     string
	Description string
	Unit        string
	State       string // code
	StateLabel  string
	Received    time.Time
	Due         time.Time
	Overdue     bool
}

// TicketListView is the tickets page.
type TicketListView struct {
	State     string
	States    []Option
	Rows      []TicketRow
	CanIntake bool
}

// TicketView is a ticket's page.
type TicketView struct {
	TicketRow
	Channel, Urgency, Address string
	Caller                    string // name, phone, e-mail; masked for units
	Answer, Verdict           string
	Resolved                  bool
	Reopened, Extension       int
	RedirectTo                string
	Steps                     []TicketStep
	Files                     []FileLink
	Units                     []Option // to route to
	Can                       map[string]bool
	Problems                  []string
}

// TicketStep is one step of a ticket's life.
type TicketStep struct {
	At    time.Time
	Actor string
	Kind  string
	Note  string
}

// PublicTicket is what a caller sees of their ticket.
type PublicTicket struct {
	ID          int64
	Type        string
	Description string
	StateLabel  string
	State       string
	Received    time.Time
	Due         time.Time
	Answer      string
	Verdict     string
	CanRate     bool
	Secret      string
}

// TicketStatsView is the 12345 statistics page.
type TicketStatsView struct {
	Period, Label string
	Periods       []Option
	Received      int
	Overdue       int
	ByType        []Count
	ByState       []Count
	Units         []UnitRates
	Charts        []Chart
}

// Count is a labelled number.
type Count struct {
	Label string
	N     int
}

// UnitRates are a unit's 三率 in a period, as percentages.
type UnitRates struct {
	Unit                                    string
	Tickets, OnTime, Visited, Solved, Liked int
	Response, Resolution, Satisfaction      float64
}
