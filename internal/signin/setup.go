package signin

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// Admin is the first-run form: the system administrator, with the
// password the person setting up chooses, and the user names of the
// security and audit administrators, made at the same time.
type Admin struct {
	Username    string
	DisplayName string
	Password    string
	SecAdmin    string // the security administrator's user name; "" is "secadmin"
	AuditAdmin  string // the audit administrator's user name; "" is "auditadmin"
}

// SetupAccount is an administrator made at first run with a one-time
// password, to be handed to its holder, who must change it at first use.
type SetupAccount struct {
	Username string
	Role     authz.Role
	Password string
}

// CheckSetup is nil when token is a live first-run link, or
// fault.ErrNotFound when it is unknown, spent or expired.
func (s *Service) CheckSetup(ctx context.Context, token string) error {
	ok, err := s.Store.SetupTokenValid(ctx, auth.TokenHash(token))
	if err != nil {
		return fmt.Errorf("signin: setup link: %w", err)
	}
	if !ok {
		return fault.ErrNotFound
	}
	return nil
}

// CompleteSetup creates the three administrators (三员) at once through
// the first-run link token, from ip, and spends the link: the system
// administrator with the chosen password, the security and audit
// administrators with one-time passwords, returned for handing over and
// to be changed at first use. No later rule lets anyone make an
// administrator but the security administrator (adminsvc), so there is
// no time at which the system administrator could make the other two,
// nor one at which no security administrator exists to make more. Every
// account meets the rules every account meets (CheckAccount).
func (s *Service) CompleteSetup(ctx context.Context, ip, token string, in Admin) ([]SetupAccount, error) {
	if in.SecAdmin = strings.TrimSpace(in.SecAdmin); in.SecAdmin == "" {
		in.SecAdmin = string(authz.SecAdmin)
	}
	if in.AuditAdmin = strings.TrimSpace(in.AuditAdmin); in.AuditAdmin == "" {
		in.AuditAdmin = string(authz.AuditAdmin)
	}
	problems := map[string]string{}
	CheckAccount(s.Policy, problems, in.Username, in.DisplayName, in.Password)
	if in.Password == "" {
		problems["password"] = "error.required"
	}
	names := map[string]string{"secadmin_username": in.SecAdmin, "auditadmin_username": in.AuditAdmin}
	for field, name := range names {
		sub := map[string]string{}
		CheckAccount(s.Policy, sub, name, "", "")
		if key, ok := sub["username"]; ok {
			problems[field] = key
		}
	}
	switch strings.ToLower(in.Username) {
	case strings.ToLower(in.SecAdmin), strings.ToLower(in.AuditAdmin):
		problems["username"] = "error.username_taken"
	}
	if strings.EqualFold(in.SecAdmin, in.AuditAdmin) {
		problems["auditadmin_username"] = "error.username_taken"
	}
	if len(problems) > 0 {
		return nil, &fault.Error{Code: fault.Invalid, Fields: problems}
	}
	hash, err := auth.HashPassword(in.Password)
	if err != nil {
		return nil, fmt.Errorf("signin: setup: %w", err)
	}
	accounts := []records.UserCreate{{Username: in.Username, DisplayName: in.DisplayName, PasswordHash: hash, Role: authz.SysAdmin}}
	var out []SetupAccount
	for _, a := range []SetupAccount{{Username: in.SecAdmin, Role: authz.SecAdmin}, {Username: in.AuditAdmin, Role: authz.AuditAdmin}} {
		if a.Password, err = OneTimePassword(s.Policy, a.Username); err != nil {
			return nil, err
		}
		h, err := auth.HashPassword(a.Password)
		if err != nil {
			return nil, fmt.Errorf("signin: setup: %w", err)
		}
		accounts = append(accounts, records.UserCreate{Username: a.Username, PasswordHash: h, Role: a.Role, MustChangePassword: true})
		out = append(out, a)
	}
	actor := audit.Actor{Username: in.Username, IP: ip}
	err = s.Store.CompleteSetup(ctx, actor, auth.TokenHash(token), accounts)
	if errors.Is(err, fault.ErrConflict) {
		return nil, &fault.Error{Code: fault.Conflict, Fields: map[string]string{"username": "error.username_taken"}, Err: err}
	}
	if err != nil {
		return nil, fmt.Errorf("signin: setup: %w", err)
	}
	return out, nil
}
