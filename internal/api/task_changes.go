package api

import (
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/changesvc"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
)

// extensionRequest is a unit's 延期申请 ({"new_due", "reason"}), through
// changesvc.RequestExtension: only a liaison of one of the task's units.
func (h *Handler) extensionRequest(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskReport)
	if !ok {
		return
	}
	var in struct {
		NewDue string `json:"new_due"`
		Reason string `json:"reason"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	ch, err := h.Changes.RequestExtension(r.Context(), c.Principal(), httpauth.Actor(r), id, in.NewDue, in.Reason)
	reply(w, r, http.StatusCreated, ch, err)
}

// extensionDecide settles the open 延期申请 ({"approve", "comment"}; a
// refusal needs the comment) and answers the decision with the task as
// the ledger shows it afterwards.
func (h *Handler) extensionDecide(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskAssign)
	if !ok {
		return
	}
	var in struct {
		Approve bool   `json:"approve"`
		Comment string `json:"comment"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	ch, err := h.Changes.DecideExtension(r.Context(), c.Principal(), httpauth.Actor(r), id, in.Approve, in.Comment)
	h.changed(w, r, c, id, ch, err)
}

// taskAdjust is the office's 调整 of a task: units, deadline, content,
// with a reason; the fields left out stay.
func (h *Handler) taskAdjust(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskAssign)
	if !ok {
		return
	}
	var in struct {
		Title       *string             `json:"title"`
		Text        *string             `json:"text"`
		Requirement *string             `json:"requirement"`
		Units       *[]records.UnitLink `json:"units"`
		Due         *string             `json:"due"`
		Reason      string              `json:"reason"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	ch, err := h.Changes.Adjust(r.Context(), c.Principal(), httpauth.Actor(r), id, changesvc.AdjustInput{Title: in.Title, Text: in.Text,
		Requirement: in.Requirement, Units: in.Units, Due: in.Due, Reason: in.Reason})
	h.changed(w, r, c, id, ch, err)
}

// taskRevoke revokes (撤销) a task with a reason ({"reason"}).
func (h *Handler) taskRevoke(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskAssign)
	if !ok {
		return
	}
	var in struct {
		Reason string `json:"reason"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	ch, err := h.Changes.Revoke(r.Context(), c.Principal(), httpauth.Actor(r), id, in.Reason)
	h.changed(w, r, c, id, ch, err)
}

// taskHistory lists a task's changes (变更记录), oldest first, to whoever
// may read the task.
func (h *Handler) taskHistory(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskRead)
	if !ok {
		return
	}
	list, err := h.Changes.History(r.Context(), c.Principal(), id)
	reply(w, r, http.StatusOK, map[string]any{"changes": list}, err)
}

// changed answers a change with the change and the task as it stands.
func (h *Handler) changed(w http.ResponseWriter, r *http.Request, c *httpauth.Caller, id int64, ch *records.TaskChange, err error) {
	if err != nil {
		fail(w, r, err)
		return
	}
	t, err := h.Ledger.Readable(r.Context(), c.Principal(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"change": ch, "task": h.Ledger.View(t)})
}
