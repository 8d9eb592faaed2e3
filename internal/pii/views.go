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

// Due says whether user's view of record at now is to be recorded (none
// was within ViewQuiet), and if so notes it as recorded.
func (v *Views) Due(user int64, record string, now time.Time) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.last == nil {
		v.last = map[view]time.Time{}
	}
	k := view{user, record}
	if at, ok := v.last[k]; ok && now.Sub(at) < ViewQuiet && !now.Before(at) {
		return false
	}
	if len(v.last) >= maxViews {
		for k, at := range v.last {
			if now.Sub(at) >= ViewQuiet || now.Before(at) {
				delete(v.last, k)
			}
		}
	}
	v.last[k] = now
	return true
}
