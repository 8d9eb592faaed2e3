package signin

import (
	"context"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli, so the service imports no store and its callers none either.
type Store interface {
	CreateSession(ctx context.Context, actor audit.Actor, s records.Session) error
	DataVersion(ctx context.Context) (int64, error)
	DeleteSession(ctx context.Context, actor audit.Actor, tokenHash string) error
	FindSession(ctx context.Context, tokenHash string) (*records.Session, *records.User, error)
	FindUserByUsername(ctx context.Context, username string) (*records.User, error)
	FindUserByID(ctx context.Context, id int64) (*records.User, error)
	RecordLogin(ctx context.Context, actor audit.Actor, userID int64, ok bool, lockUntil time.Time) error
	// UnitSubtree is the units and every unit below them in the registry.
	UnitSubtree(ctx context.Context, ids []int64) ([]int64, error)
	TouchSession(ctx context.Context, tokenHash string, expires time.Time) error
	SetupTokenValid(ctx context.Context, tokenHash string) (bool, error)
	CompleteSetup(ctx context.Context, actor audit.Actor, tokenHash string, accounts []records.UserCreate) error
	FindPasswordHistory(ctx context.Context, userID int64, n int) ([]string, error)
	ChangeOwnPassword(ctx context.Context, actor audit.Actor, id int64, hash, keepToken string, keep int) (*records.User, error)
	RecordLockedAttempt(ctx context.Context, actor audit.Actor, userID int64, suppressed int) error

	FindTOTP(ctx context.Context, userID int64) (records.TOTP, error)
	StartTOTP(ctx context.Context, actor audit.Actor, userID int64, secret string) error
	ConfirmTOTP(ctx context.Context, actor audit.Actor, userID, step int64, codeHashes []string) error
	UseTOTPStep(ctx context.Context, userID, step int64) (bool, error)
	UseRecoveryCode(ctx context.Context, actor audit.Actor, userID int64, codeHash string) (bool, error)
}
