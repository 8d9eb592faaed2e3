package adminsvc

import (
	"context"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli, so the service imports no store and its callers none either.
type Store interface {
	FindUsers(ctx context.Context) ([]records.User, error)
	FindUserByID(ctx context.Context, id int64) (*records.User, error)
	CreateUser(ctx context.Context, actor audit.Actor, in records.UserCreate) (*records.User, error)
	UpdateUser(ctx context.Context, actor audit.Actor, id int64, up records.UserUpdate) (*records.User, error)
	GrantUser(ctx context.Context, actor audit.Actor, id int64, g records.UserGrant) (*records.User, error)
	UnlockUser(ctx context.Context, actor audit.Actor, id int64) (*records.User, error)
	LogoutEverywhere(ctx context.Context, actor audit.Actor, id int64) error

	FindUnits(ctx context.Context) ([]records.Unit, error)
	FindUnitByID(ctx context.Context, id int64) (*records.Unit, error)
	CreateUnit(ctx context.Context, actor audit.Actor, in records.UnitCreate) (*records.Unit, error)
	UpdateUnit(ctx context.Context, actor audit.Actor, id int64, up records.UnitUpdate) (*records.Unit, error)
	ImportRegistry(ctx context.Context, actor audit.Actor, in records.RegistryImport) ([]records.Unit, []records.User, error)
	MergeUnit(ctx context.Context, actor audit.Actor, from, into int64) (*records.UnitMerge, error)

	FindUnitGroups(ctx context.Context) ([]records.Group, error)
	FindUnitGroupByID(ctx context.Context, id int64) (*records.Group, error)
	CreateUnitGroup(ctx context.Context, actor audit.Actor, in records.GroupInput) (*records.Group, error)
	UpdateUnitGroup(ctx context.Context, actor audit.Actor, id int64, in records.GroupInput) (*records.Group, error)
	DeleteUnitGroup(ctx context.Context, actor audit.Actor, id int64) error

	FindAudit(ctx context.Context, f records.AuditFilter) ([]audit.Entry, int, error)
	RecordEvent(ctx context.Context, actor audit.Actor, action, objectType string, objectID any, detail any) error
	VerifyAudit(ctx context.Context) (entries int, problems []audit.Problem, err error)
	ResetTOTP(ctx context.Context, actor audit.Actor, id int64) (*records.User, error)
}
