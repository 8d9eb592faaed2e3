package changesvc

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// MaxTitle bounds a task's title as the office adjusts it, in characters.
const MaxTitle = 500

// AdjustInput is the office's 调整 of a task: the fields that are not nil
// change, with a reason (required).
type AdjustInput struct {
	Title, Text, Requirement *string
	// Units replace the task's units (牵头 marked Lead), matched to the
	// registry as a reassignment after 挂号 is.
	Units *[]records.UnitLink
	// Due moves the deadline that is due (ISO date).
	Due    *string
	Reason string
}

// Adjust applies the office's 调整 to task id (registered, in progress or
// pending): units, deadline, content. Nothing to change, or a field that
// does not hold, is refused field by field.
func (s *Service) Adjust(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, in AdjustInput) (*records.TaskChange, error) {
	if !authz.Allowed(p, authz.TaskAssign) {
		return nil, ledgersvc.ErrForbidden
	}
	t, err := s.Ledger.Readable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if err := s.Ledger.InScope(ctx, p, authz.TaskAssign, id); err != nil {
		return nil, err
	}
	in.Reason = strings.TrimSpace(in.Reason)
	var pr fault.Problems
	if err := reasonError("reason", in.Reason, true); err != nil {
		pr.At("reason", fault.As(err).Fields["reason"])
	}
	adj := records.TaskAdjust{}
	if in.Title != nil {
		v := strings.TrimSpace(*in.Title)
		switch {
		case v == "":
			pr.At("title", "error.required")
		case utf8.RuneCountInString(v) > MaxTitle:
			pr.At("title", "error.text_too_long")
		}
		if v != t.Title {
			adj.Title = &v
		}
	}
	for _, f := range []struct {
		name    string
		in      *string
		current string
		out     **string
	}{{"text", in.Text, t.Text, &adj.Text}, {"requirement", in.Requirement, t.Requirement, &adj.Requirement}} {
		if f.in == nil {
			continue
		}
		v := strings.TrimSpace(*f.in)
		if utf8.RuneCountInString(v) > ledgersvc.MaxText {
			pr.At(f.name, "error.text_too_long")
		}
		if v != f.current {
			*f.out = &v
		}
	}
	if in.Due != nil {
		v := strings.TrimSpace(*in.Due)
		if _, ok := parseDay(v); !ok {
			pr.At("due", map[bool]string{true: "error.required", false: "error.date_invalid"}[v == ""])
		} else if v != DueDeadline(t) {
			adj.Due = &v
		}
	}
	if in.Units != nil {
		links, err := s.unitLinks(ctx, *in.Units, t)
		if err != nil {
			if e := fault.As(err); e != nil && len(e.Fields) > 0 {
				for f, k := range e.Fields {
					pr.At(f, k)
				}
			} else {
				return nil, err
			}
		} else if err := authz.CheckScope(p, "units", records.LinkIDs(links)); err != nil {
			return nil, err
		} else if !sameUnits(links, t.UnitLinks) {
			adj.Units = &links
		}
	}
	if err := pr.Err(); err != nil {
		return nil, err
	}
	if adj.Title == nil && adj.Text == nil && adj.Requirement == nil && adj.Units == nil && adj.Due == nil {
		return nil, fault.New(fault.Invalid, "adjust.error.nothing")
	}
	units := t.UnitIDs
	if adj.Units != nil {
		for _, l := range *adj.Units {
			units = append(units, l.UnitID)
		}
	}
	ch, err := s.Store.AdjustTask(ctx, actor, t.ID, adj, in.Reason, s.today(), func(ch records.TaskChange) []records.Notification {
		return changeNotes(t, ch, units)
	})
	if err != nil {
		return nil, stateError(err, "adjust.error.state")
	}
	return ch, nil
}

// unitLinks checks and matches the units of an adjustment: at least one,
// none unnamed, and each in the registry (or held by the task already).
func (s *Service) unitLinks(ctx context.Context, in []records.UnitLink, t *records.Task) ([]records.UnitLink, error) {
	var out []records.UnitLink
	for _, u := range in {
		u.Name = strings.TrimSpace(u.Name)
		if u.Name != "" || u.UnitID != 0 {
			out = append(out, u)
		}
	}
	if len(out) == 0 {
		return nil, fault.InvalidAt("units", "error.required")
	}
	return s.Intake.MatchUnits(ctx, out, t)
}

// sameUnits reports whether links are the task's units as they stand.
func sameUnits(links, current []records.UnitLink) bool {
	if len(links) != len(current) {
		return false
	}
	for i := range links {
		if links[i] != current[i] {
			return false
		}
	}
	return true
}

// Revoke revokes (撤销) task id with a reason (required): from today it
// is read-only and out of the lights, the desk, the ladder and the
// assessment, and still readable with its state 已撤销. Only the office
// revokes.
func (s *Service) Revoke(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, reason string) (*records.TaskChange, error) {
	if !authz.Allowed(p, authz.TaskAssign) {
		return nil, ledgersvc.ErrForbidden
	}
	reason = strings.TrimSpace(reason)
	if err := reasonError("reason", reason, true); err != nil {
		return nil, err
	}
	t, err := s.Ledger.Readable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if err := s.Ledger.InScope(ctx, p, authz.TaskAssign, id); err != nil {
		return nil, err
	}
	ch, err := s.Store.RevokeTask(ctx, actor, t.ID, reason, s.today(), func(ch records.TaskChange) []records.Notification {
		return changeNotes(t, ch, t.UnitIDs)
	})
	if err != nil {
		return nil, stateError(err, "revoke.error.state")
	}
	return ch, nil
}
