package hotlinesvc

import (
	"context"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli, so the service imports no store and its callers none either.
type Store interface {
	CreateTicket(ctx context.Context, actor audit.Actor, t records.Ticket) (int64, error)
	EachTicket(ctx context.Context, f records.TicketFilter, fn func(*records.Ticket) error) error
	FindTicket(ctx context.Context, id int64) (*records.Ticket, error)
	FindTicketByFollow(ctx context.Context, id int64, hash string) (*records.Ticket, error)
	FindTickets(ctx context.Context, f records.TicketFilter) ([]records.Ticket, error)
	CountTickets(ctx context.Context, f records.TicketFilter) (int, error)
	StepTicket(ctx context.Context, actor audit.Actor, id int64, kind, note string, step func(*records.Ticket) error) (*records.Ticket, error)
	TicketEvents(ctx context.Context, id int64) ([]records.TicketEvent, error)
	TicketFiles(ctx context.Context, ticketID int64) ([]records.Attachment, error)
	FindTicketFile(ctx context.Context, id int64) (*records.Attachment, int64, error)
	TicketServices(ctx context.Context) ([]records.TicketService, error)
	FindTicketService(ctx context.Context, code string) (*records.TicketService, error)
	CreateTicketService(ctx context.Context, actor audit.Actor, s records.TicketService) error
	UpdateTicketService(ctx context.Context, actor audit.Actor, code string, s records.TicketService) error
	FindUnits(ctx context.Context) ([]records.Unit, error)
	FindUnitByID(ctx context.Context, id int64) (*records.Unit, error)
	RecordEvent(ctx context.Context, actor audit.Actor, action, objectType string, objectID any, detail any) error
}
