package adminsvc

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

// TestResetTOTP: a leader who lost the phone and the recovery codes is
// given back an account without a second factor, signed out everywhere,
// and the audit entry shows the factor going, never the secret.
func TestResetTOTP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		id := f.who["leader"].UserID
		const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
		if err := db.StartTOTP(ctx, audit.System, id, secret); err != nil {
			t.Fatal(err)
		}
		if err := db.ConfirmTOTP(ctx, audit.System, id, 1, []string{"h1", "h2"}); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateSession(ctx, audit.System, records.Session{TokenHash: "tok", UserID: id, Kind: records.SessionWeb,
			ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		acc, err := f.svc.ResetTOTP(ctx, f.who["sysadmin"], f.actor("sysadmin"), id)
		if err != nil {
			t.Fatal(err)
		}
		if acc.ID != id {
			t.Errorf("reset answered account %d", acc.ID)
		}
		got, err := db.FindTOTP(ctx, id)
		if err != nil || got.Enabled || got.Secret != "" || got.RecoveryCodes != 0 {
			t.Errorf("after the reset: %+v, %v", got, err)
		}
		if _, _, err := db.FindSession(ctx, "tok"); err == nil {
			t.Error("the leader's session outlived the reset")
		}
		entries, _, _ := db.FindAudit(ctx, records.AuditFilter{Limit: 1})
		if len(entries) != 1 || entries[0].Action != "user.totp_reset" || entries[0].Before == entries[0].After {
			t.Fatalf("audit %+v", entries)
		}
		if e := entries[0]; !strings.Contains(e.Before, `"totp":true`) || strings.Contains(e.After, `"totp"`) || strings.Contains(e.After, secret) {
			t.Errorf("audit before %s after %s", e.Before, e.After)
		}
	})
}
