package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"hash/fnv"
	"time"
)

// TryJobLock takes the database-wide lock named name if no one holds it,
// so that a job several instances run (the scheduler's tick) runs on one
// of them at a time. On PostgreSQL it is a session advisory lock on a
// connection kept for the holder: an instance that dies mid-job loses its
// session, and the lock with it, so the next tick elsewhere goes on. A
// SQLite database has one duban, which always gets the lock. ok is false
// when another holds it; release frees a lock taken.
//
// It is HoldJobLock for a job that lets go when its run ends.
func (db *DB) TryJobLock(ctx context.Context, name string) (release func(), ok bool, err error) {
	h, ok, err := db.HoldJobLock(ctx, name)
	if err != nil || !ok {
		return nil, false, err
	}
	return h.Release, true, nil
}

// JobHold is a job lock held for as long as its holder wants it, across
// many runs of the job (the audit keeper leads until it stops). On
// PostgreSQL it keeps one reader connection of its instance's pool, whose
// session holds the advisory lock.
type JobHold struct {
	db   *DB
	name string
	key  int64
	conn *sql.Conn // nil on SQLite, and once released or found dead
	held bool
}

// HoldJobLock takes the database-wide lock named name if no one holds it,
// as TryJobLock does, and keeps it until Release or until its session
// ends, which Alive tells. ok is false when another holds it.
func (db *DB) HoldJobLock(ctx context.Context, name string) (*JobHold, bool, error) {
	h := &JobHold{db: db, name: name, key: jobLockKey(name), held: true}
	if db.dialect.name != "postgres" {
		return h, true, nil
	}
	conn, err := db.read.Conn(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("store: job lock %s: %w", name, err)
	}
	var ok bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, h.key).Scan(&ok); err != nil || !ok {
		if err != nil {
			// Whether the lock was taken before the error is unknown:
			// the session must end, not go back to the pool holding it.
			discard(conn)
			return nil, false, fmt.Errorf("store: job lock %s: %w", name, err)
		}
		conn.Close()
		return nil, false, nil
	}
	h.conn = conn
	return h, true, nil
}

// jobLockKey is the advisory lock key of the job named name: the same on
// every instance, and apart from the audit chain's writer lock.
func jobLockKey(name string) int64 {
	f := fnv.New64a()
	f.Write([]byte("duban job " + name))
	return int64(f.Sum64())
}

// Alive says whether the lock is still held: on PostgreSQL, whether its
// session still answers, since the lock lives exactly as long as the
// session (a restarted server, a killed backend or a broken connection
// end both). A hold found dead lets its connection go and stays dead; the
// holder takes the lock anew with HoldJobLock. On SQLite it is held until
// released.
func (h *JobHold) Alive(ctx context.Context) bool {
	if h == nil || !h.held {
		return false
	}
	if h.conn == nil {
		return true
	}
	// Bounded: on a half-open connection the query would hang while the
	// server, still seeing the session, keeps the lock from the others.
	ctx, cancel := context.WithTimeout(ctx, aliveTimeout)
	defer cancel()
	var one int
	if err := h.conn.QueryRowContext(ctx, `SELECT 1`).Scan(&one); err != nil {
		if ctx.Err() == nil {
			h.db.log.Warn("job lock lost", "job", h.name, "err", err)
		}
		// Closed, not pooled: should the session still be alive after all
		// (the query timed out), ending it frees the lock for the others.
		discard(h.conn)
		h.conn, h.held = nil, false
		return false
	}
	return true
}

// aliveTimeout bounds Alive's look at the session.
const aliveTimeout = 5 * time.Second

// Release frees the lock; a second call, or one on a dead hold, does
// nothing.
func (h *JobHold) Release() {
	if h == nil || !h.held {
		return
	}
	h.held = false
	conn := h.conn
	h.conn = nil
	if conn == nil {
		return
	}
	// A context of its own: the job's may be over, and a lock left held
	// would stop the job everywhere until the connection closes.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, h.key); err != nil {
		h.db.log.Error("job lock release", "job", h.name, "err", err)
		// A session that may still hold the lock must not go back to the
		// pool, where it would hold it for good: ending it frees it.
		discard(conn)
		return
	}
	conn.Close()
}

// discard closes conn's session instead of returning it to the pool
// (database/sql drops a connection whose Raw returns driver.ErrBadConn).
func discard(conn *sql.Conn) {
	conn.Raw(func(any) error { return driver.ErrBadConn })
	conn.Close()
}
