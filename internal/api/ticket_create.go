package api

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/httpauth"
)

// ticketInput is a request as the hotline's agent (接线员) takes it.
type ticketInput struct {
	Type        string   `json:"type"`
	ServiceCode string   `json:"service_code"`
	Urgency     string   `json:"urgency"`
	Channel     string   `json:"channel"`
	Description string   `json:"description"`
	Address     string   `json:"address"`
	Lat         *float64 `json:"lat"`
	Lon         *float64 `json:"lon"`
	CallerName  string   `json:"caller_name"`
	CallerPhone string   `json:"caller_phone"`
	CallerEmail string   `json:"caller_email"`
}

// ticketFields names the input's fields in Chinese, for the errors; the
// hotline service names a field by its Intake name, the key here.
var ticketFields = map[string]struct{ json, label string }{
	"type": {"type", "类型"}, "service_code": {"service_code", "事项类别"}, "urgency": {"urgency", "紧急程度"},
	"channel": {"channel", "受理渠道"}, "description": {"description", "问题描述"}, "address": {"address", "地址"},
	"lat": {"lat", "坐标"}, "lon": {"lon", "坐标"}, "name": {"caller_name", "来电人姓名"},
	"phone": {"caller_phone", "联系电话"}, "email": {"caller_email", "电子邮箱"},
	"caller_name": {"caller_name", "来电人姓名"}, "caller_phone": {"caller_phone", "联系电话"}, "caller_email": {"caller_email", "电子邮箱"},
}

// agentChannels are the channels an agent records a request from. Not
// open311, which has its own endpoint and needs no contact: an agent's
// ticket always has a way back to the caller.
var agentChannels = []string{"phone", "web", "wechat", "app", "sms", "email", "letter"}

// ticketCreate takes a request in (督查室, as the hotline's centre): the
// service sets its deadline and routes it by the 权责清单. The answer is
// the ticket, its due time and first step.
func (h *Handler) ticketCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := h.ticketReady(w, r, authz.TicketDispatch)
	if !ok {
		return
	}
	var in ticketInput
	if err := readTicket(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	if in.Channel == "" {
		in.Channel = "phone"
	}
	if !slices.Contains(agentChannels, in.Channel) {
		unprocessable(w, []string{"channel"}, []string{fmt.Sprintf("受理渠道 %q 应为 %s 之一", in.Channel, strings.Join(agentChannels, "、"))})
		return
	}
	t, err := h.Hotline.Receive(r.Context(), httpauth.Actor(r), hotlinesvc.Intake{ServiceCode: strings.TrimSpace(in.ServiceCode),
		Type: hotline.Type(in.Type), Urgency: in.Urgency, Channel: in.Channel, Description: in.Description, Address: in.Address,
		Lat: in.Lat, Lon: in.Lon, Name: in.CallerName, Phone: in.CallerPhone, Email: in.CallerEmail})
	var bad *hotlinesvc.InputError
	if errors.As(err, &bad) {
		unprocessable(w, bad.Fields, bad.Problems)
		return
	}
	if err != nil {
		fail(w, r, err)
		return
	}
	d, err := h.ticketDetail(r, t, p)
	if err == nil {
		w.Header().Set("Location", "/api/v1/tickets/"+strconv.FormatInt(t.ID, 10))
	}
	reply(w, r, http.StatusCreated, d, err)
}

// readTicket decodes the body, and words a malformed one in Chinese with
// the field at fault: 400, the body is not a ticket at all.
func readTicket(r *http.Request, in *ticketInput) error {
	return readInput(r, in, func(json string) string { return ticketFields[json].label })
}

// unprocessable answers 422 with each problem at its field, and the
// problems joined as the error's message.
func unprocessable(w http.ResponseWriter, fields, problems []string) {
	out := make([]problem, len(problems))
	for i, msg := range problems {
		field := ""
		if i < len(fields) {
			field = fields[i]
		}
		f := ticketFields[field]
		out[i] = problem{Field: f.json, Label: f.label, Message: msg}
	}
	writeProblems(w, "工单内容有误：", out)
}
