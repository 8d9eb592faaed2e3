package api

import (
	"mime"
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
)

// closeRequest is a unit's application for 销号, with its evidence
// (JSON {"text"} or a multipart form with text and "attachments"),
// through ledgersvc.RequestClose.
func (h *Handler) closeRequest(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskReport)
	if !ok {
		return
	}
	var in progressInput
	ups, err := readReport(w, r, &in)
	if err != nil {
		fail(w, r, err)
		return
	}
	rid, err := h.Ledger.RequestClose(r.Context(), c.Principal(), httpauth.Actor(r), id, in.Text, ups)
	reply(w, r, http.StatusCreated, map[string]any{"id": rid}, err)
}

// closeGrant verifies and closes a task (销号).
func (h *Handler) closeGrant(w http.ResponseWriter, r *http.Request) {
	h.decide(w, r, true)
}

// closeReturn returns a 销号 application with a reason ({"reason"}).
func (h *Handler) closeReturn(w http.ResponseWriter, r *http.Request) {
	h.decide(w, r, false)
}

// decide answers a 销号 application (ledgersvc.Decide) with the task as
// the ledger shows it afterwards.
func (h *Handler) decide(w http.ResponseWriter, r *http.Request, close bool) {
	c, id, ok := begin(w, r, authz.TaskClose)
	if !ok {
		return
	}
	var in struct {
		Reason string `json:"reason"`
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/json" && r.ContentLength != 0 {
		if err := readJSON(r, &in); err != nil {
			fail(w, r, err)
			return
		}
	}
	t, err := h.Ledger.Decide(r.Context(), c.Principal(), httpauth.Actor(r), id, close, in.Reason)
	reply(w, r, http.StatusOK, t, err)
}

// attachmentGet downloads an attachment, to whoever may read its task
// (ledgersvc.Attachment). It is served as a download, never rendered
// inline, with its checked type.
func (h *Handler) attachmentGet(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskRead)
	if !ok {
		return
	}
	a, f, err := h.Ledger.Attachment(r.Context(), c.Principal(), httpauth.Actor(r), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", a.ContentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Filename}))
	http.ServeContent(w, r, "", a.CreatedAt, f)
}
