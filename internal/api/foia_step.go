package api

import (
	"net/http"

	"github.com/duban/duban/internal/fault"
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

// foiaStep records a step of a request's handling. The statutory clock
// checks it with every earlier step: a second 补正, an extension past the
// deadline or a supplement without a notice is refused with 422.
func (h *Handler) foiaStep(w http.ResponseWriter, r *http.Request) {
	p, id, ok := signedInFor(w, r, h.FOIA != nil)
	if !ok {
		return
	}
	var in foiaStepInput
	if !decoded(w, r, &in) {
		return
	}
	on, ok := civilDate(in.On)
	if !ok {
		fail(w, r, fault.Field("on", "foia.error.date_format"))
		return
	}
	var v *foiasvc.View
	var err error
	if in.Kind == "confirm" { // the day both sides confirmed receipt (Art. 31)
		v, err = h.FOIA.ConfirmReceipt(r.Context(), p, httpauth.Actor(r), id, on)
	} else {
		v, err = h.FOIA.Step(r.Context(), p, httpauth.Actor(r), id, foiasvc.StepInput{Kind: in.Kind, On: on, Days: in.Days, Note: in.Note,
			Pages: in.Pages, Count: in.Count})
	}
	answerFOIA(w, r, p, http.StatusOK, v, err)
}
