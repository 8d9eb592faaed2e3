package webdeps

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// tickets is 12345 over the hotline service, which checks who may do
// what and masks the caller for whoever may not see them.
type tickets struct{ d *Deps }

// states are the ticket states in the order of the list's filter.
var states = []hotline.State{hotline.Triage, hotline.Assigned, hotline.Accepted, hotline.Answered, hotline.Closed, hotline.Redirected}

func (s *tickets) List(ctx context.Context, state string) (*web.TicketListView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	list, _, err := s.d.Hotline.List(ctx, p, records.TicketFilter{State: state, Limit: 500}, hotlinesvc.Desk)
	if err != nil {
		return nil, refused(ctx, err)
	}
	loc := i18n.FromContext(ctx)
	v := &web.TicketListView{State: state, CanIntake: authz.Allowed(p, authz.TicketDispatch)}
	for _, st := range states {
		v.States = append(v.States, web.Option{Value: string(st), Label: loc.Code("hotline.state", string(st), st.Label()), Selected: string(st) == state})
	}
	now := s.d.Hotline.Now()
	for i := range list {
		v.Rows = append(v.Rows, ticketRow(loc, &list[i], now))
	}
	return v, nil
}

func ticketRow(loc i18n.Localizer, t *records.Ticket, now time.Time) web.TicketRow {
	open := hotline.State(t.State).Pending()
	return web.TicketRow{ID: t.ID, Type: loc.Code("hotline.type", t.Type, hotline.Type(t.Type).Label()), Service: t.ServiceName, Description: clip(t.Description, 80),
		Unit: t.Unit, State: t.State, StateLabel: loc.Code("hotline.state", t.State, hotline.State(t.State).Label()), Received: t.ReceivedAt, Due: t.DueAt,
		Overdue: open && now.After(t.DueAt)}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func (s *tickets) Get(ctx context.Context, id int64) (*web.TicketView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	d, err := s.d.Hotline.Get(ctx, p, id)
	if err != nil {
		return nil, refused(ctx, err)
	}
	t := &d.Ticket // masked by the service for whoever may not see the caller
	loc := i18n.FromContext(ctx)
	v := &web.TicketView{TicketRow: ticketRow(loc, t, s.d.Hotline.Now()), Channel: t.Channel, Urgency: t.Urgency, Address: t.Address,
		Caller: strings.Trim(strings.Join([]string{t.CallerName, t.CallerPhone, t.CallerEmail}, " "), " "),
		Answer: t.Answer, Verdict: t.Verdict, Resolved: t.Resolved, Reopened: t.Reopened, Extension: t.Extension, RedirectTo: t.RedirectTo,
		Can: d.Can}
	v.Description = t.Description
	for _, a := range d.Files {
		v.Files = append(v.Files, web.FileLink{ID: a.ID, Name: a.Filename, Size: a.Size})
	}
	for _, e := range d.Events {
		note := e.Note
		switch e.Kind { // these steps' notes are codes, shown in words
		case "received":
			note = loc.Code("hotline.channel", note, note)
		case "visit":
			note = loc.Code("tickets.verdict", note, note)
		}
		v.Steps = append(v.Steps, web.TicketStep{At: e.At, Actor: e.Actor, Kind: e.Kind, Note: note})
	}
	v.Units = unitOptions(d.Units)
	return v, nil
}

// unitOptions are units as a form's choice.
func unitOptions(units []records.Unit) []web.Option {
	var out []web.Option
	for _, u := range units {
		out = append(out, web.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.Name})
	}
	return out
}

func (s *tickets) MayIntake(ctx context.Context) error {
	p, _, err := s.d.caller(ctx)
	if err == nil && !hotlinesvc.MayRecord(p) {
		err = web.ErrForbidden
	}
	return err
}

func (s *tickets) Form(ctx context.Context) (*web.TicketForm, error) {
	services, err := s.d.Hotline.ActiveServices(ctx)
	if err != nil {
		return nil, err
	}
	f := &web.TicketForm{}
	for _, svc := range services {
		f.Services = append(f.Services, web.Option{Value: svc.Code, Label: svc.Path})
	}
	for _, t := range hotline.Types {
		f.Types = append(f.Types, web.Option{Value: string(t), Label: i18n.FromContext(ctx).Code("hotline.type", string(t), t.Label())})
	}
	return f, nil
}

func intakeOf(in web.TicketInput, channel string) hotlinesvc.Intake {
	return hotlinesvc.Intake{ServiceCode: in.Service, Type: hotline.Type(in.Type), Urgency: in.Urgency, Channel: channel,
		Description: in.Description, Address: in.Address, Name: in.Name, Phone: in.Phone, Email: in.Email}
}

