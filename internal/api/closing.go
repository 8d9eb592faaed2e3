package api

import (
	"errors"
	"mime"
	"net/http"
	"strings"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/ledgersvc"
)

// closeRequest is a unit's application for 销号, with its evidence
// (JSON {"text"} or a multipart form with text and "attachments").
func (h *Handler) closeRequest(w http.ResponseWriter, r *http.Request) {
	c, t, ok := h.taskFor(w, r, authz.TaskReport)
	if !ok {
		return
	}
	var in progressInput
	atts, err := h.readReport(w, r, &in)
	if err != nil {
		fail(w, r, err)
		return
	}
	id, err := h.Store.RequestClose(r.Context(), httpauth.Actor(r), t.ID, ledgersvc.ReportingUnit(c.Principal(), t), strings.TrimSpace(in.Text), atts)
	reply(w, r, http.StatusCreated, map[string]any{"id": id}, err)
}

// closeGrant verifies and closes a task (销号).
func (h *Handler) closeGrant(w http.ResponseWriter, r *http.Request) {
	h.decide(w, r, true)
}

// closeReturn returns a 销号 application with a reason ({"reason"}).
func (h *Handler) closeReturn(w http.ResponseWriter, r *http.Request) {
	h.decide(w, r, false)
}

func (h *Handler) decide(w http.ResponseWriter, r *http.Request, close bool) {
	_, id, ok := begin(w, r, authz.TaskClose)
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
	if err := h.Store.DecideClose(r.Context(), httpauth.Actor(r), id, close, strings.TrimSpace(in.Reason)); err != nil {
		fail(w, r, err)
		return
	}
	t, err := h.Store.FindTaskByID(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, h.Ledger.View(t))
}

// attachmentGet downloads an attachment, to whoever may read its task.
// It is served as a download, never rendered inline, with its checked type.
func (h *Handler) attachmentGet(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskRead)
	if !ok {
		return
	}
	a, taskID, err := h.Store.FindAttachment(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	if _, err := h.Ledger.Readable(r.Context(), c.Principal(), taskID); err != nil {
		fail(w, r, err)
		return
	}
	f, err := h.Files.Get(a.SHA256)
	if err != nil {
		fail(w, r, errors.Join(fault.ErrNotFound, err))
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", a.ContentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Filename}))
	http.ServeContent(w, r, "", a.CreatedAt, f)
}
