package store

import (
	"context"
	"testing"
)

// TestHoldJobLock: while one instance holds a job's lock, Alive says so
// and a second is refused it; after Release (twice is harmless) Alive is
// false and the second gets it. On PostgreSQL a holder whose session is
// killed finds its hold dead, and the lock free for another. On SQLite,
// one instance, it is always granted.
func TestHoldJobLock(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		pg := optsKind(opts) == "postgres"
		a, b := openWith(t, opts), openWith(t, opts)
		first, ok, err := a.HoldJobLock(ctx, "audit_keeper")
		if err != nil || !ok || !first.Alive(ctx) {
			t.Fatalf("first holder: %v, %v", ok, err)
		}
		second, ok, err := b.HoldJobLock(ctx, "audit_keeper")
		if err != nil || ok == pg {
			t.Fatalf("second holder while the first holds: %v, %v", ok, err)
		}
		second.Release()
		if _, ok, err := b.TryJobLock(ctx, "audit_keeper"); err != nil || ok == pg {
			t.Fatalf("TryJobLock while held: %v, %v", ok, err)
		}
		if !first.Alive(ctx) {
			t.Fatal("the first hold died while no one touched it")
		}
		first.Release()
		first.Release()
		if first.Alive(ctx) {
			t.Fatal("a released hold is alive")
		}
		second, ok, err = b.HoldJobLock(ctx, "audit_keeper")
		if err != nil || !ok || !second.Alive(ctx) {
			t.Fatalf("second holder after the release: %v, %v", ok, err)
		}
		if !pg {
			second.Release()
			return
		}

		// The holder's session killed, as a restarted server or a broken
		// connection would end it: its hold is dead, the lock free.
		var pid int
		if err := second.conn.QueryRowContext(ctx, `SELECT pg_backend_pid()`).Scan(&pid); err != nil {
			t.Fatal(err)
		}
		var ended bool
		if err := a.read.QueryRowContext(ctx, `SELECT pg_terminate_backend($1, 5000)`, pid).Scan(&ended); err != nil || !ended {
			t.Fatalf("terminate the holder's session: %v, %v", ended, err)
		}
		if second.Alive(ctx) {
			t.Fatal("a hold whose session was killed is alive")
		}
		second.Release()
		third, ok, err := a.HoldJobLock(ctx, "audit_keeper")
		if err != nil || !ok || !third.Alive(ctx) {
			t.Fatalf("after the holder's session ended: %v, %v", ok, err)
		}
		third.Release()
		// The pool the dead session came from still serves.
		if err := b.read.QueryRowContext(ctx, `SELECT 1`).Scan(new(int)); err != nil {
			t.Fatalf("the holder's pool after its session died: %v", err)
		}
	})
}
