package assesssvc

import (
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
)

// Who may do what with the scores, decided here for the pages and the
// API alike:
//   - the rankings and the 通报: whoever may read the ledger (TaskRead);
//   - one unit's explanation, and its history: the office and the
//     leaders for every unit, a liaison for their own units only — the
//     lines name the unit's tasks and notices, which a liaison reads only
//     for their own units;
//   - a unit's 12345 三率: whoever may read that unit's tickets
//     (TicketRead on the unit), as on the 12345 statistics page;
//   - the records: whoever may read the ledger, a liaison their own
//     units' records only;
//   - the scheme draft, saving and publishing it, adding and revoking a
//     record: the office (TaskSupervise). The scheme in force and its
//     formula are public (Scheme).

// CanSupervise reports whether p keeps the scheme and the records: the
// pages show the edit buttons for them.
func (s *Service) CanSupervise(p authz.Principal) bool { return authz.Allowed(p, authz.TaskSupervise) }

// MayOpenUnit reports whether p may open unit's explanation: the office
// and leaders every unit's, a liaison their own units' only (the lines
// name the unit's tasks and notices). The ranking links only those.
func (s *Service) MayOpenUnit(p authz.Principal, unit int64) bool { return mayReadUnit(p, unit) == nil }

// mayRead checks p may read the scores at all.
func mayRead(p authz.Principal) error {
	if !authz.Allowed(p, authz.TaskRead) {
		return fault.ErrForbidden
	}
	return nil
}

// mayReadUnit checks p may read unit's explanation.
func mayReadUnit(p authz.Principal, unit int64) error {
	if !authz.Can(p, authz.TaskRead, authz.Resource{Units: []int64{unit}}) {
		return fault.ErrForbidden
	}
	return nil
}

// seesRates reports whether p may see unit's 12345 三率.
func seesRates(p authz.Principal, unit int64) bool {
	return authz.Can(p, authz.TicketRead, authz.Resource{Units: []int64{unit}})
}

// maySupervise checks p keeps the scheme and the records.
func maySupervise(p authz.Principal) error {
	if !authz.Allowed(p, authz.TaskSupervise) {
		return fault.ErrForbidden
	}
	return nil
}
