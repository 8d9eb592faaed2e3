package web

import (
	"net/http"

	"github.com/duban/duban/internal/ledgersvc"
)

// PlanListPage is the data of the plan list (方案) and its upload form.
type PlanListPage struct {
	Page
	Plans []ledgersvc.Plan
	// CanImport shows the upload form: the office's.
	CanImport bool
	Upload    UploadForm
	// Rename is a refused rename of a registered plan, shown open in its row.
	Rename RenameForm
}

// RenameForm is the small form that renames a registered plan.
type RenameForm struct {
	ID     int64
	Title  string
	Errors FieldErrors
}

// UploadForm is the plan upload's outcome when it failed: which file,
// the catalogue key of what was wrong, and the reader's own explanation.
type UploadForm struct {
	Name   string
	Error  string // a catalogue key; "" when there is none
	Detail string // docread's message for an unreadable document
}

// planList shows the plans, newest first.
func (h *Handler) planList(w http.ResponseWriter, r *http.Request) {
	h.renderPlanList(w, r, http.StatusOK, UploadForm{})
}

func (h *Handler) renderPlanList(w http.ResponseWriter, r *http.Request, status int, up UploadForm) {
	h.renderPlans(w, r, status, up, RenameForm{})
}

func (h *Handler) renderPlans(w http.ResponseWriter, r *http.Request, status int, up UploadForm, rename RenameForm) {
	plans, err := h.d.Plans.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	u, _ := CurrentUserFrom(r.Context())
	data := PlanListPage{Plans: plans, CanImport: u.Role == RoleOffice, Upload: up, Rename: rename}
	data.Page = h.basePage(w, r, "/plans")
	h.render(w, r, status, "plans", data)
}
