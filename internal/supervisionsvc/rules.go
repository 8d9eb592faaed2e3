package supervisionsvc

import (
	"context"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/supervise"
)

// RuleSet is one set of supervision rules: the default (PlanID 0) or a
// plan's own.
type RuleSet struct {
	PlanID    int64           `json:"plan_id"`
	PlanTitle string          `json:"plan_title,omitempty"` // "" for the default
	Rules     supervise.Rules `json:"rules"`
	// Stored: set by the office; false for duban's built-in default.
	Stored    bool      `json:"stored"`
	UpdatedBy string    `json:"updated_by,omitempty"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// PlanRef names a plan.
type PlanRef struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

// RuleBook is the rules in force: the default, the plans with rules of
// their own, and the plans that follow the default.
type RuleBook struct {
	Default RuleSet   `json:"default"`
	Plans   []RuleSet `json:"plans"`
	Others  []PlanRef `json:"others"`
	// CanEdit: the caller may change the rules.
	CanEdit bool `json:"can_edit"`
}

// Rules is the rule book for whoever may read the ledger. Rules stored
// for a plan removed since are left out: they no longer apply to
// anything, and the plan has no page to change them on.
func (s *Service) Rules(ctx context.Context, p authz.Principal) (*RuleBook, error) {
	if !authz.Allowed(p, authz.TaskRead) {
		return nil, fault.ErrForbidden
	}
	_, stored, err := s.Store.SupervisionRules(ctx, s.RulesBase)
	if err != nil {
		return nil, err
	}
	plans, err := s.Store.FindPlans(ctx)
	if err != nil {
		return nil, err
	}
	titles := map[int64]string{}
	for _, pl := range plans {
		titles[pl.ID] = pl.Title
	}
	b := &RuleBook{Default: RuleSet{Rules: s.RulesBase}, Plans: []RuleSet{}, Others: []PlanRef{},
		CanEdit: authz.Allowed(p, authz.TaskSupervise)}
	own := map[int64]bool{}
	for _, st := range stored {
		set := RuleSet{PlanID: st.PlanID, PlanTitle: titles[st.PlanID], Rules: st.Rules, Stored: true, UpdatedBy: st.UpdatedBy, UpdatedAt: st.UpdatedAt}
		if st.PlanID == 0 {
			b.Default = set
			continue
		}
		if _, ok := titles[st.PlanID]; ok {
			b.Plans = append(b.Plans, set)
			own[st.PlanID] = true
		}
	}
	for _, pl := range plans {
		if !own[pl.ID] {
			b.Others = append(b.Others, PlanRef{ID: pl.ID, Title: pl.Title})
		}
	}
	return b, nil
}

// RulesFor is the rules in force for a plan (0: the default), to change
// them; a plan that does not exist is not found.
func (s *Service) RulesFor(ctx context.Context, p authz.Principal, planID int64) (*RuleSet, error) {
	if !authz.Allowed(p, authz.TaskSupervise) {
		return nil, fault.ErrForbidden
	}
	book, stored, err := s.Store.SupervisionRules(ctx, s.RulesBase)
	if err != nil {
		return nil, err
	}
	set := &RuleSet{PlanID: planID, Rules: book.For(planID)}
	if planID != 0 {
		pl, err := s.Store.FindPlanByID(ctx, planID)
		if err != nil {
			return nil, err
		}
		set.PlanTitle = pl.Title
	}
	for _, st := range stored {
		if st.PlanID == planID {
			set.Stored, set.UpdatedBy, set.UpdatedAt = true, st.UpdatedBy, st.UpdatedAt
		}
	}
	return set, nil
}

// SaveRules stores a plan's own rules (0: the default), which apply from
// the next tick on. Rules that do not hold are refused with every
// problem at its field (CheckRules).
func (s *Service) SaveRules(ctx context.Context, p authz.Principal, actor audit.Actor, planID int64, r supervise.Rules) error {
	if !authz.Allowed(p, authz.TaskSupervise) {
		return fault.ErrForbidden
	}
	if planID < 0 {
		return fault.Field("plan", "rules.error.plan")
	}
	if err := CheckRules(r); err != nil {
		return err
	}
	if err := s.Store.SetSupervisionRules(ctx, actor, planID, r); err != nil {
		return fmt.Errorf("supervisionsvc: rules of plan %d: %w", planID, err)
	}
	return nil
}

// ClearRules removes a plan's own rules (0: the stored default), so that
// it follows the default (the built-in rules) again; a plan without
// rules of its own is not found.
func (s *Service) ClearRules(ctx context.Context, p authz.Principal, actor audit.Actor, planID int64) error {
	if !authz.Allowed(p, authz.TaskSupervise) {
		return fault.ErrForbidden
	}
	if err := s.Store.ClearSupervisionRules(ctx, actor, planID); err != nil {
		return fmt.Errorf("supervisionsvc: rules of plan %d: %w", planID, err)
	}
	return nil
}
