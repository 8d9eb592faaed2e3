package web

import (
	"context"
	"time"
)

// RateCounter counts submissions per key in fixed windows in a place
// every instance of duban shares: the database, when several instances
// serve one PostgreSQL (store.DB.CountRate).
type RateCounter interface {
	CountRate(ctx context.Context, scope, key string, start time.Time, add int) (int, error)
}

// allowPublic reports whether addr may submit a public form once more
// now: publicPerHour a clock hour counted for all instances at once when
// Deps.RateCounts is set (a client spreading its submissions over the
// instances behind a balancer gets no more than from one), else the
// process's own sliding hour. If the shared count fails, the process's
// own stands in.
func (h *Handler) allowPublic(ctx context.Context, addr string, now time.Time) bool {
	if h.d.RateCounts == nil {
		return h.publicForms.allow(addr, now)
	}
	n, err := h.d.RateCounts.CountRate(ctx, "public.form", addr, now.Truncate(publicWindow), 1)
	if err != nil {
		return h.publicForms.allow(addr, now)
	}
	return n <= publicPerHour
}
