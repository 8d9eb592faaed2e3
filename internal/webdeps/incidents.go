package webdeps

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/emergency"
	"github.com/duban/duban/internal/emergencysvc"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/workday"
)

// incidents are the major incidents over the service, checked by authz:
// the office records them, the responsible unit's liaison records the
// duties done, leaders read.
type incidents struct{ d *Deps }

// incidentLights are the clocks' states as the task list's lights.
var incidentLights = map[string]string{
	emergency.Pending: "blue", emergency.DueSoon: "yellow", emergency.Overdue: "red",
	emergency.OnTime: "green", emergency.Late: "yellow", emergency.Untimed: "gray",
}

func incidentRow(loc i18n.Localizer, v *emergencysvc.View) web.IncidentRow {
	level := emergency.Level(v.Level)
	row := web.IncidentRow{ID: v.ID, Title: v.Title, Level: loc.Code("emergency.level", v.Level, level.Label()), Occurred: v.OccurredAt, Unit: v.Unit}
	for _, c := range v.Clocks {
		ic := web.IncidentClock{Kind: c.Kind, Label: loc.Code("emergency.duty", c.Kind, c.Label), Due: c.Due, Done: c.Done, State: c.State,
			StateLabel: loc.Code("emergency.state", c.State, emergency.StateLabel(c.State)),
			Light:      incidentLights[c.State],
			Why:        clockWhy(loc, level, c), Evidence: v.Duties[c.Kind].Evidence}
		if c.State == emergency.Pending || c.State == emergency.DueSoon {
			ic.Left = loc.T("emergency.left", "span", span(loc, c.Left))
		} else if c.State == emergency.Overdue {
			ic.Left = loc.T("emergency.over", "span", span(loc, c.Left))
		}
		row.Clocks = append(row.Clocks, ic)
	}
	return row
}

// visible: a liaison sees only their units' incidents.
func visible(p authz.Principal, action authz.Action, unit int64) bool {
	return p.Role != authz.Liaison || authz.Can(p, action, authz.Resource{Units: []int64{unit}})
}

func (s *incidents) List(ctx context.Context) (*web.IncidentListView, error) {
	p, _, err := s.d.acting(ctx, authz.IncidentRead)
	if err != nil {
		return nil, err
	}
	list, err := s.d.Incidents.Recent(ctx, 30)
	if err != nil {
		return nil, err
	}
	v := &web.IncidentListView{CanReport: authz.Allowed(p, authz.IncidentReport)}
	for i := range list {
		if visible(p, authz.IncidentRead, list[i].UnitID) {
			v.Rows = append(v.Rows, incidentRow(i18n.FromContext(ctx), &list[i]))
		}
	}
	if v.CanReport {
		for _, l := range emergency.Levels {
			v.Levels = append(v.Levels, web.Option{Value: string(l), Label: i18n.FromContext(ctx).Code("emergency.level", string(l), l.Label())})
		}
		units, err := s.d.Store.FindUnits(ctx)
		if err != nil {
			return nil, err
		}
		for _, u := range units {
			if u.Kind != records.UnitGroup {
				v.Units = append(v.Units, web.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.Name})
			}
		}
	}
	return v, nil
}

func (s *incidents) Get(ctx context.Context, id int64) (*web.IncidentView, error) {
	p, _, err := s.d.acting(ctx, authz.IncidentRead)
	if err != nil {
		return nil, err
	}
	v, err := s.d.Incidents.Find(ctx, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	if !visible(p, authz.IncidentRead, v.UnitID) {
		return nil, web.ErrNotFound
	}
	return &web.IncidentView{IncidentRow: incidentRow(i18n.FromContext(ctx), v), Summary: v.Summary,
		CanFulfil: authz.Allowed(p, authz.IncidentFulfil) && visible(p, authz.IncidentFulfil, v.UnitID)}, nil
}

func incidentError(err error) error {
	var bad *emergencysvc.InputError
	if errors.As(err, &bad) {
		return &web.RulesInputError{Problems: bad.Problems}
	}
	return pageError(err, "", "")
}

// localTime reads a datetime-local field, which is China time.
func localTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02T15:04", s, workday.Zone)
	if err != nil {
		return t, &web.RulesInputError{Problems: []string{"时间：请按 年-月-日 时:分 填写"}}
	}
	return t, nil
}

func (s *incidents) Report(ctx context.Context, in web.IncidentInput) (int64, error) {
	_, actor, err := s.d.acting(ctx, authz.IncidentReport)
	if err != nil {
		return 0, err
	}
	occurred, err := localTime(in.Occurred)
	if err != nil {
		return 0, err
	}
	unit, _ := strconv.ParseInt(in.Unit, 10, 64)
	if unit != 0 {
		if u, err := s.d.Store.FindUnitByID(ctx, unit); err != nil || u.Kind == records.UnitGroup {
			return 0, &web.RulesInputError{Problems: []string{"牵头单位：请从单位名录中选择一个具体单位"}}
		}
	}
	v, err := s.d.Incidents.Report(ctx, actor, records.Incident{Title: in.Title, Level: in.Level, OccurredAt: occurred, UnitID: unit, Summary: in.Summary})
	if err != nil {
		return 0, incidentError(err)
	}
	return v.ID, nil
}

func (s *incidents) Fulfil(ctx context.Context, id int64, kind, at, evidence string) error {
	p, actor, err := s.d.acting(ctx, authz.IncidentFulfil)
	if err != nil {
		return err
	}
	v, err := s.d.Incidents.Find(ctx, id)
	if err != nil {
		return pageError(err, "", "")
	}
	if !visible(p, authz.IncidentFulfil, v.UnitID) {
		return web.ErrForbidden
	}
	when, err := localTime(at)
	if err != nil {
		return err
	}
	_, err = s.d.Incidents.Fulfil(ctx, actor, id, kind, when, evidence)
	if err != nil {
		return incidentError(err)
	}
	return nil
}
