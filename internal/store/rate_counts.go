package store

import (
	"context"
	"fmt"
	"time"
)

// rateCountsKept is how long a rate window's count is kept: the longest
// window duban counts in (the public forms' hour) and a margin.
const rateCountsKept = 2 * time.Hour

// CountRate adds add (1 for an attempt, -1 to give one back) to key's
// count in scope for the fixed window that starts at start, and returns
// the count after it: the shared counter behind the rate limits and
// sign-in throttles when several instances serve one PostgreSQL, so that
// a client spreading its attempts over them gets no more than from one.
// Counts of windows long past are removed now and then, by whichever
// instance comes first.
func (db *DB) CountRate(ctx context.Context, scope, key string, start time.Time, add int) (int, error) {
	tx, err := db.beginShared(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: count rate %s: %w", scope, err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO rate_counts (scope, key, window_start, count) VALUES (?, ?, ?, ?)
		ON CONFLICT (scope, key, window_start) DO UPDATE SET count = rate_counts.count + excluded.count
		RETURNING count`), scope, key, start.UTC(), add).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count rate %s: %w", scope, err)
	}
	now := db.now()
	if last := db.ratePurged.Load(); now.Unix()-last >= 60 && db.ratePurged.CompareAndSwap(last, now.Unix()) {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM rate_counts WHERE window_start < ?`),
			now.Add(-rateCountsKept)); err != nil {
			return 0, fmt.Errorf("store: count rate %s: purge: %w", scope, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: count rate %s: %w", scope, err)
	}
	return n, nil
}
