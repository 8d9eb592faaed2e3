package signin

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

// fieldKey is err's one field and key ("new=password.too_short"), or "".
func fieldKey(err error) string {
	e := fault.As(err)
	if e == nil {
		return fmt.Sprint(err)
	}
	for k, v := range e.Fields {
		return k + "=" + v
	}
	return string(e.Code)
}

// TestChangePassword: the old password is asked, the rules apply, none of
// the last five is taken again (nor the present one), the one-time mark
// is cleared, every other session ends while the one asking stays, and
// the audit entry says a password was changed without holding it.
func TestChangePassword(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := New(db, auth.DefaultPolicy)
		hash, _ := auth.HashPassword("Start#Pass1")
		u, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: "zhang", PasswordHash: hash, MustChangePassword: true})
		if err != nil {
			t.Fatal(err)
		}
		actor := audit.Actor{ID: u.ID, Username: u.Username}
		here, _ := s.Issue(ctx, actor, u.ID, records.SessionWeb, "browser", "127.0.0.1")
		there, _ := s.Issue(ctx, actor, u.ID, records.SessionAPI, "script", "127.0.0.1")

		for _, c := range []struct {
			in   PasswordChange
			want string
		}{
			{PasswordChange{Old: "", New: "Next#Pass22"}, "old=error.required"},
			{PasswordChange{Old: "Wrong#Pass1", New: "Next#Pass22"}, "old=error.password_old_wrong"},
			{PasswordChange{Old: "Start#Pass1", New: "short"}, "new=" + auth.PwTooShort},
			{PasswordChange{Old: "Start#Pass1", New: "Start#Pass1"}, "new=error.password_reused"},
		} {
			if err := s.ChangePassword(ctx, actor, here, c.in); fieldKey(err) != c.want {
				t.Errorf("change %+v: %v, want %s", c.in, err, c.want)
			}
		}
		if got, _ := db.FindUserByID(ctx, u.ID); got.FailedLogins != 1 {
			t.Errorf("a wrong old password counted %d failed sign-ins, want 1", got.FailedLogins)
		}

		if err := s.ChangePassword(ctx, actor, here, PasswordChange{Old: "Start#Pass1", New: "Next#Pass22"}); err != nil {
			t.Fatal(err)
		}
		got, _ := db.FindUserByID(ctx, u.ID)
		if ok, _ := auth.CheckPassword(got.PasswordHash, "Next#Pass22"); !ok || got.MustChangePassword || got.FailedLogins != 0 {
			t.Errorf("after the change: opens %v, must change %v, failures %d", ok, got.MustChangePassword, got.FailedLogins)
		}
		if _, _, err := s.Authenticate(ctx, here); err != nil {
			t.Errorf("the session that changed the password ended: %v", err)
		}
		if _, _, err := s.Authenticate(ctx, there); err == nil {
			t.Error("another token of the account still works")
		}
		last, _, _ := db.FindAudit(ctx, records.AuditFilter{Limit: 1})
		var after map[string]any
		json.Unmarshal([]byte(last[0].After), &after)
		if last[0].Action != "user.password_change" || after["password"] != "changed" || strings.Contains(last[0].After, "argon2") {
			t.Errorf("recorded as %s %s", last[0].Action, last[0].After)
		}

		// Five more passwords; each of the last five is refused, the
		// sixth back is free again.
		pw := []string{"Next#Pass22"}
		for i := range 5 {
			next := fmt.Sprintf("Round%d#Pass", i)
			if err := s.ChangePassword(ctx, actor, here, PasswordChange{Old: pw[len(pw)-1], New: next}); err != nil {
				t.Fatalf("round %d: %v", i, err)
			}
			pw = append(pw, next)
		}
		cur := pw[len(pw)-1]
		for _, old := range pw[1:] {
			if err := s.ChangePassword(ctx, actor, here, PasswordChange{Old: cur, New: old}); fieldKey(err) != "new=error.password_reused" {
				t.Errorf("reusing %s: %v", old, err)
			}
		}
		if err := s.ChangePassword(ctx, actor, here, PasswordChange{Old: cur, New: pw[0]}); err != nil {
			t.Errorf("the sixth password back: %v", err)
		}
		if kept, err := db.FindPasswordHistory(ctx, u.ID, 100); err != nil || len(kept) != PasswordHistory {
			t.Errorf("%d hashes kept (%v), want %d", len(kept), err, PasswordHistory)
		}
	})
}
