package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/duban/duban/internal/audit"
)

// appendAudit records one change in the hash chain, inside the caller's
// transaction, so that a change and its record land together or not at
// all. The head row is locked first (a plain UPDATE takes the row lock on
// PostgreSQL; SQLite has one writer anyway), which serialises appenders.
func (db *DB) appendAudit(ctx context.Context, tx *sql.Tx, actor audit.Actor, action, objectType string, objectID any, before, after any) error {
	var head audit.Entry
	// Lock the head and read it in one round trip.
	if err := tx.QueryRowContext(ctx, `UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash`).Scan(&head.Seq, &head.Hash); err != nil {
		return fmt.Errorf("store: audit: lock head: %w", err)
	}
	var prev *audit.Entry
	if head.Seq > 0 {
		prev = &head
	}
	e := db.chain.Next(prev, audit.Entry{
		At: db.now(), ActorID: actor.ID, Actor: actor.Username, IP: actor.IP,
		Action: action, ObjectType: objectType, ObjectID: fmt.Sprint(objectID),
		Before: jsonOf(before), After: jsonOf(after),
	})
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		INSERT INTO audit_log (seq, at, actor_id, actor, ip, action, object_type, object_id,
		                       before_json, after_json, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		e.Seq, e.At, e.ActorID, e.Actor, e.IP, e.Action, e.ObjectType, e.ObjectID,
		e.Before, e.After, e.PrevHash, e.Hash); err != nil {
		return fmt.Errorf("store: audit: append: %w", err)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1`), e.Seq, e.Hash); err != nil {
		return fmt.Errorf("store: audit: move head: %w", err)
	}
	return db.bumpGenerations(ctx, tx, action, objectType, objectID)
}

// jsonOf renders a before/after value; nil is "".
func jsonOf(v any) string {
	if v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%q", fmt.Sprint(v))
	}
	return string(b)
}

// RecordEvent writes an audit entry that goes with no stored change: a
// sign-in, a failed sign-in, an export of the log.
func (db *DB) RecordEvent(ctx context.Context, actor audit.Actor, action, objectType string, objectID any, detail any) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: record event: %w", err)
	}
	defer tx.Rollback()
	if err := db.appendAudit(ctx, tx, actor, action, objectType, objectID, nil, detail); err != nil {
		return err
	}
	return db.commit(tx)
}

// versionTTL is how long a data version read from the database is trusted
// before it is read again. Changes made through this process are seen at
// once (commit moves a local counter); another instance's changes within
// this time. It spares every cached page a query.
const versionTTL = 250 * time.Millisecond

// versionCache is the last data version read and when.
type versionCache struct {
	mu     sync.Mutex
	value  int64
	readAt time.Time
	writes uint64 // db.writes when the value was read
}

// commit commits a write transaction and then moves the local write
// counter, so that a data version read before the commit is not trusted
// after it.
func (db *DB) commit(tx *sql.Tx) error {
	err := tx.Commit()
	db.writes.Add(1)
	return err
}

// DataVersion is a number that moves with every change stored: the audit
// chain's head, which every change appends to in its own transaction.
// Response caches compare it to know that nothing changed.
func (db *DB) DataVersion(ctx context.Context) (int64, error) {
	w := db.writes.Load()
	vc := &db.version
	vc.mu.Lock()
	// readAt and the TTL are the wall clock's, not db.now: the TTL bounds
	// how long another instance's write can go unseen in real time, and a
	// test's frozen clock would make it never expire.
	if vc.writes == w && !vc.readAt.IsZero() && time.Since(vc.readAt) < versionTTL {
		v := vc.value
		vc.mu.Unlock()
		return v, nil
	}
	vc.mu.Unlock()
	var v int64
	if err := db.read.QueryRowContext(ctx, `SELECT seq FROM audit_head WHERE id = 1`).Scan(&v); err != nil {
		return 0, fmt.Errorf("store: data version: %w", err)
	}
	vc.mu.Lock()
	vc.value, vc.readAt, vc.writes = v, time.Now(), w
	vc.mu.Unlock()
	return v, nil
}
