package services

import (
	"context"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"

	"github.com/duban/duban/internal/adminsvc"
	"github.com/duban/duban/internal/assesssvc"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/calendarsvc"
	"github.com/duban/duban/internal/changesvc"
	"github.com/duban/duban/internal/commitsvc"
	"github.com/duban/duban/internal/decisionsvc"
	"github.com/duban/duban/internal/emergencysvc"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/inspectsvc"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/mattersvc"
	"github.com/duban/duban/internal/portalsvc"
	"github.com/duban/duban/internal/proposalsvc"
	"github.com/duban/duban/internal/randomsvc"
	"github.com/duban/duban/internal/signin"
	"github.com/duban/duban/internal/subtasksvc"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/supervisionsvc"
	"github.com/duban/duban/internal/workday"
)

// Store is every service's store port at once; *store.DB is one.
type Store interface {
	signin.Store
	adminsvc.Store
	ledgersvc.Store
	intakesvc.Store
	changesvc.Store
	supervisionsvc.Store
	portalsvc.Store
	assesssvc.Store
	calendarsvc.Store
	hotlinesvc.Store
	foiasvc.Store
	emergencysvc.Store
	subtasksvc.Store
	inspectsvc.Store
	mattersvc.Store
	randomsvc.Store
	proposalsvc.Store
	decisionsvc.Store
	commitsvc.Store
}

// Options are the settings the services are built with; the zero value of
// each is the built-in default.
type Options struct {
	Policy auth.Policy
	// Calendar is the working-day calendar before any stored change (the
	// embedded data and the calendar folder); nil is workday.Default.
	Calendar *workday.Calendar
	Locality string       // names the calendar's local layer
	Rules    ledger.Rules // the lights' thresholds
	// RulesBase are the built-in supervision rules under the office's;
	// nil is supervise.Default.
	RulesBase     *supervise.Rules
	HotlineLimits hotline.Limits // nil: hotline.Guangdong
	Letters       foiasvc.Letterhead
	Issuer        string // signs the bulletins (督查室)
	Files         *files.Store
	Now           func() time.Time // nil: time.Now
}

// New builds every service over db, once. The calendar is not loaded:
// the caller loads it (Calendar.Load) once the database holds what it
// should, the demo data included.
func New(db Store, o Options) *Services {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Calendar == nil {
		o.Calendar = workday.Default()
	}
	if o.Rules == (ledger.Rules{}) {
		o.Rules = ledger.DefaultRules
	}
	base := supervise.Default()
	if o.RulesBase != nil {
		base = *o.RulesBase
	}
	if o.HotlineLimits == nil {
		o.HotlineLimits = hotline.Guangdong()
	}
	in := signin.New(db, o.Policy)
	in.Now = o.Now
	s := &Services{Signin: in, Files: o.Files}
	s.Calendar = &calendarsvc.Service{Store: db, Base: o.Calendar, Locality: o.Locality, Now: o.Now}
	s.Admin = &adminsvc.Service{Store: db, Policy: o.Policy, Now: o.Now}
	s.Ledger = &ledgersvc.Service{Store: db, Calendar: s.Calendar, Rules: o.Rules, Now: o.Now, Files: o.Files}
	s.Intake = &intakesvc.Service{Store: db, Ledger: s.Ledger}
	s.Changes = &changesvc.Service{Store: db, Ledger: s.Ledger, Intake: s.Intake}
	s.Subtasks = &subtasksvc.Service{Store: db, Ledger: s.Ledger}
	s.Intake.PassDown = s.Subtasks.PassDownRegistered
	s.Supervision = &supervisionsvc.Service{Store: db, RulesBase: base, Calendar: s.Calendar, Now: o.Now}
	s.Hotline = &hotlinesvc.Service{Store: db, Calendar: s.Calendar, Limits: o.HotlineLimits, Now: o.Now, Files: o.Files}
	s.Incidents = &emergencysvc.Service{Store: db, Now: o.Now}
	// A finding of an inspection is a 督办件 of the kind 督查发现问题.
	s.Inspections = &inspectsvc.Service{Store: db, Ledger: s.Ledger, Now: o.Now, Open: s.openProblem}
	s.Matters = &mattersvc.Service{Store: db, Ledger: s.Ledger, Now: o.Now, Issuer: o.Issuer}
	// A 双随机 result that needs 整改 is a 督办件 of the inspection kind too.
	s.Random = &randomsvc.Service{Store: db, Calendar: s.Calendar, Now: o.Now, Open: s.openRandomProblem}
	// A B-class answer's commitment is a 督办件 of the kind 'commitment'.
	s.Proposals = &proposalsvc.Service{Store: db, Calendar: s.Calendar, Now: o.Now, Issuer: o.Issuer, Open: s.openCommitment,
		Revoke: s.revokeCommitment}
	s.Decisions = &decisionsvc.Service{Store: db, Ledger: s.Ledger, Matters: s.Matters, Files: o.Files}
	s.Commitments = &commitsvc.Service{Store: db, Today: s.Ledger.Today}
	s.FOIA = &foiasvc.Service{Store: db, Calendar: s.Calendar, Now: o.Now, Letters: o.Letters}
	s.Portal = &portalsvc.Service{Store: db, Ledger: s.Ledger, Hotline: s.Hotline, FOIA: s.FOIA, Incidents: s.Incidents, Now: o.Now}
	// The public-satisfaction part of the scores is the 12345 满意率.
	s.Assess = &assesssvc.Service{Store: db, Now: o.Now, Issuer: o.Issuer, Rates: s.Hotline.Rates, Proposals: s.Proposals.Marks}
	return s
}

