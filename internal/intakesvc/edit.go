package intakesvc

import (
	"context"
	"errors"
	"math"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/units"
)

// Plausible years of a plan: from the founding of the PRC to as far
// ahead as a plan's deadlines reach. 0 is a plan whose year is unknown.
const (
	minYear = 1949
	maxYear = 2100
)

// UpdatePlan saves a draft's own fields that are set: the title (not
// blank), 文号, issuer, date (an ISO date or "") and year (plausible, or 0
// for unknown).
func (s *Service) UpdatePlan(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, up store.PlanUpdate) error {
	if !authz.Allowed(p, authz.PlanWrite) {
		return ErrForbidden
	}
	bad := &InputError{}
	if up.Title != nil && strings.TrimSpace(*up.Title) == "" {
		bad.Problems = append(bad.Problems, Problem{"title", "error.required"})
	}
	if up.IssuedOn != nil {
		trimmed := strings.TrimSpace(*up.IssuedOn)
		up.IssuedOn = &trimmed
		if !isDate(trimmed) && trimmed != "" {
			bad.Problems = append(bad.Problems, Problem{"issued_on", "error.date_invalid"})
		}
	}
	if up.Year != nil && *up.Year != 0 && (*up.Year < minYear || *up.Year > maxYear) {
		bad.Problems = append(bad.Problems, Problem{"year", "plans.error.year"})
	}
	if len(bad.Problems) > 0 {
		return bad
	}
	return reviewError(s.Store.UpdatePlan(ctx, actor, id, up))
}

// UpdateTask saves the office's corrections to a task of plan (0: of
// whichever plan it is in, as PATCH /api/v1/tasks/{id} names none): at
// review, or after 挂号 to change an assignment. The title, if set, is not
// blank; every unit has a name, and a unit chosen from the registry
// exists; dates are ISO dates and cadences known ones.
func (s *Service) UpdateTask(ctx context.Context, p authz.Principal, actor audit.Actor, plan, task int64, up store.TaskUpdate) (*store.Task, error) {
	if !authz.Allowed(p, authz.TaskAssign) {
		return nil, ErrForbidden
	}
	t, err := s.Store.FindTaskByID(ctx, task)
	if err != nil {
		return nil, err
	}
	if plan != 0 && t.PlanID != plan {
		return nil, store.ErrNotFound
	}
	if up.Title != nil && strings.TrimSpace(*up.Title) == "" {
		return nil, invalid("title", "error.required")
	}
	if err := checkContent(up.Path, up.Deadlines, up.Targets, up.Milestones, up.Weight); err != nil {
		return nil, err
	}
	if up.Units != nil {
		links, err := s.unitLinks(ctx, *up.Units)
		if err != nil {
			return nil, err
		}
		up.Units = &links
	}
	return s.Store.UpdateTask(ctx, actor, task, up)
}

// checkContent checks the parts of a task an edit sets.
func checkContent(path *[]string, deadlines *[]plandoc.Deadline, targets *[]plandoc.Target, milestones *[]plandoc.Milestone, weight **float64) error {
	if path != nil {
		if len(*path) == 0 {
			return invalid("path", "error.required")
		}
		for _, l := range *path {
			if strings.TrimSpace(l) == "" {
				return invalid("path", "error.required")
			}
		}
	}
	if deadlines != nil {
		for _, d := range *deadlines {
			if d.Due != "" && !isDate(d.Due) {
				return invalid("deadlines", "error.date_invalid")
			}
			if d.Every != "" && !knownCadence(d.Every) {
				return invalid("deadlines", "plans.error.every")
			}
		}
	}
	if targets != nil {
		for _, g := range *targets {
			if math.IsNaN(g.Value) || math.IsInf(g.Value, 0) {
				return invalid("targets", "error.number_invalid")
			}
		}
	}
	if milestones != nil {
		for _, m := range *milestones {
			if m.Due != "" && !isDate(m.Due) {
				return invalid("milestones", "error.date_invalid")
			}
		}
	}
	if weight != nil && *weight != nil {
		if w := **weight; math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
			return invalid("weight", "error.number_invalid")
		}
	}
	return nil
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

func knownCadence(every string) bool {
	switch every {
	case plandoc.EveryYear, plandoc.EveryHalfYear, plandoc.EveryQuarter, plandoc.EveryMonth:
		return true
	}
	return false
}

// unitLinks checks the units of an edit: each has a name, and a registry
// unit the office chose exists. A name that the registry would not match
// to its chosen unit takes the unit's registered name: the review matches
// by name, and the ledger should show the official name rather than the
// document's abbreviation.
func (s *Service) unitLinks(ctx context.Context, in []store.UnitLink) ([]store.UnitLink, error) {
	reg, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]store.Unit, len(reg))
	list := make([]units.Unit, len(reg))
	for i, u := range reg {
		byID[u.ID] = u
		list[i] = units.Unit{ID: u.ID, Name: u.Name, Aliases: u.Aliases}
	}
	ix := units.NewIndex(list)
	out := make([]store.UnitLink, 0, len(in))
	for _, l := range in {
		l.Name = strings.TrimSpace(l.Name)
		if l.UnitID != 0 {
			u, ok := byID[l.UnitID]
			if !ok {
				return nil, invalid("units", "error.unit_not_found")
			}
			if ix.Match(l.Name).UnitID != u.ID {
				l.Name = u.Name
			}
		}
		if l.Name == "" {
			return nil, invalid("units", "plans.error.unit_name")
		}
		out = append(out, l)
	}
	return out, nil
}

// reviewError turns the store's refusal of a review edit on a confirmed
// plan into the office's words.
func reviewError(err error) error {
	if errors.Is(err, store.ErrNotDraft) {
		return &ConflictError{Key: "plans.error.not_draft", Err: err}
	}
	return err
}
