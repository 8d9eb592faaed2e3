package intakesvc

import (
	"context"
	"errors"
	"math"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/units"
)

// Plausible years of a plan: from the founding of the PRC to as far
// ahead as a plan's deadlines reach. 0 is a plan whose year is unknown.
const (
	minYear = 1949
	maxYear = 2100
)

// UpdatePlan saves a draft's own fields that are set: the title (not
// blank, at most MaxPlanTitle characters), 文号 and issuer (MaxName),
// date (an ISO date or "") and year (plausible, or 0 for unknown). It
// returns the plan as lists show it.
func (s *Service) UpdatePlan(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, up records.PlanUpdate) (*ledgersvc.Plan, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, ErrForbidden
	}
	var c checks
	if up.Title != nil && strings.TrimSpace(*up.Title) == "" {
		c.add("title", "error.required")
	}
	c.length("title", up.Title, MaxPlanTitle, "error.title_too_long")
	c.name("doc_number", up.DocNumber)
	c.name("issuer", up.Issuer)
	if up.IssuedOn != nil {
		trimmed := strings.TrimSpace(*up.IssuedOn)
		up.IssuedOn = &trimmed
		if !isDate(trimmed) && trimmed != "" {
			c.add("issued_on", "error.date_invalid")
		}
	}
	if up.Year != nil && *up.Year != 0 && (*up.Year < minYear || *up.Year > maxYear) {
		c.add("year", "plans.error.year")
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	// A registered plan keeps its fields as registered, but its title may
	// still be corrected (a plan named by its file at import): a title
	// alone renames it.
	if up.Title != nil && up.DocNumber == nil && up.Issuer == nil && up.IssuedOn == nil && up.Year == nil {
		if pl, err := s.Store.FindPlanByID(ctx, id); err != nil {
			return nil, err
		} else if pl.Status != "draft" {
			return s.RenamePlan(ctx, p, actor, id, *up.Title)
		}
	}
	if err := reviewError(s.Store.UpdatePlan(ctx, actor, id, up)); err != nil {
		return nil, err
	}
	return s.planView(ctx, id)
}

// RenamePlan gives plan id, draft or registered, a new title (required,
// at most MaxPlanTitle characters), audited as plan.rename: every plan has
// a name the office chose, whenever it finds the one it has wrong.
func (s *Service) RenamePlan(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, title string) (*ledgersvc.Plan, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, ErrForbidden
	}
	title = strings.TrimSpace(title)
	var c checks
	if title == "" {
		c.add("title", "error.required")
	}
	c.length("title", &title, MaxPlanTitle, "error.title_too_long")
	if err := c.err(); err != nil {
		return nil, err
	}
	if err := s.Store.RenamePlan(ctx, actor, id, title); err != nil {
		return nil, err
	}
	return s.planView(ctx, id)
}

// UpdateTask saves the office's corrections to a task; only the fields
// and lists that are set change, so a form or a request that leaves a
// list out never clears it. With plan not 0 it is a review edit (the
// review page names the plan): the task must be in that plan and the plan
// still a draft, checked in the edit's own transaction; a registered
// task's assignment changes through PATCH /api/v1/tasks/{id} (plan 0),
// at review or after 挂号. The title, if set, is not blank; lengths are
// within MaxName and MaxLongText; every unit has a name, and a unit chosen
// from the registry exists; dates are ISO dates and cadences known ones.
func (s *Service) UpdateTask(ctx context.Context, p authz.Principal, actor audit.Actor, plan, task int64, up records.TaskUpdate) (*ledgersvc.Task, error) {
	if !authz.Allowed(p, authz.TaskAssign) {
		return nil, ErrForbidden
	}
	if err := s.Ledger.InScope(ctx, p, authz.TaskAssign, task); err != nil {
		return nil, err
	}
	var c checks
	if up.Title != nil && strings.TrimSpace(*up.Title) == "" {
		c.add("title", "error.required")
	}
	c.name("title", up.Title)
	c.long("text", up.Text)
	c.long("goal", up.Goal)
	c.name("owner", up.Owner)
	c.long("requirement", up.Requirement)
	c.long("measure", up.Measure)
	checkContent(&c, up.Path, up.Units, up.Deadlines, up.Targets, up.Milestones, up.Weight)
	if err := c.err(); err != nil {
		return nil, err
	}
	if up.Units != nil {
		current, err := s.Store.FindTaskByID(ctx, task)
		if err != nil {
			return nil, err
		}
		links, err := s.unitLinks(ctx, *up.Units, current)
		if err != nil {
			return nil, err
		}
		if err := authz.CheckScope(p, "units", records.LinkIDs(links)); err != nil {
			return nil, err
		}
		up.Units = &links
	}
	up.Plan = plan
	t, err := s.Store.UpdateTask(ctx, actor, task, up)
	if err != nil {
		return nil, reviewError(err)
	}
	v := s.Ledger.View(t)
	return &v, nil
}

