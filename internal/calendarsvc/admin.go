package calendarsvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// The administration of the calendar: who may change it (CalendarWrite)
// and read its changes (CalendarRead) is checked here, for the page and
// the API alike.

// Upload lays the schedule in file name (its content data) over the
// calendar in scope, for p who may change the calendar.
func (s *Service) Upload(ctx context.Context, p authz.Principal, actor audit.Actor, scope, reason, name string, data []byte) (Result, error) {
	if !authz.Allowed(p, authz.CalendarWrite) {
		return Result{}, fault.ErrForbidden
	}
	days, err := ParseSchedule(name, data)
	if err != nil {
		return Result{}, err
	}
	return s.Apply(ctx, actor, scope, name, reason, days)
}

// Correct sets one day (date as YYYY-MM-DD) off, worked or back to the
// plain rule, for p who may change the calendar.
func (s *Service) Correct(ctx context.Context, p authz.Principal, actor audit.Actor, scope, reason, date, set, name string) (Result, error) {
	if !authz.Allowed(p, authz.CalendarWrite) {
		return Result{}, fault.ErrForbidden
	}
	on, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return Result{}, refusal("date", "calendar.error.date", err, "date", date)
	}
	day, err := Correction(on, set, name)
	if err != nil {
		return Result{}, err
	}
	return s.Apply(ctx, actor, scope, "单日更正 "+date, reason, []workday.Day{day})
}

// For is the calendar in force for p, who may read the calendar.
func (s *Service) For(p authz.Principal) (*workday.Calendar, error) {
	if !authz.Allowed(p, authz.CalendarRead) {
		return nil, fault.ErrForbidden
	}
	return s.Current(), nil
}

// Changes are the latest limit changes, newest first, for p who may read
// the calendar. The page shows fewer than the API: the limit is theirs.
func (s *Service) Changes(ctx context.Context, p authz.Principal, limit int) ([]records.CalendarChange, error) {
	if !authz.Allowed(p, authz.CalendarRead) {
		return nil, fault.ErrForbidden
	}
	return s.Store.CalendarChanges(ctx, limit)
}

// Change is change id with the deadlines it moved, for p who may read the
// calendar.
func (s *Service) Change(ctx context.Context, p authz.Principal, id int64) (Result, error) {
	if !authz.Allowed(p, authz.CalendarRead) {
		return Result{}, fault.ErrForbidden
	}
	c, err := s.Store.CalendarChange(ctx, id)
	if err != nil {
		return Result{}, err
	}
	moves, err := s.Store.DeadlineMoves(ctx, id)
	if err != nil {
		return Result{}, err
	}
	return Result{Change: c, Moves: moves}, nil
}