func uploadsOf(ups []web.Upload) []hotlinesvc.Upload {
	out := make([]hotlinesvc.Upload, len(ups))
	for i, u := range ups {
		out[i] = hotlinesvc.Upload{Name: u.Name, Size: u.Size, Open: u.Open}
	}
	return out
}

// refused answers a refusal on the citizen pages, which list what was
// wrong above the form: an input's problems as listError words them, a
// refusal in the record's state (already replied, concluded) as its
// sentence, the rest as pageError answers them.
func refused(ctx context.Context, err error, order ...string) error {
	e := fault.As(err)
	switch {
	case errors.Is(err, hotlinesvc.ErrNoFiles):
		return errNoFiles
	case e != nil && e.Key != "" && len(e.Fields) == 0 && (e.Code == fault.State || e.Code == fault.Conflict):
		return &web.RulesInputError{Problems: []string{i18n.FromContext(ctx).T(e.Key, e.Pairs()...)}}
	}
	return listError(ctx, err, order...)
}

// ticketOrder is the intake form's fields, as the service names them.
var ticketOrder = []string{"service_code", "type", "urgency", "description", "address", "lat", "caller_name", "caller_phone", "caller_email", "files"}

func (s *tickets) Intake(ctx context.Context, in web.TicketInput) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	if !authz.Allowed(p, authz.TicketDispatch) { // before the files are kept
		return 0, web.ErrForbidden
	}
	intake := intakeOf(in, "phone")
	if intake.Files, err = s.d.Hotline.KeepFiles(uploadsOf(in.Uploads)); err != nil {
		return 0, refused(ctx, err, ticketOrder...)
	}
	t, err := s.d.Hotline.Record(ctx, p, actor, intake)
	if err != nil {
		return 0, refused(ctx, err, ticketOrder...)
	}
	return t.ID, nil
}

func (s *tickets) Act(ctx context.Context, id int64, a web.TicketAction) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	h := s.d.Hotline
	switch a.Kind {
	case "assign":
		_, err = h.Assign(ctx, p, actor, id, a.Unit)
	case "redirect":
		_, err = h.Redirect(ctx, p, actor, id, a.To)
	case "approve", "deny":
		_, err = h.DecideExtension(ctx, p, actor, id, a.Kind == "approve")
	case "visit":
		_, err = h.Visit(ctx, p, actor, id, hotline.Satisfaction(a.Verdict), a.Resolved)
	case "sign":
		_, err = h.Sign(ctx, p, actor, id)
	case "send_back":
		_, err = h.SendBack(ctx, p, actor, id, a.Text)
	case "extend":
		_, err = h.AskExtension(ctx, p, actor, id, a.Days, a.Text)
	case "answer":
		_, err = h.Answer(ctx, p, actor, id, a.Text)
	default:
		err = invalidAction
	}
	return refused(ctx, err)
}

// invalidAction is a step the page does not know.
var invalidAction = fault.New(fault.Invalid, "error.unknown_action")

func (s *tickets) File(ctx context.Context, in web.TicketInput) (int64, string, error) {
	in.Urgency = "" // the public does not set urgency; the centre may
	intake := intakeOf(in, "web")
	intake.IP = httpauth.IPFrom(ctx)
	var err error
	if intake.Files, err = s.d.Hotline.KeepFiles(uploadsOf(in.Uploads)); err != nil {
		return 0, "", refused(ctx, err, ticketOrder...)
	}
	t, secret, err := s.d.Hotline.ReceivePublic(ctx, intake)
	if err != nil {
		return 0, "", refused(ctx, err, ticketOrder...)
	}
	return t.ID, secret, nil
}

func (s *tickets) Follow(ctx context.Context, id int64, secret string) (*web.PublicTicket, error) {
	t, err := s.d.Hotline.Follow(ctx, id, secret)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	loc := i18n.FromContext(ctx)
	return &web.PublicTicket{ID: t.ID, Type: loc.Code("hotline.type", t.Type, hotline.Type(t.Type).Label()), Description: t.Description, State: t.State,
		StateLabel: loc.Code("hotline.state", t.State, hotline.State(t.State).Label()), Received: t.ReceivedAt, Due: t.DueAt, Answer: t.Answer, Verdict: t.Verdict,
		CanRate: t.State == string(hotline.Answered), Secret: secret}, nil
}

func (s *tickets) Rate(ctx context.Context, id int64, secret, verdict string, resolved bool) error {
	_, err := s.d.Hotline.Rate(ctx, id, secret, hotline.Satisfaction(verdict), resolved)
	return refused(ctx, err)
}
