package web

import "net/http"

// DeskPage is the data of the supervision desk (督办台).
type DeskPage struct {
	Page
	*DeskView
}

// deskShow shows the notices awaiting 整改反馈, by unit and one by one.
func (h *Handler) deskShow(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Desk.Open(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "desk", DeskPage{Page: h.basePage(w, r, "/desk"), DeskView: v})
}
