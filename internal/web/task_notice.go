package web

import "net/http"

// taskNotice downloads the 督办通知书 of one of the task's notices (the
// notice's key in ?key=) as .docx.
func (h *Handler) taskNotice(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, err := h.d.Tasks.Notice(r.Context(), id, r.URL.Query().Get("key"))
	h.download(w, r, d, err)
}
