package api

import (
	"net/http"
	"time"

	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/store"
)

// taskDetailView is the task page's data.
type taskDetailView struct {
	taskView
	Progress      []store.Progress     `json:"progress"`
	CloseRequests []store.CloseRequest `json:"close_requests"`
	History       []store.TaskEvent    `json:"history"`
	Obligations   []obligationView     `json:"obligations"` // for a recurring task: each period and whether it was reported
}

type obligationView struct {
	Period   string `json:"period"`
	Label    string `json:"label"`
	End      string `json:"end"`
	Reported bool   `json:"reported"`
	Owed     bool   `json:"owed"`
}

func (h *Handler) taskDetail(r *http.Request, t *store.Task) (*taskDetailView, error) {
	ctx := r.Context()
	d := &taskDetailView{taskView: h.viewTask(t), Obligations: []obligationView{}}
	var err error
	if d.Progress, err = h.Store.FindProgress(ctx, t.ID); err != nil {
		return nil, err
	}
	if d.CloseRequests, err = h.Store.FindCloseRequests(ctx, t.ID); err != nil {
		return nil, err
	}
	if d.History, err = h.Store.FindTaskEvents(ctx, t.ID); err != nil {
		return nil, err
	}
	if d.Obligations, err = h.obligations(r, t); err != nil {
		return nil, err
	}
	return d, nil
}

// obligations lists a recurring task's reporting periods since it was
// registered, marking those that ended without a report.
func (h *Handler) obligations(r *http.Request, t *store.Task) ([]obligationView, error) {
	out := []obligationView{}
	if t.Every == "" || t.RegisteredAt == nil || t.Status == string(ledger.Closed) {
		return out, nil
	}
	reported, err := h.Store.ReportedPeriods(r.Context(), t.ID)
	if err != nil {
		return nil, err
	}
	from := t.RegisteredAt.In(shanghai)
	today := h.today()
	periods, err := ledger.Obligations(t.Every, time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC), today, reported)
	if err != nil {
		return out, nil // an unknown cadence creates no obligations
	}
	for _, p := range periods {
		out = append(out, obligationView{Period: p.Key, Label: p.Label, End: p.End.Format("2006-01-02"), Reported: p.Reported, Owed: p.Owed(today)})
	}
	return out, nil
}
