package webdeps

import (
	"context"
	"sort"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/web"
)

// desk is the supervision desk over the open notices.
type desk struct{ d *Deps }

func (s *desk) Open(ctx context.Context) (*web.DeskView, error) {
	p, _, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return nil, err
	}
	list, err := s.d.Store.OpenNotices(ctx)
	if err != nil {
		return nil, err
	}
	today := s.d.Ledger.Today()
	v := &web.DeskView{}
	counts := map[string]*web.UnitNotices{}
	for _, n := range list {
		if p.Role == authz.Liaison && !answersFor(p, n.Units) {
			continue // a liaison sees their own units' notices
		}
		overdue := n.Deadline.Before(today)
		v.Notices = append(v.Notices, web.OpenNotice{Key: n.Key, Label: supervise.LabelIn(i18n.FromContext(ctx).T, n.Label), TaskID: n.TaskID, TaskTitle: n.TaskTitle,
			PlanID: n.PlanID, PlanTitle: n.PlanTitle, Units: unitsText(n.Units), On: n.On, Deadline: n.Deadline, Overdue: overdue})
		if overdue {
			v.Overdue++
		}
		for _, u := range n.Units {
			c := counts[u.Name]
			if c == nil {
				c = &web.UnitNotices{Unit: u.Name}
				counts[u.Name] = c
			}
			c.Open++
			if overdue {
				c.Overdue++
			}
		}
	}
	for _, c := range counts {
		v.ByUnit = append(v.ByUnit, *c)
	}
	sort.Slice(v.ByUnit, func(i, j int) bool {
		a, b := v.ByUnit[i], v.ByUnit[j]
		if a.Overdue != b.Overdue {
			return a.Overdue > b.Overdue
		}
		if a.Open != b.Open {
			return a.Open > b.Open
		}
		return a.Unit < b.Unit
	})
	return v, nil
}

// answersFor reports whether the principal is liaison of one of units.
func answersFor(p authz.Principal, units []records.UnitLink) bool {
	for _, u := range units {
		if u.UnitID != 0 && p.HasUnit(u.UnitID) {
			return true
		}
	}
	return false
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
