package cli

import (
	"time"

	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/workday"
)

// newIntake builds the intake service over db, the one place it is built:
// serve hands it to the API and the pages, and `duban import` and the demo
// seed take documents in through it. ledger is the server's reader of the
// ledger; nil (a command with no server) reads it with the built-in
// calendar and thresholds, which intake uses only for the review's view.
func newIntake(db *store.DB, l *ledgersvc.Service) *intakesvc.Service {
	if l == nil {
		l = &ledgersvc.Service{Store: db, Calendar: workday.Default(), Rules: ledger.DefaultRules, Now: time.Now}
	}
	return &intakesvc.Service{Store: db, Ledger: l}
}
