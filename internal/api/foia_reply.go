package api

import (
	"net/http"

	"github.com/duban/duban/internal/authz"
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

// foiaReplyFields name the reply's fields, as the form labels them and
// as foiasvc's problems begin.
var foiaReplyFields = fields{{"type", "答复类型"}, {"ground", "不予公开理由"}, {"text", "答复内容"}, {"on", "日期"}}

// foiaReply concludes a request with its reply; the letter can then be
// downloaded.
func (h *Handler) foiaReply(w http.ResponseWriter, r *http.Request) {
	p, ok := h.foiaReady(w, r, authz.FOIAHandle)
	if !ok {
		return
	}
	id, err := pathID(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	var in foiaReplyInput
	if err := readInput(r, &in, foiaReplyFields.label); err != nil {
		fail(w, r, err)
		return
	}
	on, ok := civilDate(in.On)
	if !ok {
		writeProblems(w, "答复有误：", []problem{{"on", "日期", "请按 YYYY-MM-DD 填写"}})
		return
	}
	v, err := h.FOIA.Reply(r.Context(), httpauth.Actor(r), id, foiasvc.ReplyInput{Type: foia.Reply(in.Type), Ground: in.Ground, Text: in.Text, On: on})
	answerFOIA(w, r, p, http.StatusOK, "答复有误：", foiaReplyFields, v, err)
}
