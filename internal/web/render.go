package web

import (
	"bytes"
	"log/slog"
	"net/http"
	"strconv"
	"sync"

	"github.com/duban/duban/internal/i18n"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render writes page in the request's language, framed by the layout.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	h.execute(w, r, status, page, "layout", data)
}

// renderFragment writes one named template of page's set without the
// layout: the piece an htmx request swaps in.
func (h *Handler) renderFragment(w http.ResponseWriter, r *http.Request, status int, page, name string, data any) {
	h.execute(w, r, status, page, name, data)
}

// execute renders into a buffer first, so a template error becomes a clean
// 500 instead of half a page with a 200 status.
func (h *Handler) execute(w http.ResponseWriter, r *http.Request, status int, page, name string, data any) {
	lang := i18n.FromContext(r.Context()).Lang()
	t := h.views.lookup(lang, page)
	if t == nil {
		h.serverError(w, r, errNoTemplate(page))
		return
	}
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := t.ExecuteTemplate(buf, name, data); err != nil {
		slog.ErrorContext(r.Context(), "web: rendering", "page", page, "template", name, "err", err)
		// Not h.fail: rendering the error page could fail the same way.
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Content-Length", strconv.Itoa(buf.Len()))
	// Pages show people's names and the audit trail: keep them out of
	// shared and back-button caches.
	hd.Set("Cache-Control", "no-store")
	hd.Add("Vary", "HX-Request")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

type errNoTemplate string

func (e errNoTemplate) Error() string { return "web: no template for page " + string(e) }

// isHTMX reports whether r was sent by htmx and so wants a fragment. A
// history restore (the back button after hx-push-url) wants the whole page.
func isHTMX(r *http.Request) bool {
	return r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-Boosted") != "true" &&
		r.Header.Get("HX-History-Restore-Request") != "true"
}
