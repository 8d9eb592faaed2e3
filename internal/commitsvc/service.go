package commitsvc

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/decision"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// Service keeps the commitments.
type Service struct {
	Store Store
	// Today is the day in the office's zone, as the ledger counts it.
	Today func() time.Time
}

// Lengths, in characters.
const (
	MaxTitle = 100
	MaxText  = 2000
)

// Input is a commitment as the office registers it.
type Input struct {
	Title     string `json:"title"`
	Source    string `json:"source"`     // work_report, project, pledge
	SourceRef string `json:"source_ref"` // 2026年政府工作报告 民生实事第3项
	UnitID    int64  `json:"unit_id"`
	Target    string `json:"target"`
	Deadline  string `json:"deadline"` // ISO date
}

// ProgressInput is an entry of a commitment's public history.
type ProgressInput struct {
	Kind          string `json:"kind"` // progress, fulfilled, broken
	Body          string `json:"body"`
	Reason        string `json:"reason"`        // broken: why
	Rectification string `json:"rectification"` // broken: what is done about it
	On            string `json:"on"`            // ISO date; "" is today
}

// List is every commitment with its standing today, for those who read
// plans.
func (s *Service) List(ctx context.Context, p authz.Principal) ([]records.Commitment, error) {
	if !authz.Allowed(p, authz.PlanRead) {
		return nil, fault.ErrForbidden
	}
	return s.Public(ctx)
}

// Public is every commitment with its standing today, for the portal:
// commitments are public by nature.
func (s *Service) Public(ctx context.Context) ([]records.Commitment, error) {
	list, err := s.Store.FindCommitments(ctx)
	if err != nil {
		return nil, err
	}
	today := s.Today()
	for i := range list {
		list[i].Standing = decision.Standing(list[i].Closed, list[i].Deadline, today)
		list[i].CreatedBy = ""
		for j := range list[i].Progress {
			list[i].Progress[j].Actor = ""
		}
	}
	return list, nil
}

// Create registers a commitment: a title, its source, the responsible
// unit (within a scoped office's scope), the target and a deadline.
func (s *Service) Create(ctx context.Context, p authz.Principal, actor audit.Actor, in Input) (*records.Commitment, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, fault.ErrForbidden
	}
	in.Title, in.SourceRef, in.Target = strings.TrimSpace(in.Title), strings.TrimSpace(in.SourceRef), strings.TrimSpace(in.Target)
	var bad fault.Problems
	if in.Title == "" || utf8.RuneCountInString(in.Title) > MaxTitle {
		bad.At("title", "commitments.error.title")
	}
	switch in.Source {
	case records.CommitmentWorkReport, records.CommitmentProject, records.CommitmentPledge:
	default:
		bad.At("source", "commitments.error.source")
	}
	if utf8.RuneCountInString(in.SourceRef) > MaxTitle {
		bad.At("source_ref", "commitments.error.source_ref")
	}
	if in.Target == "" || utf8.RuneCountInString(in.Target) > MaxText {
		bad.At("target", "commitments.error.target")
	}
	if _, err := time.Parse(time.DateOnly, in.Deadline); err != nil {
		bad.At("deadline", "commitments.error.deadline")
	}
	if !s.knownUnit(ctx, in.UnitID) {
		bad.At("unit_id", "commitments.error.unit")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	if err := authz.CheckScope(p, "unit_id", []int64{in.UnitID}); err != nil {
		return nil, err
	}
	id, err := s.Store.CreateCommitment(ctx, actor, records.Commitment{Title: in.Title, Source: in.Source, SourceRef: in.SourceRef,
		UnitID: in.UnitID, Target: in.Target, Deadline: in.Deadline})
	if err != nil {
		return nil, err
	}
	return s.one(ctx, id)
}

// Progress adds to a commitment's public history, by the office or a
// liaison of its responsible unit; fulfilled or broken closes it, broken
// with its reason and rectification (the 政务诚信档案's entry). A scoped
// office writes only of its units' commitments.
func (s *Service) Progress(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, in ProgressInput) (*records.Commitment, error) {
	c, err := s.Store.FindCommitment(ctx, id)
	if err != nil {
		return nil, err
	}
	if !authz.Allowed(p, authz.PlanWrite) && !authz.Can(p, authz.TaskReport, authz.Resource{Units: []int64{c.UnitID}}) {
		return nil, fault.ErrForbidden
	}
	if authz.Allowed(p, authz.PlanWrite) {
		if err := authz.CheckScope(p, "unit_id", []int64{c.UnitID}); err != nil {
			return nil, err
		}
	}
	if c.Closed != "" {
		return nil, &fault.Error{Code: fault.State, Fields: map[string]string{"kind": "commitments.error.closed"}}
	}
	in.Body, in.Reason, in.Rectification = strings.TrimSpace(in.Body), strings.TrimSpace(in.Reason), strings.TrimSpace(in.Rectification)
	today := s.Today()
	if in.On == "" {
		in.On = today.Format(time.DateOnly)
	}
	var bad fault.Problems
	switch in.Kind {
	case decision.ProgressNote, decision.ProgressFulfil:
	case decision.ProgressBreak:
		if in.Reason == "" || utf8.RuneCountInString(in.Reason) > MaxText {
			bad.At("reason", "commitments.error.reason")
		}
		if in.Rectification == "" || utf8.RuneCountInString(in.Rectification) > MaxText {
			bad.At("rectification", "commitments.error.rectification")
		}
	default:
		bad.At("kind", "commitments.error.kind")
	}
	if in.Body == "" || utf8.RuneCountInString(in.Body) > MaxText {
		bad.At("body", "commitments.error.body")
	}
	if on, err := time.Parse(time.DateOnly, in.On); err != nil || on.After(today) {
		bad.At("on", "commitments.error.on")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	if _, err := s.Store.AddCommitmentProgress(ctx, actor, id, records.CommitmentProgress{Kind: in.Kind, Body: in.Body,
		Reason: in.Reason, Rectification: in.Rectification, On: in.On}); err != nil {
		return nil, err
	}
	return s.one(ctx, id)
}

func (s *Service) one(ctx context.Context, id int64) (*records.Commitment, error) {
	c, err := s.Store.FindCommitment(ctx, id)
	if err != nil {
		return nil, err
	}
	c.Standing = decision.Standing(c.Closed, c.Deadline, s.Today())
	return c, nil
}

func (s *Service) knownUnit(ctx context.Context, id int64) bool {
	units, err := s.Store.FindUnits(ctx)
	if err != nil {
		return false
	}
	for _, u := range units {
		if u.ID == id {
			return true
		}
	}
	return false
}
