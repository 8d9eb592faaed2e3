package api

import (
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/store"
)

// workspace is a unit's (or the office's) day: how many tasks stand where,
// what is due soon, what is overdue, and which reports are owed.
type workspace struct {
	Counts      map[string]int `json:"counts"` // by ledger status
	DueSoon     []taskView     `json:"due_soon"`
	Overdue     []taskView     `json:"overdue"`
	ReportsOwed []owedView     `json:"reports_owed"`
}

type owedView struct {
	Task    taskView         `json:"task"`
	Periods []obligationView `json:"periods"`
}

// workspaceGet answers with the caller's workspace: a liaison's units'
// tasks, or all registered tasks for the office and leaders.
func (h *Handler) workspaceGet(w http.ResponseWriter, r *http.Request) {
	c, err := allowed(r, authz.TaskRead)
	if err != nil {
		fail(w, r, err)
		return
	}
	ws := workspace{Counts: map[string]int{}, DueSoon: []taskView{}, Overdue: []taskView{}, ReportsOwed: []owedView{}}
	today := h.today()
	base := store.TaskFilter{Today: today, DueSoonLimit: ledger.DueSoonLimit(today, h.Calendar, h.Rules), Sort: "due", Limit: 20}
	scope(c.Principal(), &base)
	base.Registered = true
	for _, s := range ledger.Statuses {
		if s == ledger.StatusDraft {
			continue
		}
		f := base
		f.Status = s
		tasks, n, err := h.Store.FindTasks(r.Context(), f)
		if err != nil {
			fail(w, r, err)
			return
		}
		ws.Counts[string(s)] = n
		for i := range tasks {
			switch s {
			case ledger.StatusDueSoon:
				ws.DueSoon = append(ws.DueSoon, h.viewTask(&tasks[i]))
			case ledger.StatusOverdue:
				ws.Overdue = append(ws.Overdue, h.viewTask(&tasks[i]))
			}
		}
	}
	f := base
	f.Recurring, f.Limit, f.Sort = true, 500, ""
	recurring, _, err := h.Store.FindTasks(r.Context(), f)
	if err != nil {
		fail(w, r, err)
		return
	}
	for i := range recurring {
		obs, err := h.obligations(r, &recurring[i])
		if err != nil {
			fail(w, r, err)
			return
		}
		var owed []obligationView
		for _, o := range obs {
			if o.Owed {
				owed = append(owed, o)
			}
		}
		if len(owed) > 0 {
			ws.ReportsOwed = append(ws.ReportsOwed, owedView{Task: h.viewTask(&recurring[i]), Periods: owed})
		}
	}
	writeJSON(w, http.StatusOK, ws)
}
