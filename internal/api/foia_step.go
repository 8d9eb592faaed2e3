package api

import (
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/httpauth"
)

// foiaStepInput is a step of handling: a 补正 notice, the supplement, a
// consultation and its end, a fee notice and its payment, an extension;
// or "confirm", the day both sides confirmed receipt.
type foiaStepInput struct {
	Kind  string `json:"kind"`
	On    string `json:"on"`   // YYYY-MM-DD; "" is today
	Days  int    `json:"days"` // the 补正 period, or the extension, in working days
	Note  string `json:"note"`
	Pages int    `json:"pages"` // a fee by volume (按量计收)
	Count int    `json:"count"` // or the applicant's n-th request of the month (按件计收)
}

// foiaStepFields name the step's fields: first as the form labels them,
// then as foiasvc's problems begin. The clock's refusal of a late 补正
// notice or extension is about its day.
var foiaStepFields = fields{
	{"kind", "步骤"}, {"on", "日期"}, {"days", "天数"}, {"note", "说明"}, {"pages", "页数"}, {"count", "本月第几件"},
	{"kind", "办理步骤"}, {"days", "补正期限"}, {"days", "延长天数"}, {"note", "延长理由"}, {"pages", "收费"},
	{"on", "告知补正"}, {"on", "延长答复期限"},
}

// foiaStep records a step of a request's handling. The statutory clock
// checks it with every earlier step: a second 补正, an extension past the
// deadline or a supplement without a notice is refused with 422.
func (h *Handler) foiaStep(w http.ResponseWriter, r *http.Request) {
	p, ok := h.foiaReady(w, r, authz.FOIAHandle)
	if !ok {
		return
	}
	id, err := pathID(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	var in foiaStepInput
	if err := readInput(r, &in, foiaStepFields.label); err != nil {
		fail(w, r, err)
		return
	}
	on, ok := civilDate(in.On)
	if !ok {
		writeProblems(w, "办理步骤有误：", []problem{{"on", "日期", "请按 YYYY-MM-DD 填写"}})
		return
	}
	var v *foiasvc.View
	if in.Kind == "confirm" { // the day both sides confirmed receipt (Art. 31)
		v, err = h.FOIA.ConfirmReceipt(r.Context(), httpauth.Actor(r), id, on)
	} else {
		v, err = h.FOIA.Step(r.Context(), httpauth.Actor(r), id, foiasvc.StepInput{Kind: in.Kind, On: on, Days: in.Days, Note: in.Note,
			Pages: in.Pages, Count: in.Count})
	}
	answerFOIA(w, r, p, http.StatusOK, "办理步骤有误：", foiaStepFields, v, err)
}
