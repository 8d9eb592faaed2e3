package intakesvc

import (
	"context"
	"slices"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
)

// NewTask is a task the office adds to a draft by hand.
type NewTask struct {
	// After is the task it follows; 0 puts it first.
	After int64
	// Path is its numbering; nil derives one from the task it follows
	// (placeAfter: the next label, or a suffixed one).
	Path       []string
	Title      string
	Text       string
	Units      []records.UnitLink
	Deadlines  []plandoc.Deadline
	Targets    []plandoc.Target
	Milestones []plandoc.Milestone
	Weight     *float64
}

// AddTask adds a task to a draft after in.After and returns it. The
// title is required; lengths are within MaxName and MaxLongText; After
// must be a task of the plan. Without a path, the task is placed and
// numbered by placeAfter from the plan's tasks as the write reads them.
func (s *Service) AddTask(ctx context.Context, p authz.Principal, actor audit.Actor, plan int64, in NewTask) (*ledgersvc.Task, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, ErrForbidden
	}
	var c checks
	if strings.TrimSpace(in.Title) == "" {
		c.add("title", "error.required")
	}
	c.name("title", &in.Title)
	c.long("text", &in.Text)
	checkContent(&c, pathOrNil(in.Path), &in.Units, &in.Deadlines, &in.Targets, &in.Milestones, &in.Weight)
	if err := c.err(); err != nil {
		return nil, err
	}
	tasks, err := s.draftTasks(ctx, plan)
	if err != nil {
		return nil, err
	}
	if in.After != 0 && indexOf(tasks, in.After) < 0 {
		return nil, invalid("after", "plans.error.no_such_task")
	}
	links, err := s.unitLinks(ctx, in.Units, nil)
	if err != nil {
		return nil, err
	}
	nt := records.NewTask{After: in.After, Units: links, Task: plandoc.Task{Path: trimAll(in.Path),
		Title: strings.TrimSpace(in.Title), Text: strings.TrimSpace(in.Text), Deadlines: in.Deadlines,
		Targets: in.Targets, Milestones: in.Milestones, Weight: in.Weight}}
	if len(in.Path) == 0 {
		after := in.After
		nt.Place = func(tasks []records.Task) (int64, []string) { return placeAfter(tasks, after) }
	}
	s.gap()
	id, err := s.Store.AddTask(ctx, actor, plan, nt)
	if err != nil {
		return nil, reviewError(err)
	}
	return s.taskView(ctx, id)
}

// DeleteTask removes a task from a draft.
func (s *Service) DeleteTask(ctx context.Context, p authz.Principal, actor audit.Actor, plan, task int64) error {
	if !authz.Allowed(p, authz.PlanWrite) {
		return ErrForbidden
	}
	return reviewError(s.Store.DeleteTask(ctx, actor, plan, task))
}

// SplitTask cuts a draft's task in two before sentence at of its text
// (plandoc.Sentences numbering, 1 ≤ at < len): the first part keeps the
// task, the second becomes a new task right after it with the same units
// and the deadlines, targets and milestones its text names. The cut is
// computed from the task as the write's transaction reads it, so a merge
// or an edit just before is not lost. It returns the new task.
func (s *Service) SplitTask(ctx context.Context, p authz.Principal, actor audit.Actor, plan, task int64, at int) (*ledgersvc.Task, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, ErrForbidden
	}
	if _, err := s.draftTasks(ctx, plan); err != nil {
		return nil, err
	}
	s.gap()
	id, err := s.Store.SplitTask(ctx, actor, plan, task, func(tasks []records.Task, t records.Task) (records.TaskUpdate, records.NewTask, error) {
		return split(tasks, t, at)
	})
	if err != nil {
		return nil, reviewError(err)
	}
	return s.taskView(ctx, id)
}

