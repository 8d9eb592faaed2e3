package api

import (
	"github.com/duban/duban/internal/basepath"
	"net/http"
	"strconv"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/workday"
)

// foiaInput is a request as the office receives it: by post, in person,
// by fax or online, on the day Art. 31 counts as its receipt.
type foiaInput struct {
	ApplicantKind string `json:"applicant_kind"`
	ApplicantName string `json:"applicant_name"`
	IDNo          string `json:"id_no"`
	Phone         string `json:"phone"`
	Email         string `json:"email"`
	Address       string `json:"address"`
	Channel       string `json:"channel"`
	ReceivedOn    string `json:"received_on"` // YYYY-MM-DD; "" is today
	Content       string `json:"content"`
	Form          string `json:"form"`
}

// foiaCreate records a request the office received (督查室, as the
// disclosure office). The answer is the request with its clock started:
// due 20 working days from the receipt.
func (h *Handler) foiaCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := signedIn(w, r, h.FOIA != nil)
	if !ok {
		return
	}
	var in foiaInput
	if !decoded(w, r, &in) {
		return
	}
	received, ok := civilDate(in.ReceivedOn)
	if !ok {
		fail(w, r, fault.Field("received_on", "foia.error.date_format"))
		return
	}
	v, err := h.FOIA.Receive(r.Context(), p, httpauth.Actor(r), foiasvc.Intake{Kind: in.ApplicantKind, Name: in.ApplicantName, IDNo: in.IDNo,
		Phone: in.Phone, Email: in.Email, Address: in.Address, Channel: in.Channel, Received: received, Content: in.Content, Form: in.Form})
	if err == nil {
		w.Header().Set("Location", basepath.For(r, "/api/v1/foia/requests/"+strconv.FormatInt(v.Request.ID, 10)))
	}
	answerFOIA(w, r, p, http.StatusCreated, v, err)
}

// answerFOIA answers a write with the request as it now stands, or with
// what the service refused, each problem at its field.
func answerFOIA(w http.ResponseWriter, r *http.Request, p authz.Principal, status int, v *foiasvc.View, err error) {
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, status, detailFOIA(localizer(r), v, p))
}

// civilDate reads a YYYY-MM-DD date; "" is the zero time, which the
// services take as today.
func civilDate(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	d, err := workday.ParseDate(s)
	return d, err == nil
}
