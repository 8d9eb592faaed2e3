package supervisionsvc

import (
	"context"
	"sort"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
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
// sees only the notices of their own units' tasks.
func (s *Service) Desk(ctx context.Context, p authz.Principal) (*Desk, error) {
	if !authz.Allowed(p, authz.TaskRead) {
		return nil, fault.ErrForbidden
	}
	list, err := s.Store.OpenNotices(ctx)
	if err != nil {
		return nil, err
	}
	today := s.today()
	d := &Desk{}
	counts := map[string]*UnitNotices{}
	for _, n := range list {
		if p.Role == authz.Liaison && !ownNotice(p, n.Units) {
			continue
		}
		overdue := n.Deadline.Before(today)
		d.Notices = append(d.Notices, Notice{OpenNotice: n, Overdue: overdue})
		if overdue {
			d.Overdue++
		}
		for _, u := range n.Units {
			c := counts[u.Name]
			if c == nil {
				c = &UnitNotices{Unit: u.Name}
				counts[u.Name] = c
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
	sort.Slice(d.ByUnit, func(i, j int) bool {
		a, b := d.ByUnit[i], d.ByUnit[j]
		if a.Overdue != b.Overdue {
			return a.Overdue > b.Overdue
		}
		if a.Open != b.Open {
			return a.Open > b.Open
		}
		return a.Unit < b.Unit
	})
	return d, nil
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