// split is the cut of task t of tasks before sentence at.
func split(tasks []records.Task, t records.Task, at int) (records.TaskUpdate, records.NewTask, error) {
	sentences := plandoc.Sentences(t.Text)
	if at < 1 || at >= len(sentences) {
		return records.TaskUpdate{}, records.NewTask{}, invalid("at", "plans.error.split_at")
	}
	// The page offers only plandoc.SplitPoints; a crafted request for
	// another cut (inside brackets, before a bare note) is refused by the
	// same rule.
	if !slices.Contains(plandoc.SplitPoints(t.Text), at) {
		return records.TaskUpdate{}, records.NewTask{}, invalid("at", "plans.error.split_note")
	}
	first := strings.Join(sentences[:at], "")
	second := strings.TrimSpace(strings.Join(sentences[at:], ""))
	keepD, restD := partition(t.Deadlines, second, func(d plandoc.Deadline) string { return d.Text })
	keepG, restG := partition(t.Targets, second, func(g plandoc.Target) string { return g.Text })
	keepM, restM := partition(t.Milestones, second, func(m plandoc.Milestone) string { return m.Text })
	keep := records.TaskUpdate{Text: &first, Deadlines: &keepD, Targets: &keepG, Milestones: &keepM}
	after, path := placeAfter(tasks, t.ID)
	rest := records.NewTask{After: after, Units: t.UnitLinks, Task: plandoc.Task{Path: path, Title: titleOf(second, t.Title),
		Text: second, Deadlines: restD, Targets: restG, Milestones: restM, Optional: t.Optional}}
	return keep, rest, nil
}

// MergeTasks appends task with to task: the texts joined, the units,
// deadlines, targets and milestones united, the weights added, the
// 五落实 fields task lacks taken from with; with is removed. Both are
// read in the write's transaction. It returns the merged task.
func (s *Service) MergeTasks(ctx context.Context, p authz.Principal, actor audit.Actor, plan, task, with int64) (*ledgersvc.Task, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, ErrForbidden
	}
	if task == with {
		return nil, invalid("with", "plans.error.merge_self")
	}
	tasks, err := s.draftTasks(ctx, plan)
	if err != nil {
		return nil, err
	}
	if indexOf(tasks, task) < 0 {
		return nil, fault.ErrNotFound
	}
	if indexOf(tasks, with) < 0 {
		return nil, invalid("with", "plans.error.no_such_task")
	}
	s.gap()
	err = s.Store.MergeTasks(ctx, actor, plan, task, with, func(a, b records.Task) (records.TaskUpdate, error) {
		return merged(&a, &b), nil
	})
	if err != nil {
		return nil, reviewError(err)
	}
	return s.taskView(ctx, task)
}

// MoveTask moves a draft's task to just after task after (0: first),
// giving it path unless path is empty.
func (s *Service) MoveTask(ctx context.Context, p authz.Principal, actor audit.Actor, plan, task, after int64, path []string) (*ledgersvc.Task, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, ErrForbidden
	}
	if task == after {
		return nil, invalid("after", "plans.error.move_self")
	}
	var c checks
	checkContent(&c, pathOrNil(path), nil, nil, nil, nil, nil)
	if err := c.err(); err != nil {
		return nil, err
	}
	tasks, err := s.draftTasks(ctx, plan)
	if err != nil {
		return nil, err
	}
	if indexOf(tasks, task) < 0 {
		return nil, fault.ErrNotFound
	}
	if after != 0 && indexOf(tasks, after) < 0 {
		return nil, invalid("after", "plans.error.no_such_task")
	}
	var newPath *[]string
	if len(path) > 0 {
		trimmed := trimAll(path)
		newPath = &trimmed
	}
	if err := s.Store.MoveTask(ctx, actor, plan, task, after, newPath); err != nil {
		return nil, reviewError(err)
	}
	return s.taskView(ctx, task)
}

// draftTasks loads a plan's tasks to check a review edit's input (that
// the tasks it names are there), refusing a plan that is no longer a
// draft. Nothing written is computed from them: the store reads again,
// and checks again, in the edit's own transaction.
func (s *Service) draftTasks(ctx context.Context, plan int64) ([]records.Task, error) {
	pl, err := s.Store.FindPlanByID(ctx, plan)
	if err != nil {
		return nil, err
	}
	if pl.Status != "draft" {
		return nil, &ConflictError{Key: "plans.error.not_draft", Err: records.ErrNotDraft}
	}
	return pl.Tasks, nil
}

func indexOf(tasks []records.Task, id int64) int {
	for i := range tasks {
		if tasks[i].ID == id {
			return i
		}
	}
	return -1
}

// pathOrNil is a path to check, nil when none is given.
func pathOrNil(path []string) *[]string {
	if len(path) == 0 {
		return nil
	}
	return &path
}

func trimAll(path []string) []string {
	out := make([]string, len(path))
	for i, l := range path {
		out[i] = strings.TrimSpace(l)
	}
	return out
}
