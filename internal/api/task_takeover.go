package api

import (
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
)

// taskTakeOver is 提级督办: the office takes over the supervision of the
// task; 201 with the take-over, 409 when taken over already.
func (h *Handler) taskTakeOver(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskSupervise)
	if !ok {
		return
	}
	tk, err := h.Ledger.TakeOver(r.Context(), c.Principal(), httpauth.Actor(r), id)
	reply(w, r, http.StatusCreated, tk, err)
}
