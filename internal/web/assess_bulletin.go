package web

import "net/http"

// BulletinPage is the data of the 通报 page.
type BulletinPage struct {
	Page
	*BulletinView
}

// assessBulletin shows the period's 通报 with its charts.
func (h *Handler) assessBulletin(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Assessment.Bulletin(r.Context(), r.URL.Query().Get("period"), r.URL.Query().Get("group"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "assess_bulletin", BulletinPage{Page: h.basePage(w, r, ""), BulletinView: v})
}

// assessBulletinDocx and assessBulletinXlsx download the 通报 and its
// detail.
func (h *Handler) assessBulletinDocx(w http.ResponseWriter, r *http.Request) {
	d, err := h.d.Assessment.BulletinFile(r.Context(), r.URL.Query().Get("period"), r.URL.Query().Get("group"), "docx")
	h.download(w, r, d, err)
}

func (h *Handler) assessBulletinXlsx(w http.ResponseWriter, r *http.Request) {
	d, err := h.d.Assessment.BulletinFile(r.Context(), r.URL.Query().Get("period"), r.URL.Query().Get("group"), "xlsx")
	h.download(w, r, d, err)
}
