package intakesvc

import (
	"context"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/store"
)

// NewTask is a task the office adds to a draft by hand.
type NewTask struct {
	// After is the task it follows; 0 puts it first.
	After int64
	// Path is its numbering; nil derives one from the task it follows
	// (the next label, or a suffixed one when that is taken).
	Path       []string
	Title      string
	Text       string
	Units      []store.UnitLink
	Deadlines  []plandoc.Deadline
	Targets    []plandoc.Target
	Milestones []plandoc.Milestone
	Weight     *float64
}

// AddTask adds a task to a draft after in.After and returns its id. The
// title is required; After must be a task of the plan.
func (s *Service) AddTask(ctx context.Context, p authz.Principal, actor audit.Actor, plan int64, in NewTask) (int64, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return 0, ErrForbidden
	}
	if strings.TrimSpace(in.Title) == "" {
		return 0, invalid("title", "error.required")
	}
	if err := checkContent(pathOrNil(in.Path), &in.Deadlines, &in.Targets, &in.Milestones, &in.Weight); err != nil {
		return 0, err
	}
	tasks, err := s.draftTasks(ctx, plan)
	if err != nil {
		return 0, err
	}
	if in.After != 0 && indexOf(tasks, in.After) < 0 {
		return 0, invalid("after", "plans.error.no_such_task")
	}
	links, err := s.unitLinks(ctx, in.Units)
	if err != nil {
		return 0, err
	}
	path := in.Path
	if len(path) == 0 {
		path = derivePath(tasks, in.After)
	}
	id, err := s.Store.AddTask(ctx, actor, plan, store.NewTask{After: in.After, Units: links, Task: plandoc.Task{
		Path: trimAll(path), Title: strings.TrimSpace(in.Title), Text: strings.TrimSpace(in.Text), Deadlines: in.Deadlines,
		Targets: in.Targets, Milestones: in.Milestones, Weight: in.Weight}})
	return id, reviewError(err)
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
// and the deadlines, targets and milestones its text names. It returns
// the new task's id.
func (s *Service) SplitTask(ctx context.Context, p authz.Principal, actor audit.Actor, plan, task int64, at int) (int64, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return 0, ErrForbidden
	}
	tasks, err := s.draftTasks(ctx, plan)
	if err != nil {
		return 0, err
	}
	i := indexOf(tasks, task)
	if i < 0 {
		return 0, store.ErrNotFound
	}
	t := &tasks[i]
	sentences := plandoc.Sentences(t.Text)
	if at < 1 || at >= len(sentences) {
		return 0, invalid("at", "plans.error.split_at")
	}
	first := strings.Join(sentences[:at], "")
	second := strings.TrimSpace(strings.Join(sentences[at:], ""))
	keepD, restD := partition(t.Deadlines, second, func(d plandoc.Deadline) string { return d.Text })
	keepG, restG := partition(t.Targets, second, func(g plandoc.Target) string { return g.Text })
	keepM, restM := partition(t.Milestones, second, func(m plandoc.Milestone) string { return m.Text })
	keep := store.TaskUpdate{Text: &first, Deadlines: &keepD, Targets: &keepG, Milestones: &keepM}
	rest := store.NewTask{Units: t.UnitLinks, Task: plandoc.Task{Path: derivePath(tasks, task), Title: titleOf(second, t.Title),
		Text: second, Deadlines: restD, Targets: restG, Milestones: restM, Optional: t.Optional}}
	id, err := s.Store.SplitTask(ctx, actor, plan, task, keep, rest)
	return id, reviewError(err)
}

// MergeTasks appends task with to task: the texts joined, the units,
// deadlines, targets and milestones united, the weights added, the
// 五落实 fields task lacks taken from with; with is removed.
func (s *Service) MergeTasks(ctx context.Context, p authz.Principal, actor audit.Actor, plan, task, with int64) error {
	if !authz.Allowed(p, authz.PlanWrite) {
		return ErrForbidden
	}
	if task == with {
		return invalid("with", "plans.error.merge_self")
	}
	tasks, err := s.draftTasks(ctx, plan)
	if err != nil {
		return err
	}
	i, j := indexOf(tasks, task), indexOf(tasks, with)
	if i < 0 {
		return store.ErrNotFound
	}
	if j < 0 {
		return invalid("with", "plans.error.no_such_task")
	}
	up := merged(&tasks[i], &tasks[j])
	return reviewError(s.Store.MergeTasks(ctx, actor, plan, task, with, up))
}

// MoveTask moves a draft's task to just after task after (0: first),
// giving it path unless path is empty.
func (s *Service) MoveTask(ctx context.Context, p authz.Principal, actor audit.Actor, plan, task, after int64, path []string) error {
	if !authz.Allowed(p, authz.PlanWrite) {
		return ErrForbidden
	}
	if task == after {
		return invalid("after", "plans.error.move_self")
	}
	if err := checkContent(pathOrNil(path), nil, nil, nil, nil); err != nil {
		return err
	}
	tasks, err := s.draftTasks(ctx, plan)
	if err != nil {
		return err
	}
	if indexOf(tasks, task) < 0 {
		return store.ErrNotFound
	}
	if after != 0 && indexOf(tasks, after) < 0 {
		return invalid("after", "plans.error.no_such_task")
	}
	var newPath *[]string
	if len(path) > 0 {
		trimmed := trimAll(path)
		newPath = &trimmed
	}
	return reviewError(s.Store.MoveTask(ctx, actor, plan, task, after, newPath))
}

// draftTasks loads a plan's tasks for a review edit, refusing a plan that
// is no longer a draft before anything is computed. The store checks
// again in the edit's own transaction.
func (s *Service) draftTasks(ctx context.Context, plan int64) ([]store.Task, error) {
	pl, err := s.Store.FindPlanByID(ctx, plan)
	if err != nil {
		return nil, err
	}
	if pl.Status != "draft" {
		return nil, &ConflictError{Key: "plans.error.not_draft", Err: store.ErrNotDraft}
	}
	return pl.Tasks, nil
}

func indexOf(tasks []store.Task, id int64) int {
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
