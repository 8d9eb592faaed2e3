package web

import (
	"context"
	"net/http"
	"time"
)

// Dashboard is the leaders' dashboard (领导驾驶舱).
type Dashboard interface {
	View(ctx context.Context) (*DashboardView, error)
}

// DashboardView is the dashboard's content.
type DashboardView struct {
	At                                      time.Time // when the counts were read
	Total, Closed, Red, Yellow, OpenNotices int
	Completion                              float64 // closed / total, percent
	Charts                                  []Chart
	Overdue                                 []OverdueView
	Units                                   []LightRow // the units with the most red first
	Plans                                   []LightRow
	// Citizens is the citizens' side at a glance; nil when none of it runs.
	Citizens *PublicFigures
}

// PublicFigures are the open 12345 tickets and information requests,
// those past their deadline, and the incidents whose disclosure clocks
// are running or ran out.
type PublicFigures struct {
	TicketsOpen, TicketsOverdue int
	RequestsOpen, RequestsLate  int
	IncidentsRunning            int // a duty not done, time left
	IncidentsLate               int // a duty not done in time
}

// OverdueView is one of the most overdue tasks.
type OverdueView struct {
	TaskID int64
	Title  string
	Units  string
	Days   int
}

// LightRow is one plan's or unit's lights, with the links that drill down.
type LightRow struct {
	ID                       int64
	Name                     string
	Red, Yellow, Green, Blue int
	Href                     string // the task list of its red tasks
}

// DashboardPage is the data of the dashboard.
type DashboardPage struct {
	Page
	*DashboardView
}

// dashboardShow shows the dashboard.
func (h *Handler) dashboardShow(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Dashboard.View(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "dashboard", DashboardPage{Page: h.basePage(w, r, ""), DashboardView: v})
}
