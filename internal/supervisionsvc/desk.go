package supervisionsvc

import (
	"context"
	"sort"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/units"
)

// Desk is what waits for an answer: the 督办单 not yet answered, earliest
// deadline first, and how many each unit has.
type Desk struct {
	Notices []Notice
	ByUnit  []UnitNotices // most past deadline first
	Overdue int           // notices past their deadline
}

// Notice is one unanswered 督办单; Overdue: past its deadline.
type Notice struct {
	records.OpenNotice
	Overdue bool
}

// UnitNotices counts one unit's open notices.
type UnitNotices struct {
	Unit          string
	Open, Overdue int
}

// Desk is the open notices for whoever may read the ledger; a liaison
// sees only the notices of their own units' tasks, a bound office or
// leader those of their subtree's.
func (s *Service) Desk(ctx context.Context, p authz.Principal) (*Desk, error) {
	if !authz.Allowed(p, authz.TaskRead) {
		return nil, fault.ErrForbidden
	}
	list, err := s.Store.OpenNotices(ctx)
	if err != nil {
		return nil, err
	}
	// A notice counts for the registered unit its task's unit names
	// were matched to, under the registry's name: a task that says
	// 市发改委 and one that says 市发展改革委 are one unit's.
	registered, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	nameOf := make(map[int64]string, len(registered))
	for _, u := range registered {
		nameOf[u.ID] = u.Name
	}
	today := s.today()
	d := &Desk{}
	counts := map[string]*UnitNotices{}
	for _, n := range list {
		if p.Role == authz.Liaison && !ownNotice(p, n.Units) || !inScope(p, n.Units) {
			continue
		}
		overdue := n.Deadline.Before(today)
		d.Notices = append(d.Notices, Notice{OpenNotice: n, Overdue: overdue})
		if overdue {
			d.Overdue++
		}
		seen := map[string]bool{}
		for _, u := range n.Units {
			if p.Scope != nil && !p.InScope([]int64{u.UnitID}) {
				// A unit of the task outside the scope is no unit of
				// the scope's desk (分级督查).
				continue
			}
			name := u.Name
			if r, ok := nameOf[u.UnitID]; ok {
				name = r
			}
			if seen[name] {
				continue
			}
			seen[name] = true
			c := counts[name]
			if c == nil {
				c = &UnitNotices{Unit: name}
				counts[name] = c
			}
			c.Open++
			if overdue {
				c.Overdue++
			}
		}
	}
	for _, c := range counts {
		d.ByUnit = append(d.ByUnit, *c)
	}
	units.SortByPinyin(d.ByUnit, func(c UnitNotices) string { return c.Unit }) // ties in pinyin order
	sort.SliceStable(d.ByUnit, func(i, j int) bool {
		a, b := d.ByUnit[i], d.ByUnit[j]
		if a.Overdue != b.Overdue {
			return a.Overdue > b.Overdue
		}
		return a.Open > b.Open
	})
	return d, nil
}

// inScope reports whether a notice's task has a unit in the scope of an
// office or a leader bound to units (分级督查); without a scope, yes.
func inScope(p authz.Principal, units []records.UnitLink) bool {
	ids := make([]int64, 0, len(units))
	for _, u := range units {
		ids = append(ids, u.UnitID)
	}
	return p.InScope(ids)
}

// ownNotice reports whether the principal is liaison of one of a notice's units.
func ownNotice(p authz.Principal, units []records.UnitLink) bool {
	for _, u := range units {
		if u.UnitID != 0 && p.HasUnit(u.UnitID) {
			return true
		}
	}
	return false
}
