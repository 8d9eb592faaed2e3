package webdeps

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/web"
)

// tickets is 12345 over the hotline service, checked by authz: the office
// dispatches, a liaison handles their units' tickets, leaders read.
type tickets struct{ d *Deps }

// states are the ticket states in the order of the list's filter.
var states = []hotline.State{hotline.Triage, hotline.Assigned, hotline.Accepted, hotline.Answered, hotline.Closed, hotline.Redirected}

func (s *tickets) List(ctx context.Context, state string) (*web.TicketListView, error) {
	p, _, err := s.d.acting(ctx, authz.TicketRead)
	if err != nil {
		return nil, err
	}
	loc := i18n.FromContext(ctx)
	v := &web.TicketListView{State: state, CanIntake: authz.Allowed(p, authz.TicketDispatch)}
	for _, st := range states {
		v.States = append(v.States, web.Option{Value: string(st), Label: loc.Code("hotline.state", string(st), st.Label()), Selected: string(st) == state})
	}
	var list []records.Ticket
	if p.Role == authz.Liaison {
		for _, u := range p.Units {
			got, err := s.d.Store.FindTickets(ctx, records.TicketFilter{UnitID: u, State: state, Limit: 500})
			if err != nil {
				return nil, err
			}
			list = append(list, got...)
		}
	} else if list, err = s.d.Store.FindTickets(ctx, records.TicketFilter{State: state, Limit: 500}); err != nil {
		return nil, err
	}
	now := s.d.Hotline.Now()
	for i := range list {
		v.Rows = append(v.Rows, ticketRow(loc, &list[i], now))
	}
	// Triage first, then the earliest deadline.
	slices.SortStableFunc(v.Rows, func(a, b web.TicketRow) int {
		if (a.State == "triage") != (b.State == "triage") {
			if a.State == "triage" {
				return -1
			}
			return 1
		}
		return a.Due.Compare(b.Due)
	})
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

// ticket reads a ticket the user may see: a liaison only their units'.
func (s *tickets) ticket(ctx context.Context, id int64, action authz.Action) (authz.Principal, *records.Ticket, error) {
	p, _, err := s.d.acting(ctx, action)
	if err != nil {
		return p, nil, err
	}
	t, err := s.d.Store.FindTicket(ctx, id)
	if err != nil {
		return p, nil, pageError(err, "", "")
	}
	if p.Role == authz.Liaison && !authz.Can(p, action, authz.Resource{Units: []int64{t.UnitID}}) {
		return p, nil, web.ErrNotFound // another unit's ticket is none of theirs
	}
	return p, t, nil
}

func (s *tickets) Get(ctx context.Context, id int64) (*web.TicketView, error) {
	p, t, err := s.ticket(ctx, id, authz.TicketRead)
	if err != nil {
		return nil, err
	}
	shown := *t
	if p.Role != authz.Office {
		shown = t.Masked()
	}
	v := &web.TicketView{TicketRow: ticketRow(i18n.FromContext(ctx), t, s.d.Hotline.Now()), Channel: t.Channel, Urgency: t.Urgency, Address: t.Address,
		Caller: strings.Trim(strings.Join([]string{shown.CallerName, shown.CallerPhone, shown.CallerEmail}, " "), " "),
		Answer: t.Answer, Verdict: t.Verdict, Resolved: t.Resolved, Reopened: t.Reopened, Extension: t.Extension, RedirectTo: t.RedirectTo,
		Can: map[string]bool{}}
	v.Description = t.Description
	events, err := s.d.Store.TicketEvents(ctx, id)
	if err != nil {
		return nil, err
	}
	if v.Files, err = s.fileLinks(ctx, id); err != nil {
		return nil, err
	}
	for _, e := range events {
		note := e.Note
		if e.Kind == "received" { // the note is the channel's code
			note = i18n.FromContext(ctx).Code("hotline.channel", note, note)
		}
		v.Steps = append(v.Steps, web.TicketStep{At: e.At, Actor: e.Actor, Kind: e.Kind, Note: note})
	}
	dispatch := authz.Allowed(p, authz.TicketDispatch)
	handle := p.Role == authz.Liaison && authz.Can(p, authz.TicketHandle, authz.Resource{Units: []int64{t.UnitID}})
	switch hotline.State(t.State) {
	case hotline.Triage:
		v.Can["assign"] = dispatch
	case hotline.Assigned:
		v.Can["sign"], v.Can["send_back"] = handle, handle
	case hotline.Accepted:
		v.Can["answer"], v.Can["send_back"] = handle, handle
		v.Can["extend"] = handle && t.Extension == 0
		v.Can["decide"] = dispatch && t.Extension > 0
	case hotline.Answered:
		v.Can["visit"] = dispatch
	case hotline.Redirected:
		v.Can["to_foia"] = t.RedirectTo == "disclosure" && authz.Allowed(p, authz.FOIAHandle)
	}
	if v.Can["assign"] {
		units, err := s.d.Store.FindUnits(ctx)
		if err != nil {
			return nil, err
		}
		for _, u := range units {
			if u.Kind != records.UnitGroup {
				v.Units = append(v.Units, web.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.Name})
			}
		}
	}
	return v, nil
}

