package web

import (
	"net/http"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledgersvc"
)

// HomePage is the data of the workbench (工作台): a greeting, what the
// role is for, its pages, and for the business roles their ledger.
type HomePage struct {
	Page
	Intro string     // what this role does here
	Cards []HomeCard // the role's pages
	// Workspace is the ledger at a glance, for the office, liaisons and
	// leaders; nil for the administrators, who see no business data.
	Workspace *ledgersvc.Workspace
	Tiles     []StatusTile
	// Overdue and DueSoon are the first of their lists, with a link to
	// the whole list when there are more.
	Overdue, DueSoon WorkspaceList
}

// WorkspaceList is the head of one workbench list.
type WorkspaceList struct {
	Tasks []ledgersvc.Task
	Total int
	Href  string
}

// homeListLen is how many tasks a workbench list shows before it links
// to the task list: a glance, not a second ledger.
const homeListLen = 8

func workspaceList(tasks []ledgersvc.Task, total int, status string) WorkspaceList {
	return WorkspaceList{Tasks: tasks[:min(len(tasks), homeListLen)], Total: total, Href: "/tasks?sort=due&status=" + status}
}

// HomeCard is a shortcut to one of the role's pages.
type HomeCard struct {
	Label string
	Desc  string
	Href  string
}

// StatusTile is the number of tasks in one status, linking to them.
type StatusTile struct {
	Status string
	Count  int
	Href   string
}

// tileStatuses are the statuses the workbench counts, in reading order.
var tileStatuses = []string{"overdue", "due_soon", "pending", "in_progress", "not_started", "closed"}

// homeShow shows the signed-in user's workbench.
func (h *Handler) homeShow(w http.ResponseWriter, r *http.Request) {
	u, _ := CurrentUserFrom(r.Context())
	loc := i18n.FromContext(r.Context())
	data := HomePage{Intro: loc.T(homeIntroKey(u.Role))}
	for _, e := range navByRole[u.Role] {
		if e != navHome {
			data.Cards = append(data.Cards, HomeCard{Label: loc.T(e.key), Desc: loc.T(e.key + ".desc"), Href: e.href})
		}
	}
	if h.d.Tasks != nil && (u.Role == RoleOffice || u.Role == RoleLiaison || u.Role == RoleLeader) {
		ws, err := h.d.Tasks.Workspace(r.Context())
		if err != nil {
			h.fail(w, r, err)
			return
		}
		data.Workspace = ws
		data.Overdue = workspaceList(ws.Overdue, ws.Counts["overdue"], "overdue")
		data.DueSoon = workspaceList(ws.DueSoon, ws.Counts["due_soon"], "due_soon")
		for _, s := range tileStatuses {
			data.Tiles = append(data.Tiles, StatusTile{Status: s, Count: ws.Counts[s], Href: "/tasks?status=" + s})
		}
	}
	data.Page = h.basePage(w, r, "")
	h.render(w, r, http.StatusOK, "home", data)
}

// homeIntroKey is the catalogue key of the workbench text for role.
func homeIntroKey(role string) string {
	if role == RoleNone {
		return "home.intro.none"
	}
	return "home.intro." + role
}
