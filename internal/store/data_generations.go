package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Scopes of data the generations (migration 0033) are kept for.
const (
	// ScopeLedger moves with every change to plans, tasks, units, users,
	// the calendar and the rest of what the ledger shows: everything but
	// the areas listed in otherAreas.
	ScopeLedger = "ledger"
	// ScopeLedgerOther moves with a ledger change that is not about one
	// plan; a list of one plan's tasks depends on it and on ScopePlan.
	ScopeLedgerOther = "ledger:other"
)

// ScopePlan is the scope of one plan's tasks.
func ScopePlan(id int64) string { return "plan:" + strconv.FormatInt(id, 10) }

// otherAreas are the audit actions, by prefix, that change nothing the
// ledger shows, and the scope each moves instead of ScopeLedger.
var otherAreas = []struct{ prefix, scope string }{
	{"auth.", "auth"}, {"ticket.", "hotline"}, {"foia.", "foia"}, {"incident.", "incident"},
}

// bumpGenerations moves the generations of the scopes an audited change
// touches, inside its transaction: one statement.
func (db *DB) bumpGenerations(ctx context.Context, tx *sql.Tx, action, objectType string, objectID any) error {
	const upsert = ` ON CONFLICT (scope) DO UPDATE SET gen = data_generations.gen + 1`
	for _, a := range otherAreas {
		if strings.HasPrefix(action, a.prefix) {
			_, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO data_generations (scope, gen) VALUES (?, 1)`+upsert), a.scope)
			return wrapGen(err)
		}
	}
	id, err := strconv.ParseInt(fmt.Sprint(objectID), 10, 64)
	switch {
	case err == nil && id > 0 && objectType == "plan":
		_, err = tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO data_generations (scope, gen) VALUES (?, 1), (?, 1)`+upsert),
			ScopeLedger, ScopePlan(id))
	case err == nil && id > 0 && objectType == "task":
		// A task deleted by the change has no plan left to name: the
		// plan's own entry (plan.update, …) or ledger:other covers it.
		_, err = tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO data_generations (scope, gen) VALUES (?, 1),
			(COALESCE((SELECT 'plan:' || CAST(t.plan_id AS TEXT) FROM tasks t WHERE t.id = ?), ?), 1)`+upsert),
			ScopeLedger, id, ScopeLedgerOther)
	default:
		_, err = tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO data_generations (scope, gen) VALUES (?, 1), (?, 1)`+upsert),
			ScopeLedger, ScopeLedgerOther)
	}
	return wrapGen(err)
}

func wrapGen(err error) error {
	if err != nil {
		return fmt.Errorf("store: data generation: %w", err)
	}
	return nil
}

// ScopeVersion is a number that moves whenever data of one of the scopes
// changes: the sum of their generations, which only grow. Like
// DataVersion it is read again after a write through this process, and
// at most every versionTTL for another instance's.
func (db *DB) ScopeVersion(ctx context.Context, scopes []string) (int64, error) {
	key := strings.Join(scopes, "\x00")
	w := db.writes.Load()
	sv := &db.scopeVersions
	sv.mu.Lock()
	if e, ok := sv.m[key]; ok && e.writes == w && time.Since(e.readAt) < versionTTL {
		sv.mu.Unlock()
		return e.value, nil
	}
	sv.mu.Unlock()
	var v int64
	if err := db.read.QueryRowContext(ctx, db.dialect.rebind(`SELECT CAST(COALESCE(SUM(gen), 0) AS BIGINT) FROM data_generations WHERE scope IN (`+marks(len(scopes))+`)`),
		stringArgs(scopes)...).Scan(&v); err != nil {
		return 0, fmt.Errorf("store: scope version: %w", err)
	}
	sv.mu.Lock()
	if sv.m == nil || len(sv.m) >= 4096 {
		sv.m = map[string]scopeVersion{}
	}
	sv.m[key] = scopeVersion{value: v, readAt: time.Now(), writes: w}
	sv.mu.Unlock()
	return v, nil
}

// scopeVersions remembers the versions of recent sets of scopes.
type scopeVersions struct {
	mu sync.Mutex
	m  map[string]scopeVersion
}

type scopeVersion struct {
	value  int64
	readAt time.Time
	writes uint64
}

func stringArgs(s []string) []any {
	a := make([]any, len(s))
	for i, v := range s {
		a[i] = v
	}
	return a
}
