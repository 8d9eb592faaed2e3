package ledgersvc

import (
	"context"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
)

// Workspace is a unit's (or the office's) day: how many tasks stand where,
// what is due soon, what is overdue, and which reports are owed.
type Workspace struct {
	Counts      map[string]int `json:"counts"` // by ledger status
	DueSoon     []Task         `json:"due_soon"`
	Overdue     []Task         `json:"overdue"`
	ReportsOwed []Owed         `json:"reports_owed"`
}

// Owed is a recurring task with the periods it owes reports for.
type Owed struct {
	Task    Task         `json:"task"`
	Periods []Obligation `json:"periods"`
}

// Workspace builds p's workspace: a liaison's units' tasks, or all
// registered tasks for the office and leaders.
func (s *Service) Workspace(ctx context.Context, p authz.Principal) (*Workspace, error) {
	if !authz.Allowed(p, authz.TaskRead) {
		return nil, ErrForbidden
	}
	ws := &Workspace{Counts: map[string]int{}, DueSoon: []Task{}, Overdue: []Task{}, ReportsOwed: []Owed{}}
	base := records.TaskFilter{Sort: "due", Limit: 20, Registered: true}
	s.Scope(p, &base)
	for _, st := range ledger.Statuses {
		if st == ledger.StatusDraft {
			continue
		}
		f := base
		f.Status = st
		tasks, n, err := s.Store.FindTasks(ctx, f)
		if err != nil {
			return nil, err
		}
		ws.Counts[string(st)] = n
		for i := range tasks {
			switch st {
			case ledger.StatusDueSoon:
				ws.DueSoon = append(ws.DueSoon, s.View(&tasks[i]))
			case ledger.StatusOverdue:
				ws.Overdue = append(ws.Overdue, s.View(&tasks[i]))
			}
		}
	}
	f := base
	f.Recurring, f.Limit, f.Sort = true, 500, ""
	recurring, _, err := s.Store.FindTasks(ctx, f)
	if err != nil {
		return nil, err
	}
	for i := range recurring {
		obs, err := s.Obligations(ctx, &recurring[i])
		if err != nil {
			return nil, err
		}
		var owed []Obligation
		for _, o := range obs {
			if o.Owed {
				owed = append(owed, o)
			}
		}
		if len(owed) > 0 {
			ws.ReportsOwed = append(ws.ReportsOwed, Owed{Task: s.View(&recurring[i]), Periods: owed})
		}
	}
	return ws, nil
}
