package open311

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/duban/duban/internal/clientip"
	"github.com/duban/duban/internal/i18n"
)

// DefaultReadsPerMinute is how many requests one client address may read
// in a minute: plenty for a city app polling its own requests, too few
// to walk the ids (they are sequential) and harvest every request.
const DefaultReadsPerMinute = 120

// readLimiter counts each address's reads in the current minute.
type readLimiter struct {
	mu     sync.Mutex
	minute time.Time
	count  map[string]int
}

// allow counts one read by addr at now and says whether it is within
// limit.
func (l *readLimiter) allow(addr string, now time.Time, limit int) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if m := now.Truncate(time.Minute); !m.Equal(l.minute) || l.count == nil {
		l.minute, l.count = m, map[string]int{}
	}
	if l.count[addr] >= limit {
		return false
	}
	l.count[addr]++
	return true
}

// limited refuses a read over the client's limit with 429 and the spec's
// error list, saying when to come back.
func (h *Handler) limited(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		limit := h.ReadsPerMinute
		if limit <= 0 {
			limit = DefaultReadsPerMinute
		}
		now := h.Now()
		if !h.allowRead(r.Context(), clientip.Of(r), now, limit) {
			wait := now.Truncate(time.Minute).Add(time.Minute).Sub(now)
			w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
			h.fail(w, r, http.StatusTooManyRequests, i18n.Lookup(i18n.ZhCN, "api.open311.too_many"))
			return
		}
		next(w, r)
	}
}

// RateCounter counts reads per key in fixed windows in a place every
// instance of duban shares (store.DB.CountRate).
type RateCounter interface {
	CountRate(ctx context.Context, scope, key string, start time.Time, add int) (int, error)
}

// allowRead counts one read by addr at now, in the shared counter when
// there is one (the process's own if it fails), and says whether it is
// within limit.
func (h *Handler) allowRead(ctx context.Context, addr string, now time.Time, limit int) bool {
	if h.RateCounts == nil {
		return h.reads.allow(addr, now, limit)
	}
	n, err := h.RateCounts.CountRate(ctx, "open311.read", addr, now.Truncate(time.Minute), 1)
	if err != nil {
		return h.reads.allow(addr, now, limit)
	}
	return n <= limit
}
