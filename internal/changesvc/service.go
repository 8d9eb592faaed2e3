package changesvc

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// Service changes registered tasks and keeps their history.
type Service struct {
	Store Store
	// Ledger reads tasks as the ledger shows them and says who may read
	// or report on one; Intake matches unit names to the registry.
	Ledger *ledgersvc.Service
	Intake *intakesvc.Service
}

// History returns the task's changes (变更记录), oldest first, to whoever
// may read the task.
func (s *Service) History(ctx context.Context, p authz.Principal, id int64) ([]records.TaskChange, error) {
	t, err := s.Ledger.Readable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	list, err := s.Store.FindTaskChanges(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	if list == nil {
		list = []records.TaskChange{}
	}
	s.nameActors(ctx, list)
	return list, nil
}

// nameActors puts each change's actor by their display name, as the
// task's other history does: people read each other's names, not
// account names. An account without one, or gone, keeps its name.
func (s *Service) nameActors(ctx context.Context, list []records.TaskChange) {
	names := map[int64]string{}
	for i, c := range list {
		if _, ok := names[c.ActorID]; !ok {
			names[c.ActorID] = c.Actor
			if u, err := s.Store.FindUserByID(ctx, c.ActorID); err == nil && u.DisplayName != "" {
				names[c.ActorID] = u.DisplayName
			}
		}
		list[i].Actor = names[c.ActorID]
	}
}

// OpenExtensions lists the extension requests awaiting the office's
// decision that p may read: the office and leaders all, a liaison those
// of their units' tasks.
func (s *Service) OpenExtensions(ctx context.Context, p authz.Principal) ([]records.OpenExtension, error) {
	units, ok := authz.ScopeUnits(p)
	if !ok {
		return nil, ledgersvc.ErrForbidden
	}
	if units == nil && p.Role == authz.Liaison {
		units = []int64{}
	}
	return s.Store.FindOpenExtensions(ctx, units)
}

// DueDeadline is the date of the task's deadline a change of deadline
// moves (ledger.DueDeadline), for the forms to show.
func DueDeadline(t *records.Task) string {
	dues := make([]string, 0, len(t.Deadlines))
	for _, d := range t.Deadlines {
		dues = append(dues, d.Due)
	}
	return ledger.DueDeadline(t.NextDue, t.Due, dues)
}

// today is the civil date in China.
func (s *Service) today() time.Time { return s.Ledger.Today() }

// reasonError checks a reason or comment: required unless optional, at
// most ledgersvc.MaxText characters.
func reasonError(field, text string, required bool) error {
	switch {
	case text == "" && required:
		return fault.InvalidAt(field, "error.required")
	case utf8.RuneCountInString(text) > ledgersvc.MaxText:
		return fault.InvalidAt(field, "error.text_too_long")
	}
	return nil
}

// parseDay reads an ISO date, trimmed.
func parseDay(s string) (time.Time, bool) {
	d, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	return d, err == nil
}

// stateError words a refusal of the task's state: closed and revoked keep
// their own keys, any other state the change's.
func stateError(err error, key string) error {
	if e := fault.As(err); e != nil && e.Code == fault.State && e.Key == "" {
		return fault.Wrap(fault.State, key, err)
	}
	return err
}
