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
	StepTicket(ctx context.Context, actor audit.Actor, id int64, kind, note string, step func(*records.Ticket) error) (*records.Ticket, error)
	TicketServices(ctx context.Context) ([]records.TicketService, error)
}
