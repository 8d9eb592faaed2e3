package cli

import (
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/services"
	"github.com/duban/duban/internal/store"
)

// newIntake is the intake service for a command that runs without the
// server (`duban import`, `duban demo`, the demo seed): the services built
// the one way they are built, with the built-in calendar and thresholds,
// which intake uses only for the review's view.
func newIntake(db *store.DB) *intakesvc.Service {
	return services.New(db, services.Options{}).Intake
}
