package randomsvc

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// The result categories of a check, in the order forms offer them:
// nothing found, found and ordered to rectify (a ledger task follows),
// a case opened, the entity not found at its registered address.
const (
	CategoryClean   = "clean"
	CategoryRectify = "rectify"
	CategoryCase    = "case"
	CategoryAbsent  = "absent"
)

// Categories lists the result categories.
var Categories = []string{CategoryClean, CategoryRectify, CategoryCase, CategoryAbsent}

// ResultInput is a check's result as entered.
type ResultInput struct {
	CheckedOn  string `json:"checked_on"` // ISO date, not in the future
	Category   string `json:"category"`   // one of Categories
	Findings   string `json:"findings"`
	FollowUp   string `json:"follow_up"`
	RectifyDue string `json:"rectify_due"` // ISO date, for CategoryRectify
	Publish    bool   `json:"publish"`     // publish on the portal now
}

// EnterResult records a check's result, for the office. The publication
// deadline is the check's day plus the plan's working days; a result
// published is on the portal from now on and is not rewritten. A result
// that needs 整改 opens a task of the ledger, led by the plan's
// department and due by RectifyDue, through the path of every 督办件.
func (s *Service) EnterResult(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, in ResultInput) (*records.RandomCheck, error) {
	if !authz.Allowed(p, authz.InspectionWrite) {
		return nil, fault.ErrForbidden
	}
	c, err := s.Store.FindRandomCheck(ctx, id)
	if err != nil {
		return nil, err
	}
	if c.PublishedAt != nil {
		return nil, fault.Wrap(fault.Conflict, "random.error.published", fmt.Errorf("randomsvc: check %d is published", id))
	}
	rp, err := s.Store.FindRandomPlan(ctx, c.PlanID)
	if err != nil {
		return nil, err
	}
	if err := authz.CheckScope(p, "unit_id", []int64{rp.UnitID}); err != nil {
		return nil, err
	}
	var bad fault.Problems
	day, derr := time.Parse(time.DateOnly, in.CheckedOn)
	switch {
	case derr != nil:
		bad.At("checked_on", "random.error.date")
	case in.CheckedOn > s.today():
		bad.At("checked_on", "random.error.future")
	case rp.DrawnAt != nil && in.CheckedOn < rp.DrawnAt.In(workday.Zone).Format(time.DateOnly):
		// An entity is checked because it was drawn: a check dated before
		// the draw would be published as if chosen at random afterwards.
		bad.At("checked_on", "random.error.before_draw")
	}
	if !slices.Contains(Categories, in.Category) {
		bad.At("category", "random.error.category")
	}
	text(&bad, "findings", "random.error.findings", &in.Findings, in.Category != CategoryClean, 4000)
	text(&bad, "follow_up", "random.error.follow_up", &in.FollowUp, false, 1000)
	if in.Category == CategoryRectify {
		if _, err := time.Parse(time.DateOnly, in.RectifyDue); err != nil || in.RectifyDue < in.CheckedOn {
			bad.At("rectify_due", "random.error.rectify_due")
		}
	} else {
		in.RectifyDue = ""
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	r := records.RandomResult{CheckedOn: in.CheckedOn, Category: in.Category, Findings: in.Findings, FollowUp: in.FollowUp,
		RectifyDue: in.RectifyDue, Publish: in.Publish,
		PublishDue: s.Calendar.Current().AddWorkdays(workday.DateOf(day), rp.PublishDays).Format(time.DateOnly)}
	if in.Category == CategoryRectify && c.TaskID == 0 {
		if s.Open == nil {
			return nil, fmt.Errorf("randomsvc: no ledger to open the 整改 task in")
		}
		// Claim the check first, then open the task: a second submit
		// meanwhile finds the claim and is refused, instead of opening a
		// second task that no check would point to.
		if err := s.Store.ClaimRandomTask(ctx, id, c.Category); err != nil {
			return nil, claimed(err)
		}
		say := func(k string) string { return i18n.Lookup(i18n.ZhCN, k) }
		r.TaskID, err = s.Open(ctx, p, actor, Problem{Title: say("random.task.title") + c.EntityName, Text: in.Findings,
			SourceText: rp.Title + "（" + say("random.task.source") + "）" + c.EntityName + " " + c.EntityCode,
			UnitID:     rp.UnitID, Due: in.RectifyDue})
		if err != nil {
			if rerr := s.Store.ReleaseRandomTask(ctx, id, c.Category); rerr != nil {
				return nil, errors.Join(fmt.Errorf("randomsvc: open the 整改 task: %w", err), rerr)
			}
			return nil, fmt.Errorf("randomsvc: open the 整改 task: %w", err)
		}
	}
	if err := s.Store.RecordRandomResult(ctx, actor, id, r); err != nil {
		return nil, claimed(err)
	}
	return s.Store.FindRandomCheck(ctx, id)
}

// Check is one check, for the office and leaders.
func (s *Service) Check(ctx context.Context, p authz.Principal, id int64) (*records.RandomCheck, error) {
	if !authz.Allowed(p, authz.InspectionRead) {
		return nil, fault.ErrForbidden
	}
	return s.Store.FindRandomCheck(ctx, id)
}

// claimed is a conflict on a check as people read it: another result is
// being entered, or the result is published.
func claimed(err error) error {
	if fault.CodeOf(err) == fault.Conflict {
		return fault.Wrap(fault.Conflict, "random.error.claimed", err)
	}
	return err
}
