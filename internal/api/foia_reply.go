package api

import (
	"net/http"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/httpauth"
)

// foiaReplyInput is the reply that concludes a request.
type foiaReplyInput struct {
	Type   string `json:"type"`   // a foia.Reply
	Ground int    `json:"ground"` // of 不予公开 or 部分公开, from 1 in foia.WithheldReasons
	Text   string `json:"text"`
	On     string `json:"on"` // YYYY-MM-DD; "" is today
}

// foiaReply concludes a request with its reply; the letter can then be
// downloaded.
func (h *Handler) foiaReply(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.FOIA != nil)
	if !ok {
		return
	}
	var in foiaReplyInput
	if !decoded(w, r, &in) {
		return
	}
	on, ok := civilDate(in.On)
	if !ok {
		fail(w, r, fault.Field("on", "foia.error.date_format"))
		return
	}
	v, err := h.FOIA.Reply(r.Context(), p, httpauth.Actor(r), id, foiasvc.ReplyInput{Type: foia.Reply(in.Type), Ground: in.Ground, Text: in.Text, On: on})
	answerFOIA(w, r, p, http.StatusOK, v, err)
}
