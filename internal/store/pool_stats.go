package store

import (
	"context"
	"database/sql"
	"fmt"
)

// PoolStats are the two connection pools' statistics, for /metrics:
// "write" (one connection) and "read".
func (db *DB) PoolStats() map[string]sql.DBStats {
	return map[string]sql.DBStats{"write": db.write.Stats(), "read": db.read.Stats()}
}

// OutboxDepth counts the notifications by channel and status that are
// not yet sent: pending, sending and dead (the failures). One grouped
// query on the (status, next_at) index, for /metrics.
func (db *DB) OutboxDepth(ctx context.Context) (map[[2]string]int, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT channel, status, COUNT(*) FROM notifications
		WHERE status IN ('pending', 'sending', 'dead') GROUP BY channel, status`)
	if err != nil {
		return nil, fmt.Errorf("store: outbox depth: %w", err)
	}
	defer rows.Close()
	out := map[[2]string]int{}
	for rows.Next() {
		var ch, st string
		var n int
		if err := rows.Scan(&ch, &st, &n); err != nil {
			return nil, fmt.Errorf("store: outbox depth: %w", err)
		}
		out[[2]string{ch, st}] = n
	}
	return out, rows.Err()
}
