package store

import (
	"context"
	"fmt"
	"hash/fnv"
)

// TryJobLock takes the database-wide lock named name if no one holds it,
// so that a job several instances run (the scheduler's tick) runs on one
// of them at a time. On PostgreSQL it is a session advisory lock on a
// connection kept for the holder: an instance that dies mid-job loses its
// session, and the lock with it, so the next tick elsewhere goes on. A
// SQLite database has one duban, which always gets the lock. ok is false
// when another holds it; release frees a lock taken.
func (db *DB) TryJobLock(ctx context.Context, name string) (release func(), ok bool, err error) {
	if db.dialect.name != "postgres" {
		return func() {}, true, nil
	}
	h := fnv.New64a()
	h.Write([]byte("duban job " + name))
	key := int64(h.Sum64())
	conn, err := db.read.Conn(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("store: job lock %s: %w", name, err)
	}
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&ok); err != nil || !ok {
		conn.Close()
		if err != nil {
			return nil, false, fmt.Errorf("store: job lock %s: %w", name, err)
		}
		return nil, false, nil
	}
	return func() {
		// A background context: the job's may be over, and a lock left
		// held would stop the job everywhere until the connection closes.
		if _, err := conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, key); err != nil {
			db.log.Error("job lock release", "job", name, "err", err)
		}
		conn.Close()
	}, true, nil
}
