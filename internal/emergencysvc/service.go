// Package emergencysvc keeps the major incidents and their disclosure
// duties over the store: the office records an incident with its grade
// and time, the responsible unit records when the authoritative
// information went out and when the press conference was held, with the
// evidence, and the clocks of package emergency say how it stands.
//
// Who may report, read and record is checked here (Visible is the one
// rule of a liaison's units), and a refusal is a *fault.Error with
// catalogue keys at the fields.
package emergencysvc

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/emergency"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// Service is the incidents' desk.
type Service struct {
	Store Store
	Now   func() time.Time
}

// View is an incident with its clocks as they stand now.
type View struct {
	records.Incident
	Clocks []emergency.Clock
}

// Visible reports whether p may do action to an incident led by unit: a
// liaison only to their units' incidents, an office or a leader bound to
// units (分级督查) only to those led by a unit of its scope (one led by
// no unit is the city's), the other roles to all that action allows them.
func Visible(p authz.Principal, action authz.Action, unit int64) bool {
	return authz.Allowed(p, action) && (p.Role != authz.Liaison || authz.Can(p, action, authz.Resource{Units: []int64{unit}})) &&
		p.InScope([]int64{unit})
}

// Report records an incident, for p who may report one. Its lead unit,
// when named, is one of the registry and no group (市级有关部门 is no one
// unit: one unit must publish).
func (s *Service) Report(ctx context.Context, p authz.Principal, actor audit.Actor, in records.Incident) (*View, error) {
	if !authz.Allowed(p, authz.IncidentReport) {
		return nil, fault.ErrForbidden
	}
	var bad fault.Problems
	in.Title, in.Summary = strings.TrimSpace(in.Title), strings.TrimSpace(in.Summary)
	if in.Title == "" || utf8.RuneCountInString(in.Title) > 200 {
		bad.At("title", "emergency.error.title")
	}
	if !emergency.Level(in.Level).Valid() {
		bad.At("level", "emergency.error.level")
	}
	switch {
	case in.OccurredAt.IsZero():
		bad.At("occurred_at", "emergency.error.occurred_missing")
	case in.OccurredAt.After(s.Now().Add(5 * time.Minute)):
		bad.At("occurred_at", "emergency.error.occurred_future")
	}
	if utf8.RuneCountInString(in.Summary) > 4000 {
		bad.At("summary", "emergency.error.summary")
	}
	if in.UnitID != 0 {
		u, err := s.Store.FindUnitByID(ctx, in.UnitID)
		if err != nil && !errors.Is(err, fault.ErrNotFound) {
			return nil, err
		}
		if err != nil || u.Kind == records.UnitGroup {
			bad.At("unit_id", "emergency.error.unit")
		}
	}
	if in.UnitID == 0 && p.Scope != nil {
		// A bound office's incident is led by a unit of its scope, or it
		// would not see what it reported.
		bad.At("unit_id", "error.required")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	if err := authz.CheckScope(p, "unit_id", []int64{in.UnitID}); err != nil {
		return nil, err
	}
	id, err := s.Store.CreateIncident(ctx, actor, in)
	if err != nil {
		return nil, err
	}
	return s.find(ctx, id)
}

// Fulfil records that a duty was done at a time, with its evidence: the
// address of what was published, or a description of the conference. It
// is the office's, or the liaison's of the incident's lead unit.
func (s *Service) Fulfil(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, kind string, at time.Time, evidence string) (*View, error) {
	if !authz.Allowed(p, authz.IncidentFulfil) {
		return nil, fault.ErrForbidden
	}
	inc, err := s.Store.FindIncident(ctx, id)
	if err != nil {
		return nil, err
	}
	if !Visible(p, authz.IncidentFulfil, inc.UnitID) {
		return nil, fault.ErrForbidden
	}
	var bad fault.Problems
	if emergency.DutyLabel(kind) == "" {
		bad.At("kind", "emergency.error.duty")
	}
	switch {
	case at.IsZero():
		at = s.Now()
	case at.Before(inc.OccurredAt):
		bad.At("done_at", "emergency.error.done_early")
	case at.After(s.Now().Add(5 * time.Minute)):
		bad.At("done_at", "emergency.error.done_future")
	}
	evidence = strings.TrimSpace(evidence)
	if evidence == "" || utf8.RuneCountInString(evidence) > 1000 {
		bad.At("evidence", "emergency.error.evidence")
	} else if strings.Contains(evidence, "://") {
		if u, err := url.Parse(evidence); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			bad.At("evidence", "emergency.error.evidence_url")
		}
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	err = s.Store.RecordIncidentDuty(ctx, actor, id, kind, records.IncidentDuty{DoneAt: at, Evidence: evidence})
	if errors.Is(err, fault.ErrConflict) {
		return nil, &fault.Error{Code: fault.Conflict, Fields: map[string]string{"kind": "emergency.error.duty_done." + kind}, Err: err}
	}
	if err != nil {
		return nil, err
	}
	return s.find(ctx, id)
}

// Find is one incident with its clocks, for p who may read it: another
// unit's incident is not found for a liaison, its existence none of
// theirs.
func (s *Service) Find(ctx context.Context, p authz.Principal, id int64) (*View, error) {
	if !authz.Allowed(p, authz.IncidentRead) {
		return nil, fault.ErrForbidden
	}
	v, err := s.find(ctx, id)
	if err != nil {
		return nil, err
	}
	if !Visible(p, authz.IncidentRead, v.UnitID) {
		return nil, fmt.Errorf("emergencysvc: incident %d is another unit's: %w", id, fault.ErrNotFound)
	}
	return v, nil
}

// List are the incidents of the last days that p may read, the latest
// first.
func (s *Service) List(ctx context.Context, p authz.Principal, days int) ([]View, error) {
	if !authz.Allowed(p, authz.IncidentRead) {
		return nil, fault.ErrForbidden
	}
	all, err := s.Recent(ctx, days)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(v View) bool { return !Visible(p, authz.IncidentRead, v.UnitID) }), nil
}

// Units are the units that may lead an incident: the registry's, but
// the groups.
func (s *Service) Units(ctx context.Context) ([]records.Unit, error) {
	units, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(units, func(u records.Unit) bool { return u.Kind == records.UnitGroup }), nil
}

func (s *Service) find(ctx context.Context, id int64) (*View, error) {
	inc, err := s.Store.FindIncident(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.view(*inc), nil
}

// Recent are every incident of the last days, the latest first, for the
// public figures, which count them (no incident names a person); the
// desk reads List.
func (s *Service) Recent(ctx context.Context, days int) ([]View, error) {
	list, err := s.Store.FindIncidents(ctx, s.Now().AddDate(0, 0, -days))
	if err != nil {
		return nil, err
	}
	out := make([]View, len(list))
	for i := range list {
		out[i] = *s.view(list[i])
	}
	return out, nil
}

func (s *Service) view(inc records.Incident) *View {
	done := map[string]time.Time{}
	for k, d := range inc.Duties {
		done[k] = d.DoneAt
	}
	return &View{Incident: inc, Clocks: emergency.Clocks(emergency.Level(inc.Level), inc.OccurredAt, done, s.Now())}
}
