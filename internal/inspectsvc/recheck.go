package inspectsvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
)

// RecheckInput is the office's 复查 of a finding.
type RecheckInput struct {
	HeldOn string // the day of the 复查, ISO; "" today
	Passed bool
	Note   string // required when it failed: what is still wrong
	NewDue string // required when it failed: the new deadline, after today
}

// Recheck records the office's 复查 of a finding still being rectified.
// Passed, the finding is passed and, when the unit has applied for 销号,
// its task is closed. Failed, the finding goes back to rectification by
// the new deadline: an application for 销号 is returned with the note and
// the task's deadline moves, so that its lights and the 督办单 ladder
// count from the new date. Each step is audited; the 复查 is recorded
// first, and the task's steps are the ledger's own.
func (s *Service) Recheck(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, in RecheckInput) (*Finding, error) {
	if !authz.Allowed(p, authz.InspectionWrite) {
		return nil, fault.ErrForbidden
	}
	f, err := s.finding(ctx, id)
	if err != nil {
		return nil, err
	}
	if f.State != records.FindingRectifying {
		return nil, fault.Wrap(fault.State, "inspection.error.rechecked", nil)
	}
	var bad fault.Problems
	if in.HeldOn == "" {
		in.HeldOn = s.today()
	}
	switch {
	case !validDate(in.HeldOn):
		bad.At("held_on", "inspection.error.date")
	case in.HeldOn > s.today():
		bad.At("held_on", "inspection.error.held_future")
	case in.HeldOn < f.HeldOn:
		bad.At("held_on", "inspection.error.recheck_early")
	}
	text(&bad, "note", "inspection.error.note", &in.Note, !in.Passed, MaxNote)
	if in.Passed {
		in.NewDue = ""
	} else {
		switch {
		case !validDate(in.NewDue):
			bad.At("new_due", "inspection.error.date")
		case in.NewDue <= s.today():
			bad.At("new_due", "inspection.error.new_due")
		}
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	if !in.Passed && f.TaskStatus == "closed" {
		// The ledger has no way back from 销号: a problem found again is
		// a new finding.
		return nil, fault.Wrap(fault.State, "inspection.error.task_closed", nil)
	}
	if err := s.Store.RecordFindingRecheck(ctx, actor, id, records.FindingCheck{HeldOn: in.HeldOn, Passed: in.Passed, Note: in.Note, NewDue: in.NewDue}); err != nil {
		return nil, err
	}
	if f.TaskID != 0 {
		if err := s.stepTask(ctx, actor, f.TaskID, in); err != nil {
			return nil, err
		}
	}
	return s.finding(ctx, id)
}

// stepTask carries a 复查 into the ledger: a pending 销号 closed or
// returned, a failed one's deadline moved. A task already closed (a
// passed 复查 after the office's own 销号) is left as it is.
func (s *Service) stepTask(ctx context.Context, actor audit.Actor, taskID int64, in RecheckInput) error {
	t, err := s.Store.FindTaskByID(ctx, taskID)
	if err != nil {
		return err
	}
	if t.Status == "pending" {
		if err := s.Store.DecideClose(ctx, actor, taskID, in.Passed, in.Note); err != nil {
			return err
		}
	}
	if in.Passed || t.Status == "closed" {
		return nil
	}
	ds := []plandoc.Deadline{{Text: DeadlineText(in.NewDue), Due: in.NewDue}}
	_, err = s.Store.UpdateTask(ctx, actor, taskID, records.TaskUpdate{Deadlines: &ds})
	return err
}

// DeadlineText words an ISO date as a task's 时间要求: 2026年12月20日前.
func DeadlineText(iso string) string {
	d, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return d.Format("2006年1月2日前")
}
