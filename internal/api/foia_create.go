package api

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/duban/duban/internal/authz"
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

// foiaFields name the intake's fields: first as the form labels them,
// then as foiasvc's problems begin.
var foiaFields = fields{
	{"applicant_kind", "申请人类型"}, {"applicant_name", "姓名或名称"}, {"id_no", "身份证件号码或统一社会信用代码"},
	{"phone", "联系电话"}, {"email", "电子邮箱"}, {"address", "通信地址"}, {"channel", "提交方式"}, {"received_on", "收到日期"},
	{"content", "所需政府信息"}, {"form", "获取形式"},
	{"applicant_name", "申请人"}, {"phone", "联系方式"}, {"content", "所需信息"},
}

// foiaCreate records a request the office received (督查室, as the
// disclosure office). The answer is the request with its clock started:
// due 20 working days from the receipt.
func (h *Handler) foiaCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := h.foiaReady(w, r, authz.FOIAHandle)
	if !ok {
		return
	}
	var in foiaInput
	if err := readInput(r, &in, foiaFields.label); err != nil {
		fail(w, r, err)
		return
	}
	received, ok := civilDate(in.ReceivedOn)
	if !ok {
		writeProblems(w, "申请内容有误：", []problem{{"received_on", "收到日期", "请按 YYYY-MM-DD 填写"}})
		return
	}
	v, err := h.FOIA.Receive(r.Context(), httpauth.Actor(r), foiasvc.Intake{Kind: in.ApplicantKind, Name: in.ApplicantName, IDNo: in.IDNo,
		Phone: in.Phone, Email: in.Email, Address: in.Address, Channel: in.Channel, Received: received, Content: in.Content, Form: in.Form})
	if err == nil {
		w.Header().Set("Location", "/api/v1/foia/requests/"+strconv.FormatInt(v.Request.ID, 10))
	}
	answerFOIA(w, r, p, http.StatusCreated, "申请内容有误：", foiaFields, v, err)
}

// answerFOIA answers a write with the request as it now stands, or 422
// with what the service refused, each problem at its field.
func answerFOIA(w http.ResponseWriter, r *http.Request, p authz.Principal, status int, heading string, fs fields,
	v *foiasvc.View, err error) {
	var bad *foiasvc.InputError
	if errors.As(err, &bad) {
		writeProblems(w, heading, fs.at(bad.Problems))
		return
	}
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, status, detailFOIA(v, p, localizer(r).T))
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
