package cli

import (
	"context"
	"time"
)

// warmEvery is how often the readings leaders open are kept warm.
const warmEvery = time.Minute

// warm builds the task list's missing entries (after an import or an
// upgrade) and keeps the dashboard and the current quarter's ranking read, so that
// no leader waits for a cold reading of a province's ledger — not even the
// first after midnight, when the day's lights change. A reading whose data
// has not changed costs one look at the data version.
func (a *App) warm(ctx context.Context) {
	tick := time.NewTicker(warmEvery)
	defer tick.Stop()
	filled := int64(-1) // the data version the entries were last filled at
	for {
		// Entries go missing only by writes: a minute without one has
		// nothing to fill, and the walk over every task is skipped.
		if v, err := a.Store.DataVersion(ctx); err == nil && v != filled {
			if _, err := a.Ledger.FillEntries(ctx); err != nil && ctx.Err() == nil {
				a.Log.Warn("building the task list's entries", "err", err)
			} else if err == nil {
				filled = v
			}
		}
		if _, _, err := a.Ledger.Dashboard(ctx); err != nil && ctx.Err() == nil {
			a.Log.Warn("warming the dashboard", "err", err)
		}
		if err := a.Assess.Warm(ctx); err != nil && ctx.Err() == nil {
			a.Log.Warn("warming the ranking", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
