// Package portalsvc is what duban shows as a whole rather than task by
// task: the leaders' dashboard and the public portal of published plans.
package portalsvc

import (
	"time"

	"github.com/duban/duban/internal/emergencysvc"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/ledgersvc"
)

// Service reads the dashboard and the portal. The dashboard's citizens'
// side reads whichever of Hotline, FOIA and Incidents runs (nil: not).
type Service struct {
	Store     Store
	Ledger    *ledgersvc.Service
	Hotline   *hotlinesvc.Service
	FOIA      *foiasvc.Service
	Incidents *emergencysvc.Service
	Now       func() time.Time
}
