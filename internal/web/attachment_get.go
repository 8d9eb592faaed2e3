package web

import (
	"log/slog"
	"mime"
	"net/http"
)

// attachmentGet downloads a report's or an application's attachment, to
// whoever may read its task. It is always a download, never shown inline,
// so an uploaded file cannot act as a page of duban's.
func (h *Handler) attachmentGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d, err := h.d.Tasks.Attachment(r.Context(), id)
	h.download(w, r, d, err)
}

// download sends d as a file download, or the error page for err.
func (h *Handler) download(w http.ResponseWriter, r *http.Request, d *Download, err error) {
	if err != nil {
		h.fail(w, r, err)
		return
	}
	defer d.Body.Close()
	hd := w.Header()
	hd.Set("Content-Type", d.ContentType)
	hd.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": d.Filename}))
	hd.Set("Cache-Control", "private, no-store")
	http.ServeContent(w, r, "", d.ModTime, d.Body)
}

// logAfterStart records a failure after the response began, when no error
// page can be sent any more.
func (h *Handler) logAfterStart(r *http.Request, err error) {
	slog.ErrorContext(r.Context(), "web: response failed after it began", "method", r.Method, "path", r.URL.Path, "err", err)
}
