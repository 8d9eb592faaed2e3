package web

import (
	"context"
	"net/http"
	"time"
)

// Deps is everything the pages need from the rest of duban. Auth is
// required; a nil Setup, Users, Units, Audit, Plans or Tasks leaves its
// pages out, so the shell can be wired one service at a time.
type Deps struct {
	// BasePath is the prefix a reverse proxy serves the pages under, the
	// path of base_url ("/duban"; "" at the root): every link, asset,
	// redirect and cookie carries it (package basepath).
	BasePath string
	Auth     Auth
	// RateCounts, when set, counts the public forms' submissions for
	// every instance at once (several instances on one PostgreSQL); nil
	// counts in this process.
	RateCounts RateCounter
	Setup      Setup
	// TOTP is the signed-in user's second factor (两步验证); nil leaves
	// its pages out.
	TOTP TOTP
	// Password is everyone's change of their own password; nil leaves
	// the page out.
	Password Password
	Users    Users
	Units    Units
	// Registry is the registry's housekeeping: unit groups, merging
	// units, bulk import; nil leaves its pages out.
	Registry Registry
	Audit    Audit
	// Plans and Tasks are the ledger's pages (方案, 审核, 任务清单, 任务).
	Plans Plans
	Tasks Tasks
	// Changes are a task's 延期申请, 调整 and 撤销 and its 变更记录; nil
	// leaves them out.
	Changes Changes
	// Subtasks are 任务分解 and 落实计划 on a task's page; nil leaves them
	// out.
	Subtasks Subtasks
	// Inbox is the supervision messages (消息) and, for the office, the
	// notifications that could not be delivered. Nil leaves it out.
	Inbox Inbox
	// Desk is the supervision desk (督办台); nil leaves it out.
	Desk Desk
	// Hotline is 12345 (tickets); nil leaves it out.
	Hotline Hotline
	// Disclosure is 依申请公开 (information requests); nil leaves it out.
	Disclosure Disclosure
	// Incidents are the major incidents' disclosure clocks; nil leaves
	// them out.
	Incidents Incidents
	// Inspections are the field inspections (督查计划, 督查记录, 问题清单);
	// nil leaves them out.
	Inspections Inspections
	// Random is 双随机一公开 (directories, 抽查计划, the draw, results);
	// nil leaves it out.
	Random Random
	// Proposals are the 人大代表建议 and 政协委员提案; nil leaves them out.
	Proposals Proposals
	// Matters are the 督办件 entered by hand; nil leaves their pages out.
	Matters Matters
	// Decisions are the 重大行政决策 and the commitments (守信践诺); nil
	// leaves their pages out.
	Decisions Decisions
	// Portal is the public portal (政务公开); nil leaves it out.
	Portal Portal
	// Dashboard is the leaders' dashboard; nil leaves it out.
	Dashboard Dashboard
	// Assessment is 考核 (scores, scheme, records); nil leaves it out.
	Assessment Assessment
	// Rules are the supervision rules (督查规则); nil leaves them out.
	Rules Rules
	// Calendar is the working-day calendar's administration (工作日历);
	// nil leaves it out.
	Calendar Calendar
	// Now is the clock, for export file names; nil means time.Now.
	Now func() time.Time
	// MissingCalendarYears names the years around today whose official
	// holiday schedule is not loaded, for the office's banner; nil shows
	// none.
	MissingCalendarYears func(today time.Time) []int
}

// Auth signs people in and out and says who is signed in. The session
// mechanism (cookie, store) is the implementation's business; it gets the
// ResponseWriter so it can set or clear its cookie.
type Auth interface {
	// Current returns the user signed in on r, or an error wrapping
	// ErrSignedOut when there is none or the session has expired.
	Current(r *http.Request) (CurrentUser, error)
	// SignIn checks the credentials (code is the authenticator's, or a
	// recovery code, for an account with a second factor) and starts a
	// session. It returns an error wrapping ErrBadCredentials for a wrong
	// name or password, a locked or disabled account alike (they must not
	// be told apart), ErrTOTPRequired or ErrTOTPInvalid for the second
	// factor, and ErrBusy when sign-ins are throttled.
	SignIn(w http.ResponseWriter, r *http.Request, username, password, code string) (CurrentUser, error)
	// SignOut ends the session of r.
	SignOut(w http.ResponseWriter, r *http.Request) error
}

// Setup creates the first administrator through the one-time link printed
// on the console at first start.
type Setup interface {
	// Check returns nil if token is a live setup link, or an error wrapping
	// ErrNotFound if it is unknown, spent or expired.
	Check(ctx context.Context, token string) error
	// CreateAdmin creates the three administrators (三员) and spends the
	// token: the system administrator with the chosen password, the
	// security and audit administrators with one-time passwords, which it
	// returns for showing once. Rule violations (a weak password) come
	// back as a *ValidationError.
	CreateAdmin(ctx context.Context, token string, in SetupInput) ([]SetupAccount, error)
}

