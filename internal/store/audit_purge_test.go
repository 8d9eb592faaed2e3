package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
)

// TestPurgeAuditRefusesBrokenChain: a purge verifies the chain first and
// deletes nothing when it does not hold, so that it can never launder the
// evidence of tampering.
func TestPurgeAuditRefusesBrokenChain(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
		opts.Now = func() time.Time { return now }
		db := openWith(t, opts)
		for i := range 4 {
			if err := db.RecordEvent(ctx, audit.System, "auth.login", "user", i, nil); err != nil {
				t.Fatal(err)
			}
		}
		drop := `DROP TRIGGER audit_log_no_update`
		if db.Kind() == "postgres" {
			drop += ` ON audit_log`
		}
		for _, q := range []string{drop, `UPDATE audit_log SET actor = 'mallory' WHERE seq = 2`} {
			if _, err := db.write.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		_, _, done, err := db.PurgeAudit(ctx, audit.System, now.Add(time.Hour), nil)
		if done || !errors.Is(err, ErrAuditBroken) {
			t.Fatalf("purge over a broken chain: done %v, %v", done, err)
		}
		if n, problems, _ := db.VerifyAudit(ctx); n != 4 || len(problems) == 0 {
			t.Errorf("the broken chain must be left as it was: %d entries, %v", n, problems)
		}
	})
}
