package ledgersvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// Detail is a task's page: the task, its progress reports, 销号
// applications, history and report obligations.
type Detail struct {
	Task
	PlanTitle     string                 `json:"plan_title"`
	Progress      []records.Progress     `json:"progress"`
	CloseRequests []records.CloseRequest `json:"close_requests"`
	History       []records.TaskEvent    `json:"history"`
	Obligations   []Obligation           `json:"obligations"`
	// Takeover is the task's 提级督办, nil when not taken over;
	// CanTakeOver whether the reader may take it over now.
	Takeover    *records.Takeover `json:"takeover,omitempty"`
	CanTakeOver bool              `json:"can_take_over"`
}

// Obligation is one reporting period of a recurring task.
type Obligation struct {
	Period   string `json:"period"`
	Label    string `json:"label"`
	End      string `json:"end"`
	Reported bool   `json:"reported"`
	Owed     bool   `json:"owed"` // ended without a report
}

// Detail builds the page of a task p may read.
func (s *Service) Detail(ctx context.Context, p authz.Principal, id int64) (*Detail, error) {
	t, err := s.Readable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	d := &Detail{Task: s.View(t)}
	if d.Takeover, err = s.takeover(ctx, t.ID); err != nil {
		return nil, err
	}
	d.CanTakeOver = d.Takeover == nil && mayTakeOver(p, t) && ledger.Workflow(t.Status).Open()
	if d.Progress, err = s.Store.FindProgress(ctx, t.ID); err != nil {
		return nil, err
	}
	if d.CloseRequests, err = s.Store.FindCloseRequests(ctx, t.ID); err != nil {
		return nil, err
	}
	if d.History, err = s.Store.FindTaskEvents(ctx, t.ID); err != nil {
		return nil, err
	}
	s.nameActors(ctx, d.History)
	if pl, err := s.Store.FindPlanByID(ctx, t.PlanID); err == nil {
		d.PlanTitle = pl.Title
	}
	if d.Obligations, err = s.Obligations(ctx, t); err != nil {
		return nil, err
	}
	return d, nil
}

// Obligations lists a recurring task's reporting periods since it was
// registered, marking those that ended without a report; a closed or
// revoked task owes none.
func (s *Service) Obligations(ctx context.Context, t *records.Task) ([]Obligation, error) {
	out := []Obligation{}
	if t.Every == "" || t.RegisteredAt == nil || t.Status == string(ledger.Closed) || t.Status == string(ledger.Revoked) {
		return out, nil
	}
	reported, err := s.Store.ReportedPeriods(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	from := t.RegisteredAt.In(workday.Zone)
	today := s.Today()
	periods, err := ledger.Obligations(t.Every, time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC), today, reported)
	if err != nil {
		return out, nil // an unknown cadence creates no obligations
	}
	for _, p := range periods {
		out = append(out, Obligation{Period: p.Key, Label: p.Label, End: p.End.Format("2006-01-02"), Reported: p.Reported, Owed: p.Owed(today)})
	}
	return out, nil
}

// nameActors puts each history entry's actor by their display name: the
// history keeps account names, and people read each other's names. An
// account without a display name, or gone, keeps its account name.
func (s *Service) nameActors(ctx context.Context, history []records.TaskEvent) {
	names := map[int64]string{}
	for i, e := range history {
		if _, ok := names[e.ActorID]; !ok {
			names[e.ActorID] = s.displayName(ctx, e.ActorID, e.Actor)
		}
		history[i].Actor = names[e.ActorID]
	}
}

// displayName is the display name of account id, or fallback.
func (s *Service) displayName(ctx context.Context, id int64, fallback string) string {
	if id == 0 {
		return fallback
	}
	if u, err := s.Store.FindUserByID(ctx, id); err == nil && u.DisplayName != "" {
		return u.DisplayName
	}
	return fallback
}