// Users is user administration. The acting user is in ctx (see
// CurrentUserFrom); the implementation decides what they may do and
// answers ErrForbidden otherwise.
type Users interface {
	// MayCreate is nil when the caller creates accounts (the form is
	// offered to them only); ErrForbidden otherwise.
	MayCreate(ctx context.Context) error
	// List returns every account, in display order.
	List(ctx context.Context) ([]UserView, error)
	// Get returns one account or an error wrapping ErrNotFound.
	Get(ctx context.Context, id int64) (UserView, error)
	// Create makes an account and returns it with its one-time initial
	// password, which the page shows once and nobody stores in clear.
	Create(ctx context.Context, in UserInput) (UserView, string, error)
	// Update changes an account's names, role and units.
	Update(ctx context.Context, id int64, in UserInput) error
	// SetDisabled disables or re-enables an account; disabling ends its
	// sessions.
	SetDisabled(ctx context.Context, id int64, disabled bool) error
	// Unlock lifts a lockout after repeated failed sign-ins.
	Unlock(ctx context.Context, id int64) error
	// ResetTOTP takes away a second factor whose phone was lost; the
	// account enrols again at its next sign-in.
	ResetTOTP(ctx context.Context, id int64) error
	// ResetPassword sets a new one-time password, returned for showing
	// once, and ends the account's sessions.
	ResetPassword(ctx context.Context, id int64) (string, error)
}

// Units is the unit registry.
type Units interface {
	// MayWrite is nil when the caller registers and edits units (the
	// forms are offered to them only); ErrForbidden otherwise.
	MayWrite(ctx context.Context) error
	// List returns every unit; the page arranges them into a tree.
	List(ctx context.Context) ([]UnitView, error)
	// Get returns one unit or an error wrapping ErrNotFound.
	Get(ctx context.Context, id int64) (UnitView, error)
	// Create adds a unit and returns its id.
	Create(ctx context.Context, in UnitInput) (int64, error)
	// Update changes a unit.
	Update(ctx context.Context, id int64, in UnitInput) error
}

// Audit reads the audit log.
type Audit interface {
	// Find returns one page of entries matching f, newest first, and the
	// number of all matching entries.
	Find(ctx context.Context, f AuditFilter) ([]AuditView, int, error)
	// Each calls fn for every entry matching f (Limit and Offset ignored),
	// oldest first, stopping at fn's first error. The CSV export streams
	// through it so a year of entries is never held in memory.
	Each(ctx context.Context, f AuditFilter, fn func(AuditView) error) error
}

// CurrentUser is the signed-in person, as the page frame shows them.
type CurrentUser struct {
	ID          int64
	Username    string
	DisplayName string
	Role        string // one of the Role* codes
	// MustChangePassword is set while the person signed in with a
	// one-time password: every page but /me/password sends them there.
	MustChangePassword bool
}

// UserView is an account as the administration pages show it.
type UserView struct {
	ID          int64
	Username    string
	DisplayName string
	Role        string   // a Role* code, or "" before a role is granted
	UnitIDs     []int64  // a liaison's units
	Units       []string // their names, in the same order
	Disabled    bool
	Locked      bool
	TOTP        bool // signs in with a second factor
}

// UserInput is what the user form submits.
type UserInput struct {
	Username    string
	DisplayName string
	Role        string
	UnitIDs     []int64
}

// SetupInput is what the first-run form submits, the password confirmed.
type SetupInput struct {
	Username    string
	DisplayName string
	Password    string
	SecAdmin    string // the security administrator's user name
	AuditAdmin  string // the audit administrator's user name
}

// SetupAccount is an administrator made at first run with a one-time
// password, shown once on the page that ends the setup.
type SetupAccount struct {
	Username string
	Role     string
	Password string
}

// UnitView is a registered unit.
type UnitView struct {
	ID       int64
	Name     string
	ParentID int64  // 0 for a top-level unit
	Kind     string // one of UnitKinds
	Aliases  []string
	Email    string // where supervision messages are mailed; "" for none
	// MembersGroupID is the unit group a catch-all unit stands for
	// (分解下达); 0 for none.
	MembersGroupID int64
}

// UnitInput is what the unit form submits.
type UnitInput struct {
	Name     string
	ParentID int64
	Kind     string
	Aliases  []string
	Email    string
	// MembersGroupID links a catch-all unit to a unit group (0 unlinks);
	// nil when the form did not offer the choice (a new unit, no groups).
	MembersGroupID *int64
}

// AuditView is one audit log entry. Before and After are the JSON of the
// object before and after the change ("" when there is none).
type AuditView struct {
	Seq    int64
	At     time.Time
	Actor  string
	IP     string
	Action string
	Object string
	Before string
	After  string
	Hash   string // the entry's link in the hash chain, for checking an export
}

// AuditFilter narrows the audit log. Zero fields do not filter. From is
// inclusive and To exclusive.
type AuditFilter struct {
	From, To time.Time
	Actor    string
	Action   string
	Object   string
	Limit    int
	Offset   int
}