func (s *tickets) Form(ctx context.Context) (*web.TicketForm, error) {
	services, err := s.d.Store.TicketServices(ctx)
	if err != nil {
		return nil, err
	}
	f := &web.TicketForm{}
	for _, svc := range services {
		if svc.Active {
			f.Services = append(f.Services, web.Option{Value: svc.Code, Label: svc.Path})
		}
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

// inputError shows a refused step's problems on its form.
func ticketError(err error) error {
	var bad *hotlinesvc.InputError
	switch {
	case errors.As(err, &bad):
		return &web.RulesInputError{Problems: bad.Problems}
	case errors.Is(err, fault.ErrState):
		return &web.RulesInputError{Problems: []string{"工单当前状态不能进行此操作（可能已被他人处理），请刷新后再试"}}
	}
	return pageError(err, "", "")
}

func (s *tickets) Intake(ctx context.Context, in web.TicketInput) (int64, error) {
	_, actor, err := s.d.acting(ctx, authz.TicketDispatch)
	if err != nil {
		return 0, err
	}
	intake := intakeOf(in, "phone")
	if intake.Files, err = s.keepTicketFiles(in.Uploads); err != nil {
		return 0, err
	}
	t, err := s.d.Hotline.Receive(ctx, actor, intake)
	if err != nil {
		return 0, ticketError(err)
	}
	return t.ID, nil
}

func (s *tickets) Act(ctx context.Context, id int64, a web.TicketAction) error {
	action := authz.TicketDispatch
	switch a.Kind {
	case "sign", "send_back", "extend", "answer":
		action = authz.TicketHandle
	}
	p, t, err := s.ticket(ctx, id, action)
	if err != nil {
		return err
	}
	_, actor, err := s.d.acting(ctx, action)
	if err != nil {
		return err
	}
	if action == authz.TicketHandle && !authz.Can(p, action, authz.Resource{Units: []int64{t.UnitID}}) {
		return web.ErrForbidden
	}
	h := s.d.Hotline
	switch a.Kind {
	case "assign":
		_, err = h.Assign(ctx, actor, id, a.Unit)
	case "redirect":
		_, err = h.Redirect(ctx, actor, id, a.To)
	case "approve", "deny":
		_, err = h.DecideExtension(ctx, actor, id, a.Kind == "approve")
	case "visit":
		_, err = h.Visit(ctx, actor, id, hotline.Satisfaction(a.Verdict), a.Resolved)
	case "sign":
		_, err = h.Sign(ctx, actor, id)
	case "send_back":
		_, err = h.SendBack(ctx, actor, id, a.Text)
	case "extend":
		_, err = h.AskExtension(ctx, actor, id, a.Days, a.Text)
	case "answer":
		_, err = h.Answer(ctx, actor, id, a.Text)
	default:
		return &web.RulesInputError{Problems: []string{"未知的操作"}}
	}
	return ticketError(err)
}

func (s *tickets) File(ctx context.Context, in web.TicketInput) (int64, string, error) {
	in.Urgency = "" // the public does not set urgency; the centre may
	intake := intakeOf(in, "web")
	intake.IP = httpauth.IPFrom(ctx)
	var err error
	if intake.Files, err = s.keepTicketFiles(in.Uploads); err != nil {
		return 0, "", err
	}
	t, secret, err := s.d.Hotline.ReceivePublic(ctx, intake)
	if err != nil {
		return 0, "", ticketError(err)
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
	return ticketError(err)
}
