package webdeps

import (
	"context"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/web"
)

// desk is the supervision desk over the open notices.
type desk struct{ d *Deps }

func (s *desk) Open(ctx context.Context) (*web.DeskView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	dk, err := s.d.Supervision.Desk(ctx, p)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	loc := i18n.FromContext(ctx)
	v := &web.DeskView{Overdue: dk.Overdue}
	for _, n := range dk.Notices {
		v.Notices = append(v.Notices, web.OpenNotice{Key: n.Key, Label: supervise.LabelIn(loc.T, n.Label), TaskID: n.TaskID, TaskTitle: n.TaskTitle,
			PlanID: n.PlanID, PlanTitle: n.PlanTitle, Source: n.PlanSource, Units: unitsText(n.Units), On: n.On, Deadline: n.Deadline, Overdue: n.Overdue})
	}
	for _, u := range dk.ByUnit {
		v.ByUnit = append(v.ByUnit, web.UnitNotices{Unit: u.Unit, Open: u.Open, Overdue: u.Overdue})
	}
	return v, nil
}

// unitsText writes a notice's units as the ledger does.
func unitsText(units []records.UnitLink) string {
	var leads, all []string
	for _, u := range units {
		if u.Lead {
			leads = append(leads, u.Name)
		}
		all = append(all, u.Name)
	}
	return ledger.UnitsText(leads, all)
}
