package intakesvc

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/pii"
	"github.com/duban/duban/internal/records"
)

// Publish puts a confirmed plan on the public portal, or takes it off; a
// draft cannot be published. Unless confirmPII says the office has seen
// them, a plan whose title or tasks (as the portal shows them: titles,
// numbering, texts, milestones) hold personal data — an ID, phone or card
// number, an e-mail address, a home address, a labelled name — is
// refused with a *PersonalDataError naming the tasks and what each
// holds. The portal shows them masked (pii.MaskPublic) either way; the
// question is so that the office fixes the text rather than publishes a
// task whose point is gone once masked.
func (s *Service) Publish(ctx context.Context, p authz.Principal, actor audit.Actor, plan int64, public, confirmPII bool) (*ledgersvc.Plan, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, ErrForbidden
	}
	if public && !confirmPII {
		pl, err := s.Store.FindPlanByID(ctx, plan)
		if err != nil {
			return nil, err
		}
		if e := personalData(pl); e != nil {
			return nil, e
		}
	}
	err := s.Store.PublishPlan(ctx, actor, plan, public)
	switch {
	case errors.Is(err, fault.ErrState):
		return nil, &ConflictError{Key: "plans.error.publish_draft", Err: err}
	case err != nil:
		return nil, err
	}
	return s.planView(ctx, plan)
}

// PersonalDataError refuses to publish a plan until the office confirms
// it knowingly (confirm_pii): the portal would show what Tasks hold
// masked. A Task of ID 0 is the plan's own title.
type PersonalDataError struct {
	Tasks []PersonalTask
}

// PersonalTask is a task holding personal data: the task as the portal
// will show it (masked) and the kinds of data found (pii.Kind: id_number,
// mobile, landline, bank_card, number, email, address, name).
type PersonalTask struct {
	TaskRef
	Kinds []pii.Kind `json:"kinds"`
}

func (e *PersonalDataError) Error() string {
	names := make([]string, len(e.Tasks))
	for i, t := range e.Tasks {
		names[i] = fmt.Sprintf("%s %v", t.Name(), t.Kinds)
	}
	return fmt.Sprintf("intake: %d tasks hold personal data (%s)", len(e.Tasks), strings.Join(names, "; "))
}

// As lets the adapters' one translator read e as fault's refusal: a
// conflict that asks for confirmation, with the count of tasks.
func (e *PersonalDataError) As(target any) bool {
	t, ok := target.(**fault.Error)
	if !ok {
		return false
	}
	*t = &fault.Error{Code: fault.Conflict, Key: "plans.error.publish_personal_data", Args: map[string]any{"n": len(e.Tasks)},
		Err: errors.New(e.Error())}
	return true
}

// personalData is the *PersonalDataError of what the portal would show
// of pl, or nil when it holds no personal data. Drafts are not shown.
func personalData(pl *records.Plan) error {
	e := &PersonalDataError{}
	if kinds := pii.Find(pl.Title); kinds != nil {
		e.Tasks = append(e.Tasks, PersonalTask{TaskRef: TaskRef{Title: pii.MaskPublic(pl.Title)}, Kinds: kinds})
	}
	for _, t := range pl.Tasks {
		if t.Status == string(ledger.Draft) {
			continue
		}
		texts := append([]string{t.Title, t.Text}, t.Path...)
		for _, m := range t.Milestones {
			texts = append(texts, m.Text)
		}
		kinds := pii.Find(strings.Join(texts, "\n"))
		if kinds == nil {
			continue
		}
		path := make([]string, len(t.Path))
		for i, l := range t.Path {
			path[i] = pii.MaskPublic(l)
		}
		e.Tasks = append(e.Tasks, PersonalTask{TaskRef: TaskRef{ID: t.ID, Path: path, Title: pii.MaskPublic(t.Title)}, Kinds: kinds})
	}
	if len(e.Tasks) == 0 {
		return nil
	}
	return e
}
