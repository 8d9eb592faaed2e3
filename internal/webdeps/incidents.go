package webdeps

import (
	"context"
	"strconv"
	"time"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/emergency"
	"github.com/duban/duban/internal/emergencysvc"
	"github.com/duban/duban/internal/fault"
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
			Why:        emergencysvc.Why(loc, level, c), Evidence: v.Duties[c.Kind].Evidence}
		if c.State == emergency.Pending || c.State == emergency.DueSoon {
			ic.Left = loc.T("emergency.left", "span", emergencysvc.Span(loc, c.Left))
		} else if c.State == emergency.Overdue {
			ic.Left = loc.T("emergency.over", "span", emergencysvc.Span(loc, c.Left))
		}
		row.Clocks = append(row.Clocks, ic)
	}
	return row
}

func (s *incidents) List(ctx context.Context) (*web.IncidentListView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	list, err := s.d.Incidents.List(ctx, p, 30)
	if err != nil {
		return nil, refused(ctx, err)
	}
	v := &web.IncidentListView{CanReport: authz.Allowed(p, authz.IncidentReport)}
	for i := range list {
		v.Rows = append(v.Rows, incidentRow(i18n.FromContext(ctx), &list[i]))
	}
	if v.CanReport {
		for _, l := range emergency.Levels {
			v.Levels = append(v.Levels, web.Option{Value: string(l), Label: i18n.FromContext(ctx).Code("emergency.level", string(l), l.Label())})
		}
		units, err := s.d.Incidents.Units(ctx)
		if err != nil {
			return nil, err
		}
		v.Units = unitOptions(units)
	}
	return v, nil
}

func (s *incidents) Get(ctx context.Context, id int64) (*web.IncidentView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	v, err := s.d.Incidents.Find(ctx, p, id)
	if err != nil {
		return nil, refused(ctx, err)
	}
	return &web.IncidentView{IncidentRow: incidentRow(i18n.FromContext(ctx), v), Summary: v.Summary,
		CanFulfil: emergencysvc.Visible(p, authz.IncidentFulfil, v.UnitID)}, nil
}

// incidentOrder is the incident forms' fields, as the service names them.
var incidentOrder = []string{"title", "level", "occurred_at", "unit_id", "summary", "kind", "done_at", "evidence"}

// localTime reads a datetime-local field, which is China time.
func localTime(s, field string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02T15:04", s, workday.Zone)
	if err != nil {
		return t, fault.Field(field, "emergency.error.local_time")
	}
	return t, nil
}

func (s *incidents) Report(ctx context.Context, in web.IncidentInput) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	occurred, err := localTime(in.Occurred, "occurred_at")
	if err != nil {
		return 0, refused(ctx, err)
	}
	unit, _ := strconv.ParseInt(in.Unit, 10, 64)
	v, err := s.d.Incidents.Report(ctx, p, actor, records.Incident{Title: in.Title, Level: in.Level, OccurredAt: occurred, UnitID: unit, Summary: in.Summary})
	if err != nil {
		return 0, refused(ctx, err, incidentOrder...)
	}
	return v.ID, nil
}

func (s *incidents) Fulfil(ctx context.Context, id int64, kind, at, evidence string) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	when, err := localTime(at, "done_at")
	if err != nil {
		return refused(ctx, err)
	}
	_, err = s.d.Incidents.Fulfil(ctx, p, actor, id, kind, when, evidence)
	return refused(ctx, err, incidentOrder...)
}
