package subtasksvc

import (
	"context"
	"errors"
	"log/slog"
	"slices"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// ErrNothingToPassDown refuses to pass down a task none of whose units is
// a catch-all unit linked to a unit group.
var ErrNothingToPassDown = fault.New(fault.State, "passdown.error.no_group")

// ErrPassDownNoDue refuses to pass down a task without a deadline: the
// members' sub-tasks take the parent's.
var ErrPassDownNoDue = fault.New(fault.State, "passdown.error.no_due")

// PassDown passes task id down (分解下达): for each of its units that is
// a catch-all unit standing for a unit group (各县（市、区）政府 → 县市区),
// every member of that group gets its own sub-task — the parent's title
// and words, the member as its unit, the parent's deadline, weight 1 —
// and the parent's percent is rolled up from them. A member that already
// holds a sub-task of the task is skipped, so passing down twice adds
// nobody twice; the new sub-tasks are returned (none when every member
// holds one). The parent keeps its catch-all unit, which lists show; the
// members' sub-tasks carry the work. Only the office passes down
// (authz.TaskAssign), and only an open task that is not itself a sub-task.
func (s *Service) PassDown(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) ([]ledgersvc.Task, error) {
	if !authz.Allowed(p, authz.TaskAssign) {
		return nil, ledgersvc.ErrForbidden
	}
	t, err := s.splittable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	members, err := s.catchAllMembers(ctx, t)
	if err != nil {
		return nil, err
	}
	if len(members) == 0 {
		return nil, ErrNothingToPassDown
	}
	if t.Due == "" {
		return nil, ErrPassDownNoDue
	}
	title, text := clip(t.Title, MaxTitle), clip(t.Text, MaxText)
	if title == "" {
		title = clip(t.Text, MaxTitle)
	}
	in := make([]Input, len(members))
	for i, m := range members {
		in[i] = Input{Title: title, Text: text, UnitID: m, Due: t.Due}
	}
	reg, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	items, err := s.check(p, t, reg, in, Source{})
	if err != nil {
		return nil, err
	}
	ids, err := s.Store.CreateSubtasks(ctx, id, records.SubtaskBatch{Actor: actor, Items: items, PassDown: true})
	if err != nil {
		return nil, err
	}
	out := make([]ledgersvc.Task, 0, len(ids))
	for _, id := range ids {
		st, err := s.Store.FindTaskByID(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, s.Ledger.View(st))
	}
	return out, nil
}

// PassDownRegistered passes down, as PassDown, each of the tasks just
// registered (挂号) that is assigned to a catch-all unit standing for a
// group; a task that cannot be passed down (no deadline, a sub-task) is
// left as it is and logged, since its registration stands either way.
func (s *Service) PassDownRegistered(ctx context.Context, p authz.Principal, actor audit.Actor, ids []int64) {
	for _, id := range ids {
		t, err := s.Store.FindTaskByID(ctx, id)
		if err != nil {
			slog.Warn("pass down: read task", "task", id, "err", err)
			continue
		}
		if t.ParentID != 0 || !ledger.Workflow(t.Status).Open() {
			continue
		}
		members, err := s.catchAllMembers(ctx, t)
		if err != nil || len(members) == 0 {
			if err != nil {
				slog.Warn("pass down: members", "task", id, "err", err)
			}
			continue
		}
		if _, err := s.PassDown(ctx, p, actor, id); err != nil && !errors.Is(err, ErrPassDownNoDue) {
			slog.Warn("pass down", "task", id, "err", err)
		}
	}
}

// catchAllMembers are the members, in the registry's order of the group,
// of the unit groups that t's catch-all units stand for, without the
// catch-all units themselves.
func (s *Service) catchAllMembers(ctx context.Context, t *records.Task) ([]int64, error) {
	var members []int64
	for _, l := range t.UnitLinks {
		if l.UnitID == 0 {
			continue
		}
		u, err := s.Store.FindUnitByID(ctx, l.UnitID)
		if err != nil {
			return nil, err
		}
		if u.MembersGroupID == 0 {
			continue
		}
		g, err := s.Store.FindUnitGroupByID(ctx, u.MembersGroupID)
		if err != nil {
			return nil, err
		}
		for _, m := range g.Members {
			if m != u.ID && !slices.Contains(members, m) {
				members = append(members, m)
			}
		}
	}
	return members, nil
}

// MayPassDown reports whether p may pass t down: whether to offer the
// button. The task page shows it only for a task with a catch-all unit.
func MayPassDown(p authz.Principal, t *records.Task) bool {
	return authz.Allowed(p, authz.TaskAssign) && t.ParentID == 0 && ledger.Workflow(t.Status).Open()
}

// clip cuts s to n characters.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