// checkContent checks the parts of a task an edit sets.
func checkContent(c *checks, path *[]string, units *[]records.UnitLink, deadlines *[]plandoc.Deadline, targets *[]plandoc.Target,
	milestones *[]plandoc.Milestone, weight **float64) {
	if path != nil {
		if len(*path) == 0 {
			c.add("path", "error.required")
		}
		for _, l := range *path {
			if strings.TrimSpace(l) == "" {
				c.add("path", "error.required")
			}
		}
		joined := strings.Join(*path, ".")
		c.name("path", &joined)
	}
	if units != nil {
		for _, u := range *units {
			c.name("units", &u.Name)
		}
	}
	if deadlines != nil {
		for _, d := range *deadlines {
			// A cadence alone is no deadline anyone can read: a row needs
			// its words or its date.
			if strings.TrimSpace(d.Text) == "" && d.Due == "" {
				c.add("deadlines", "plans.error.deadline_empty")
			}
			if d.Due != "" && !isDate(d.Due) {
				c.add("deadlines", "error.date_invalid")
			}
			if d.Every != "" && !knownCadence(d.Every) {
				c.add("deadlines", "plans.error.every")
			}
		}
	}
	if targets != nil {
		for _, g := range *targets {
			if math.IsNaN(g.Value) || math.IsInf(g.Value, 0) {
				c.add("targets", "error.number_invalid")
			}
		}
	}
	if milestones != nil {
		for _, m := range *milestones {
			if m.Due != "" && !isDate(m.Due) {
				c.add("milestones", "error.date_invalid")
			}
		}
	}
	if weight != nil && *weight != nil {
		if w := **weight; math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
			c.add("weight", "error.number_invalid")
		}
	}
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

// unitIndex is the registry, to match unit names as the review does.
func (s *Service) unitIndex(ctx context.Context) (*units.Index, error) {
	reg, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	list := make([]units.Unit, len(reg))
	for i, u := range reg {
		list[i] = units.Unit{ID: u.ID, Name: u.Name, Aliases: u.Aliases}
	}
	return units.NewIndex(list), nil
}

// unitLinks checks the units of an edit of task (nil: a task being added
// to a draft): each has a name, and a registry unit chosen by id exists.
// A name that the registry would not match to its chosen unit takes the
// unit's registered name: the review matches by name, and the ledger
// should show the official name rather than the document's abbreviation.
//
// A unit given by name only is left for the review to match while the
// task is a draft (the review flags names it does not know, confirming
// counts them, and 新建单位 saves a name before registering it). On a
// registered task it must name a registered unit, by its name or an
// alias, and is linked to it, or no unit would ever see the task; a name
// the registry does not know is refused (plans.error.unit_unregistered),
// unless the task holds it already unlinked, as confirmed.
func (s *Service) unitLinks(ctx context.Context, in []records.UnitLink, task *records.Task) ([]records.UnitLink, error) {
	reg, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]records.Unit, len(reg))
	list := make([]units.Unit, len(reg))
	for i, u := range reg {
		byID[u.ID] = u
		list[i] = units.Unit{ID: u.ID, Name: u.Name, Aliases: u.Aliases}
	}
	registered := task != nil && task.Status != string(ledger.Draft)
	held := map[string]bool{}
	if registered {
		for _, l := range task.UnitLinks {
			if l.UnitID == 0 {
				held[strings.TrimSpace(l.Name)] = true
			}
		}
	}
	ix := units.NewIndex(list)
	out := make([]records.UnitLink, 0, len(in))
	for _, l := range in {
		l.Name = strings.TrimSpace(l.Name)
		switch {
		case l.UnitID != 0:
			u, ok := byID[l.UnitID]
			if !ok {
				return nil, invalid("units", "error.unit_not_found")
			}
			if ix.Match(l.Name).UnitID != u.ID {
				l.Name = u.Name
			}
		case l.Name == "":
			return nil, invalid("units", "plans.error.unit_name")
		case registered:
			l.UnitID = ix.Match(l.Name).UnitID
			if l.UnitID == 0 && !held[l.Name] {
				return nil, invalid("units", "plans.error.unit_unregistered")
			}
		}
		out = append(out, l)
	}
	return out, nil
}

// planView is a plan as lists show it, read after an edit.
func (s *Service) planView(ctx context.Context, id int64) (*ledgersvc.Plan, error) {
	pl, err := s.Store.FindPlanByID(ctx, id)
	if err != nil {
		return nil, err
	}
	v := ledgersvc.PlanOf(pl)
	return &v, nil
}

// taskView is a task as the ledger shows it, read after an edit.
func (s *Service) taskView(ctx context.Context, id int64) (*ledgersvc.Task, error) {
	t, err := s.Store.FindTaskByID(ctx, id)
	if err != nil {
		return nil, err
	}
	v := s.Ledger.View(t)
	return &v, nil
}

// reviewError turns the store's refusal of a review edit on a confirmed
// plan into the office's words.
func reviewError(err error) error {
	if errors.Is(err, records.ErrNotDraft) {
		return &ConflictError{Key: "plans.error.not_draft", Err: err}
	}
	return err
}
