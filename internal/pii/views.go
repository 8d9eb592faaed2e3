package pii

import (
	"sync"
	"time"
)

// ViewQuiet is how long a view of a record's personal data by one user
// is not recorded again: a reload, or going back to the page, is the
// same look, and logging each would bury the log.
const ViewQuiet = 10 * time.Minute

// Views remembers when each user's view of each record was last
// recorded, so that the audit log holds one entry per look rather than
// one per page load. The zero value is ready to use; it is safe for
// concurrent use. It lives in memory: after a restart the first view is
// recorded again, which errs on the side of the log.
type Views struct {
	mu   sync.Mutex
	last map[view]time.Time
}

type view struct {
	user   int64
	record string
}

// maxViews bounds the memory: past it, views older than ViewQuiet are
// forgotten (they would be recorded again anyway).
const maxViews = 10000

// Due says whether user's view of record at now is to be recorded: none
// was noted within ViewQuiet. The caller records it and then calls Note,
// so that a view whose entry failed to be written is not taken as
// recorded.
func (v *Views) Due(user int64, record string, now time.Time) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	at, ok := v.last[view{user, record}]
	return !ok || now.Sub(at) >= ViewQuiet || now.Before(at)
}

// Note notes user's view of record as recorded at now.
func (v *Views) Note(user int64, record string, now time.Time) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.last == nil {
		v.last = map[view]time.Time{}
	}
	if len(v.last) >= maxViews {
		for k, at := range v.last {
			if now.Sub(at) >= ViewQuiet || now.Before(at) {
				delete(v.last, k)
			}
		}
	}
	v.last[view{user, record}] = now
}
