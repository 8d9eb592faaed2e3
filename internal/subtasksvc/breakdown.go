package subtasksvc

import (
	"context"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// Breakdown is a task's decomposition as its page and the API show it:
// its sub-tasks with their progress, the parent's rolled-up percent,
// whether p may split it further, and the units a sub-task may go to.
type Breakdown struct {
	TaskID   int64            `json:"task_id"`
	Subtasks []ledgersvc.Task `json:"subtasks"`
	RollUp   *float64         `json:"rollup"` // the parent's percent from its sub-tasks; null without sub-tasks
	CanSplit bool             `json:"can_split"`
	Units    []records.Unit   `json:"units,omitempty"`  // where p may send a sub-task, when CanSplit
	Parent   *ledgersvc.Task  `json:"parent,omitempty"` // the task this one is a sub-task of, when p may read it
	// PassDown counts the members of the groups the task's catch-all
	// units stand for (分解下达), 0 when it has none; CanPassDown says
	// whether p may pass it down to those of them without a sub-task.
	PassDown    int  `json:"pass_down_members,omitempty"`
	CanPassDown bool `json:"can_pass_down,omitempty"`
}

// List reads task id's breakdown for whoever may read the task.
func (s *Service) List(ctx context.Context, p authz.Principal, id int64) (*Breakdown, error) {
	t, err := s.Ledger.Readable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	b := &Breakdown{TaskID: t.ID, Subtasks: []ledgersvc.Task{}}
	if t.ParentID != 0 {
		if pt, err := s.Ledger.Readable(ctx, p, t.ParentID); err == nil {
			v := s.Ledger.View(pt)
			b.Parent = &v
		}
		return b, nil
	}
	kids, err := s.Store.FindSubtasks(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	parts := make([]ledger.Part, 0, len(kids))
	for i := range kids {
		v := s.Ledger.View(&kids[i])
		b.Subtasks = append(b.Subtasks, v)
		parts = append(parts, ledger.Part{Weight: kids[i].PartWeight, Percent: kids[i].Percent, Closed: kids[i].Status == string(ledger.Closed)})
	}
	b.RollUp = ledger.RollUp(parts)
	members, err := s.catchAllMembers(ctx, t)
	if err != nil {
		return nil, err
	}
	b.PassDown = len(members)
	b.CanPassDown = b.PassDown > 0 && t.Due != "" && MayPassDown(p, t) && !heldByAll(kids, members)
	b.CanSplit = mayDivide(p, t) && ledger.Workflow(t.Status).Open()
	if b.CanSplit {
		if b.Units, err = s.targets(ctx, p, t); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// targets are the units p may give a sub-task of t: the task's own
// units, or for the office any registered unit.
func (s *Service) targets(ctx context.Context, p authz.Principal, t *records.Task) ([]records.Unit, error) {
	reg, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	own := map[int64]bool{}
	for _, id := range t.UnitIDs {
		own[id] = true
	}
	var first, rest []records.Unit
	for _, u := range reg {
		switch {
		case own[u.ID]:
			first = append(first, u)
		case p.Role == authz.Office:
			rest = append(rest, u)
		}
	}
	return append(first, rest...), nil
}

// heldByAll reports whether every member holds one of the sub-tasks kids.
func heldByAll(kids []records.Task, members []int64) bool {
	held := map[int64]bool{}
	for _, k := range kids {
		for _, u := range k.UnitIDs {
			held[u] = true
		}
	}
	for _, m := range members {
		if !held[m] {
			return false
		}
	}
	return true
}
