package web

import "net/http"

// InboxPage is the data of the messages page (消息).
type InboxPage struct {
	Page
	*InboxView
	Alert string // a refused resend, as a catalogue key
}

// inboxShow shows the user's messages and, to the office, the failures.
func (h *Handler) inboxShow(w http.ResponseWriter, r *http.Request) {
	h.renderInbox(w, r, http.StatusOK, "")
}

func (h *Handler) renderInbox(w http.ResponseWriter, r *http.Request, status int, alert string) {
	v, err := h.d.Inbox.Messages(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, status, "inbox", InboxPage{Page: h.basePage(w, r, "/inbox"), InboxView: v, Alert: alert})
}

// inboxResend queues a failed notification again.
func (h *Handler) inboxResend(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	err = h.d.Inbox.Resend(r.Context(), id)
	if err == nil {
		flash(w, r, "success", "inbox.resent")
		redirect(w, r, "/inbox")
		return
	}
	fe, ok := validationErrors(r, err)
	if !ok {
		h.fail(w, r, err)
		return
	}
	h.renderInbox(w, r, http.StatusUnprocessableEntity, fe[""])
}
