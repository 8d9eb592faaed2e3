package subtasksvc

import (
	"context"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// Service is 任务分解 and 落实计划 over the ledger.
type Service struct {
	Store Store
	// Ledger reads tasks as the ledger shows them and decides who may
	// read one.
	Ledger *ledgersvc.Service
}

// Limits of a split.
const (
	MaxSubtasks = 50   // sub-tasks of one task
	MaxTitle    = 100  // characters of a sub-task's title
	MaxText     = 2000 // characters of its words
	MaxWeight   = 100  // its weight in the parent's progress
	// The catalogue's messages (subtasks.error.too_many, .weight) say
	// MaxSubtasks and MaxWeight in words: change them together.
)

// Input is one sub-task as typed or confirmed: its title and words, the
// registry unit that answers for it, its deadline (ISO date) and its
// weight in the parent's progress (nil: 1).
type Input struct {
	Title  string   `json:"title"`
	Text   string   `json:"text,omitempty"`
	UnitID int64    `json:"unit_id"`
	Due    string   `json:"due"`
	Weight *float64 `json:"weight,omitempty"`
}

// Source is what a split came from, for the audit log: a 落实计划's file
// name and SHA-256; the zero value for a split typed into the form.
type Source struct {
	Name, SHA256 string
}

// Split splits task parentID into sub-tasks, all or none, and returns
// them as the ledger shows them. p must be the office or a liaison of a
// unit that leads the task; a liaison gives sub-tasks only to the task's
// own units. The task must be open (挂号 or 推进中) and not itself a
// sub-task. A refusal is a *fault.Error naming the row and field
// ("subtasks.2.due").
func (s *Service) Split(ctx context.Context, p authz.Principal, actor audit.Actor, parentID int64, in []Input) ([]ledgersvc.Task, error) {
	return s.split(ctx, p, actor, parentID, in, Source{})
}

func (s *Service) split(ctx context.Context, p authz.Principal, actor audit.Actor, parentID int64, in []Input, src Source) ([]ledgersvc.Task, error) {
	parent, err := s.splittable(ctx, p, parentID)
	if err != nil {
		return nil, err
	}
	reg, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	items, err := s.check(p, parent, reg, in, src)
	if err != nil {
		return nil, err
	}
	ids, err := s.Store.CreateSubtasks(ctx, parentID, records.SubtaskBatch{Actor: actor, Items: items,
		SourceName: src.Name, SourceSHA256: src.SHA256})
	if err != nil {
		return nil, err
	}
	out := make([]ledgersvc.Task, 0, len(ids))
	for _, id := range ids {
		t, err := s.Store.FindTaskByID(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, s.Ledger.View(t))
	}
	return out, nil
}

// splittable loads a task p may split: readable by p, p the office or a
// liaison of a lead unit, the task open and not a sub-task.
func (s *Service) splittable(ctx context.Context, p authz.Principal, id int64) (*records.Task, error) {
	t, err := s.Ledger.Readable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if !mayDivide(p, t) {
		return nil, ledgersvc.ErrForbidden
	}
	if err := s.Ledger.InScope(ctx, p, authz.TaskSplit, id); err != nil {
		return nil, err
	}
	switch {
	case t.ParentID != 0:
		return nil, fault.New(fault.State, "subtasks.error.depth")
	case t.Status == string(ledger.Closed):
		return nil, records.ErrClosed
	case !ledger.Workflow(t.Status).Open():
		return nil, fault.New(fault.State, "subtasks.error.not_open")
	}
	return t, nil
}

// mayDivide reports whether p may split t (authz.TaskSplit on its lead
// units): whether to offer the forms, and the check before a split.
func mayDivide(p authz.Principal, t *records.Task) bool {
	return authz.Can(p, authz.TaskSplit, authz.Resource{Units: leadUnits(t)})
}

// leadUnits are the registry units that lead t: those marked 牵头, or
// every unit of a task that marks none (one unit alone, or units listed
// as equals, as ledger.UnitsText writes them).
func leadUnits(t *records.Task) []int64 {
	marked := slices.ContainsFunc(t.UnitLinks, func(l records.UnitLink) bool { return l.Lead })
	var ids []int64
	for _, l := range t.UnitLinks {
		if (l.Lead || !marked) && l.UnitID != 0 && !slices.Contains(ids, l.UnitID) {
			ids = append(ids, l.UnitID)
		}
	}
	return ids
}

// check validates the rows against the parent and the registry and turns
// them into the store's items; every problem is named at its row.
func (s *Service) check(p authz.Principal, parent *records.Task, reg []records.Unit, in []Input, src Source) ([]records.SubtaskInput, error) {
	e := &fault.Error{Code: fault.Invalid, Fields: map[string]string{}, Labels: map[string]fault.Label{}}
	if src.Name != "" {
		e.Key, e.Args = "subtasks.error.in_file", map[string]any{"file": src.Name}
	}
	switch {
	case len(in) == 0:
		e.Fields["subtasks"] = "subtasks.error.none"
	case len(in) > MaxSubtasks:
		e.Fields["subtasks"] = "subtasks.error.too_many"
	}
	if len(e.Fields) > 0 {
		e.Labels["subtasks"] = fault.Label{Key: "subtasks.title"}
		return nil, e
	}
	names := make(map[int64]string, len(reg))
	for _, u := range reg {
		names[u.ID] = u.Name
	}
	items := make([]records.SubtaskInput, len(in))
	for i, r := range in {
		bad := func(field, key string) {
			f := "subtasks." + strconv.Itoa(i+1) + "." + field
			e.Fields[f] = key
			e.Labels[f] = fault.Label{Key: "subtasks.label." + field, Args: map[string]any{"n": i + 1}}
		}
		it := records.SubtaskInput{Title: strings.TrimSpace(r.Title), Text: strings.TrimSpace(r.Text), UnitID: r.UnitID,
			Due: strings.TrimSpace(r.Due), Weight: 1}
		switch n := utf8.RuneCountInString(it.Title); {
		case n == 0:
			bad("title", "error.required")
		case n > MaxTitle:
			bad("title", "error.too_long")
		}
		if utf8.RuneCountInString(it.Text) > MaxText {
			bad("text", "error.text_too_long")
		}
		switch name, ok := names[r.UnitID]; {
		case r.UnitID == 0:
			bad("unit", "error.required")
		case !ok:
			bad("unit", "subtasks.error.unit_unknown")
		case p.Role != authz.Office && !slices.Contains(parent.UnitIDs, r.UnitID):
			bad("unit", "subtasks.error.unit_not_of_task")
		case !authz.WithinScope(p, []int64{r.UnitID}):
			bad("unit", authz.OutsideScopeKey)
		default:
			it.UnitName = name
		}
		if due, err := time.Parse("2006-01-02", it.Due); it.Due == "" {
			bad("due", "error.required")
		} else if err != nil {
			bad("due", "error.date_invalid")
		} else if last, err := time.Parse("2006-01-02", parent.Due); err == nil && due.After(last) {
			bad("due", "subtasks.error.after_parent")
		}
		if r.Weight != nil {
			if w := *r.Weight; !(w > 0) || w > MaxWeight || math.IsInf(w, 0) {
				bad("weight", "subtasks.error.weight")
			} else {
				it.Weight = w
			}
		}
		items[i] = it
	}
	if len(e.Fields) > 0 {
		return nil, e
	}
	return items, nil
}
