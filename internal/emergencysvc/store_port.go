package emergencysvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli, so the service imports no store and its callers none either.
type Store interface {
	CreateIncident(ctx context.Context, actor audit.Actor, in records.Incident) (int64, error)
	FindIncident(ctx context.Context, id int64) (*records.Incident, error)
	FindIncidents(ctx context.Context, from time.Time) ([]records.Incident, error)
	FindUnits(ctx context.Context) ([]records.Unit, error)
	FindUnitByID(ctx context.Context, id int64) (*records.Unit, error)
	RecordIncidentDuty(ctx context.Context, actor audit.Actor, id int64, kind string, d records.IncidentDuty) error
}