// openProblem registers a finding's 问题 as a 督办件 of the inspection
// kind: the unit leads it, due by the rectification deadline.
func (s *Services) openProblem(ctx context.Context, p authz.Principal, actor audit.Actor, pr inspectsvc.Problem) (int64, error) {
	t, err := s.Matters.Create(ctx, p, actor, records.MatterInput{Kind: records.SourceInspection, Title: pr.Title, Text: pr.Text,
		SourceText: pr.SourceText, Units: []records.UnitLink{{UnitID: pr.UnitID, Lead: true}}, Deadline: pr.Due,
		Requirement: i18n.Lookup(i18n.ZhCN, "inspection.requirement")})
	if err != nil {
		return 0, err
	}
	return t.ID, nil
}

// openRandomProblem registers the 整改 of a 双随机 check as a 督办件 of the
// inspection kind: the plan's department leads it, due by the deadline.
func (s *Services) openRandomProblem(ctx context.Context, p authz.Principal, actor audit.Actor, pr randomsvc.Problem) (int64, error) {
	t, err := s.Matters.Create(ctx, p, actor, records.MatterInput{Kind: records.SourceInspection, Title: pr.Title, Text: pr.Text,
		SourceText: pr.SourceText, Units: []records.UnitLink{{UnitID: pr.UnitID, Lead: true}}, Deadline: pr.Due,
		Requirement: i18n.Lookup(i18n.ZhCN, "random.requirement")})
	if err != nil {
		return 0, err
	}
	return t.ID, nil
}

// openCommitment registers a B-class answer's commitment (列入计划逐步解决)
// as a 督办件 of the kind 'commitment' in the office's register: the 主办
// unit leads it, due by the day it promised. The proposals service has
// checked that the caller answers for that unit; registering is the
// office's, so it runs as the whole city's office, audited as the caller.
func (s *Services) openCommitment(ctx context.Context, actor audit.Actor, c proposalsvc.Commitment) (int64, error) {
	office := authz.Principal{Username: actor.Username, Role: authz.Office}
	t, err := s.Matters.Create(ctx, office, actor, records.MatterInput{Kind: "commitment", Title: c.Title, Text: c.Text,
		SourceText: c.SourceText, Units: []records.UnitLink{{UnitID: c.UnitID, Lead: true}}, Deadline: c.Due,
		Requirement: i18n.Lookup(i18n.ZhCN, "proposal.requirement")})
	if err != nil {
		return 0, err
	}
	return t.ID, nil
}

// revokeCommitment revokes (撤销) a commitment openCommitment registered
// for an answer the proposals service could not record, as the whole
// city's office, audited as the caller.
func (s *Services) revokeCommitment(ctx context.Context, actor audit.Actor, task int64) error {
	office := authz.Principal{Username: actor.Username, Role: authz.Office}
	_, err := s.Changes.Revoke(ctx, office, actor, task, i18n.Lookup(i18n.ZhCN, "proposal.commitment_revoked"))
	return err
}
