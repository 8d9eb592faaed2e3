// Package hotlinesvc runs the 12345 hotline over the store: intake with
// the time limit and the routing of the 权责清单 (a matter one unit is
// clearly responsible for goes to it; the rest to triage), each step of a
// ticket through the state machine of package hotline, and the units' 三率
// for assessment. The pages, the API and Open311 share one.
//
// Each method that acts for a signed-in user takes their principal and
// checks it through authz (the office dispatches, a liaison handles their
// units' tickets, leaders read); tickets come back with the caller masked
// for whoever may not see personal data (authz.SeesPersonalData), and a
// refusal is a *fault.Error with catalogue keys at the fields.
package hotlinesvc

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/pii"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// Service is the hotline.
type Service struct {
	Store    Store
	Calendar workday.Source
	Limits   hotline.Limits
	Now      func() time.Time
	// Files keeps the photos and documents of tickets; nil takes none.
	Files *files.Store
	// views spares the audit log a pii.view entry for each reload.
	views pii.Views
}

// Intake is a request as an agent, the public form or Open311 gives it.
type Intake struct {
	ServiceCode string
	Type        hotline.Type // "": the service's usual type
	Urgency     string       // "": normal
	Channel     string       // phone, web, open311
	Description string
	Address     string
	Lat, Lon    *float64
	Name        string
	Phone       string
	Email       string
	// Files are photos or documents already checked and kept in the
	// files store (at most MaxFiles).
	Files []records.Attachment
	// IP is where a public submission came from, for the audit log.
	IP string
}

// MaxFiles bounds the files of one ticket.
const MaxFiles = 3

// MaxDescription bounds a request's text, in characters.
const MaxDescription = 2000

// maxLen bounds the other free-text fields of an intake, in characters:
// enough for any real address or name, and no room for a pasted file.
var maxLen = []struct {
	field string
	max   int
	value func(Intake) string
}{
	{"address", 200, func(in Intake) string { return in.Address }},
	{"caller_name", 50, func(in Intake) string { return in.Name }},
	{"caller_phone", 30, func(in Intake) string { return in.Phone }},
	{"caller_email", 100, func(in Intake) string { return in.Email }},
}

// AgentChannels are the channels an agent records a request from (Record).
// Not open311, which has its own endpoint and needs no contact: an
// agent's ticket always has a way back to the caller.
var AgentChannels = []string{"phone", "web", "wechat", "app", "sms", "email", "letter"}

// MayRecord reports whether p takes tickets in at the centre (the agents'
// form): those who dispatch them. The form is offered to them only.
func MayRecord(p authz.Principal) bool { return authz.Allowed(p, authz.TicketDispatch) }

// Record is a request the centre's agent (接线员) takes in, for p who may
// dispatch tickets: by phone unless the intake names another of
// AgentChannels. Then as Receive.
func (s *Service) Record(ctx context.Context, p authz.Principal, actor audit.Actor, in Intake) (*records.Ticket, error) {
	if !MayRecord(p) {
		return nil, fault.ErrForbidden
	}
	if in.Channel == "" {
		in.Channel = "phone"
	}
	if !slices.Contains(AgentChannels, in.Channel) {
		return nil, fault.InvalidAt("channel", "hotline.error.channel", "channel", in.Channel)
	}
	return s.Receive(ctx, actor, in)
}

// Receive takes a request in from a channel that checked its caller
// itself (Open311 with its key, the demo data): checks it, finds its service, sets its
// deadline by the limits and routes it — to the service's unit when the
// 权责清单 names one, else to triage.
func (s *Service) Receive(ctx context.Context, actor audit.Actor, in Intake) (*records.Ticket, error) {
	return s.receive(ctx, actor, in, "")
}

// ReceivePublic takes a request from the public form and returns, beside
// the ticket, the secret with which the caller follows it and rates the
// answer; only its hash is kept.
func (s *Service) ReceivePublic(ctx context.Context, in Intake) (*records.Ticket, string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, "", err
	}
	secret := hex.EncodeToString(b[:])
	t, err := s.receive(ctx, audit.Actor{Username: "public", IP: in.IP}, in, followHash(secret))
	return t, secret, err
}

func followHash(secret string) string {
	sum := sha256.Sum256([]byte("duban-ticket-follow:" + secret))
	return hex.EncodeToString(sum[:])
}

// Follow is the ticket a caller follows with its secret.
func (s *Service) Follow(ctx context.Context, id int64, secret string) (*records.Ticket, error) {
	return s.Store.FindTicketByFollow(ctx, id, followHash(secret))
}

// Rate is the caller's own verdict on the answer, from the follow link:
// a return visit the caller makes.
func (s *Service) Rate(ctx context.Context, id int64, secret string, verdict hotline.Satisfaction, resolved bool) (*records.Ticket, error) {
	if _, err := s.Follow(ctx, id, secret); err != nil {
		return nil, err
	}
	return s.visit(ctx, audit.Actor{Username: "caller"}, id, verdict, resolved)
}

func (s *Service) receive(ctx context.Context, actor audit.Actor, in Intake, follow string) (*records.Ticket, error) {
	services, err := s.Store.TicketServices(ctx)
	if err != nil {
		return nil, err
	}
	var svc *records.TicketService
	for i := range services {
		if services[i].Code == in.ServiceCode && services[i].Active {
			svc = &services[i]
		}
	}
	var bad fault.Problems
	desc := strings.TrimSpace(in.Description)
	switch {
	case desc == "":
		bad.At("description", "hotline.error.description")
	case utf8.RuneCountInString(desc) > MaxDescription:
		bad.At("description", "hotline.error.description_long", "max", MaxDescription)
	}
	if svc == nil && in.ServiceCode != "" {
		bad.At("service_code", "hotline.error.service_code", "code", in.ServiceCode)
	}
	t := in.Type
	if t == "" && svc != nil {
		t = hotline.Type(svc.Type)
	}
	if t == "" {
		t = hotline.Help
	}
	if t.Label() == "" {
		bad.At("type", "hotline.error.type", "type", in.Type)
	}
	urgency := in.Urgency
	if urgency == "" {
		urgency = hotline.Normal
	}
	if urgency != hotline.Normal && urgency != hotline.Urgent && urgency != hotline.Emergency {
		bad.At("urgency", "hotline.error.urgency", "urgency", urgency)
	}
	if strings.TrimSpace(in.Phone) == "" && strings.TrimSpace(in.Email) == "" && in.Channel != "open311" {
		bad.At("caller_phone", "hotline.error.contact")
	}
	for _, l := range maxLen {
		if utf8.RuneCountInString(strings.TrimSpace(l.value(in))) > l.max {
			bad.At(l.field, "hotline.error."+l.field+"_long", l.field+"_max", l.max)
		}
	}
	if len(in.Files) > MaxFiles {
		bad.At("files", "hotline.error.files_many", "files_max", MaxFiles)
	}
	switch {
	case (in.Lat == nil) != (in.Lon == nil):
		bad.At("lat", "hotline.error.lat_lon")
	case in.Lat != nil && !(*in.Lat >= -90 && *in.Lat <= 90 && *in.Lon >= -180 && *in.Lon <= 180):
		bad.At("lat", "hotline.error.lat_range")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	path := ""
	if svc != nil {
		path = svc.Path
	}
	limit, err := s.Limits.For(t, path, urgency)
	if err != nil {
		return nil, fault.InvalidAt("type", "hotline.error.no_limit")
	}
	now := s.Now().UTC()
	tk := records.Ticket{ServiceCode: in.ServiceCode, Type: string(t), Urgency: urgency, Channel: in.Channel, Description: desc,
		Address: strings.TrimSpace(in.Address), Lat: in.Lat, Lon: in.Lon, CallerName: strings.TrimSpace(in.Name),
		CallerPhone: strings.TrimSpace(in.Phone), CallerEmail: strings.TrimSpace(in.Email), State: string(hotline.Triage),
		DueAt: limit.Due(s.Calendar.Current(), now), ReceivedAt: now, FollowHash: follow, Files: in.Files}
	if svc != nil && svc.UnitID != 0 {
		tk.State, tk.UnitID, tk.AssignedAt = string(hotline.Assigned), svc.UnitID, &now
	}
	id, err := s.Store.CreateTicket(ctx, actor, tk)
	if err != nil {
		return nil, err
	}
	return s.Store.FindTicket(ctx, id)
}

// machine reads a stored ticket into the state machine's terms.
func machine(t *records.Ticket) *hotline.Ticket {
	m := &hotline.Ticket{State: hotline.State(t.State), Unit: t.UnitID, Due: t.DueAt, Reopened: t.Reopened, Extension: t.Extension}
	if t.AssignedAt != nil {
		m.Assigned = *t.AssignedAt
	}
	if t.SignedAt != nil {
		m.Signed = *t.SignedAt
	}
	return m
}

// back writes the machine's state into the stored ticket.
func back(m *hotline.Ticket, t *records.Ticket) {
	t.State, t.UnitID, t.DueAt, t.Reopened, t.Extension = string(m.State), m.Unit, m.Due.UTC(), m.Reopened, m.Extension
	t.AssignedAt, t.SignedAt = timePtr(m.Assigned), timePtr(m.Signed)
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// step applies one move of the state machine to a stored ticket, for p
// who may do action: the office's moves on any ticket, a unit's on its
// own (another unit's ticket is none of a liaison's: not found). The
// unit is checked on the ticket as the transaction reads it.
func (s *Service) step(ctx context.Context, p authz.Principal, action authz.Action, actor audit.Actor, id int64, kind, note string,
	move func(*records.Ticket, *hotline.Ticket) error) (*records.Ticket, error) {
	if !authz.Allowed(p, action) {
		return nil, fault.ErrForbidden
	}
	return s.move(ctx, actor, id, kind, note, func(t *records.Ticket, m *hotline.Ticket) error {
		if !authz.Can(p, action, authz.Resource{Units: []int64{t.UnitID}}) {
			return fault.ErrNotFound
		}
		return move(t, m)
	})
}

// move applies one move of the state machine to a stored ticket.
func (s *Service) move(ctx context.Context, actor audit.Actor, id int64, kind, note string, move func(*records.Ticket, *hotline.Ticket) error) (*records.Ticket, error) {
	t, err := s.Store.StepTicket(ctx, actor, id, kind, note, func(t *records.Ticket) error {
		m := machine(t)
		if err := move(t, m); err != nil {
			return err
		}
		back(m, t)
		return nil
	})
	if errors.Is(err, hotline.ErrStep) || errors.Is(err, hotline.ErrWindow) {
		return nil, fault.Wrap(fault.State, "hotline.error.state", err)
	}
	return t, err
}

// limitOf is the time-limit rule of a ticket, given the services (for
// its category's path); a ticket no rule covers keeps the usual windows.
func (s *Service) limitOf(t *records.Ticket, services []records.TicketService) hotline.Limit {
	path := ""
	for _, svc := range services {
		if svc.Code == t.ServiceCode {
			path = svc.Path
		}
	}
	l, err := s.Limits.For(hotline.Type(t.Type), path, t.Urgency)
	if err != nil {
		return hotline.Limit{SignHours: 2, ReturnHours: 24}
	}
	return l
}

// Assign routes a ticket from triage to a unit (按责转办): the office's.
func (s *Service) Assign(ctx context.Context, p authz.Principal, actor audit.Actor, id, unit int64) (*records.Ticket, error) {
	return s.step(ctx, p, authz.TicketDispatch, actor, id, "assign", "", func(_ *records.Ticket, m *hotline.Ticket) error {
		if err := authz.CheckScope(p, "unit_id", []int64{unit}); err != nil {
			return err
		}
		return m.Assign(unit, s.Now().UTC())
	})
}

// Sign is the unit's 签收.
func (s *Service) Sign(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) (*records.Ticket, error) {
	return s.step(ctx, p, authz.TicketHandle, actor, id, "sign", "", func(_ *records.Ticket, m *hotline.Ticket) error { return m.Sign(s.Now().UTC()) })
}

// SendBack is the unit's 退单 with its reason, within the window.
func (s *Service) SendBack(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, reason string) (*records.Ticket, error) {
	if strings.TrimSpace(reason) == "" {
		return nil, fault.InvalidAt("text", "hotline.error.send_back_reason")
	}
	services, err := s.Store.TicketServices(ctx)
	if err != nil {
		return nil, err
	}
	return s.step(ctx, p, authz.TicketHandle, actor, id, "send_back", reason, func(t *records.Ticket, m *hotline.Ticket) error {
		return m.SendBack(s.limitOf(t, services), s.Now().UTC())
	})
}

// AskExtension is the unit's 延期 request.
func (s *Service) AskExtension(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, workdays int, reason string) (*records.Ticket, error) {
	return s.step(ctx, p, authz.TicketHandle, actor, id, "ask_extension", reason, func(_ *records.Ticket, m *hotline.Ticket) error {
		return m.AskExtension(workdays)
	})
}

// DecideExtension is the centre's decision: approved, the deadline moves
// by the working days asked for.
func (s *Service) DecideExtension(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, approve bool) (*records.Ticket, error) {
	return s.step(ctx, p, authz.TicketDispatch, actor, id, map[bool]string{true: "extension_approved", false: "extension_denied"}[approve], "",
		func(_ *records.Ticket, m *hotline.Ticket) error {
			due := m.Due
			if m.Extension > 0 {
				cal := s.Calendar.Current()
				y, mo, d := m.Due.In(workday.Zone).Add(-time.Nanosecond).Date()
				last := cal.AddWorkdays(time.Date(y, mo, d, 0, 0, 0, 0, time.UTC), m.Extension)
				due = time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, workday.Zone).AddDate(0, 0, 1)
			}
			return m.DecideExtension(approve, due)
		})
}

// Answer is the unit's reply.
func (s *Service) Answer(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, text string) (*records.Ticket, error) {
	if strings.TrimSpace(text) == "" {
		return nil, fault.InvalidAt("text", "hotline.error.answer")
	}
	return s.step(ctx, p, authz.TicketHandle, actor, id, "answer", "", func(t *records.Ticket, m *hotline.Ticket) error {
		t.Answer = strings.TrimSpace(text)
		return m.Answer()
	})
}

// Visit records the office's return visit (回访): the verdict and whether
// the problem was solved; a dissatisfied caller reopens the ticket.
func (s *Service) Visit(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, verdict hotline.Satisfaction, resolved bool) (*records.Ticket, error) {
	if _, err := s.readable(ctx, p, id, authz.TicketDispatch); err != nil {
		return nil, err
	}
	return s.visit(ctx, actor, id, verdict, resolved)
}

func (s *Service) visit(ctx context.Context, actor audit.Actor, id int64, verdict hotline.Satisfaction, resolved bool) (*records.Ticket, error) {
	return s.move(ctx, actor, id, "visit", string(verdict), func(t *records.Ticket, m *hotline.Ticket) error {
		t.Verdict, t.Resolved = string(verdict), resolved
		// 重办 is a fresh assignment: the unit's windows and the deadline
		// start again from the visit.
		now := s.Now().UTC()
		services, err := s.Store.TicketServices(ctx)
		if err != nil {
			return err
		}
		return m.Visit(verdict, now, s.limitOf(t, services).Due(s.Calendar.Current(), now))
	})
}

// Redirect sends a request that is no ticket to its channel: 依申请公开,
// 信访 or the courts.
func (s *Service) Redirect(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, to string) (*records.Ticket, error) {
	if to != "disclosure" && to != "petition" && to != "litigation" {
		return nil, fault.InvalidAt("to", "hotline.error.redirect")
	}
	return s.step(ctx, p, authz.TicketDispatch, actor, id, "redirect", to, func(t *records.Ticket, m *hotline.Ticket) error {
		t.RedirectTo = to
		return m.Redirect()
	})
}

// Rates are the units' 三率 over the tickets received from from to to.
func (s *Service) Rates(ctx context.Context, from, to time.Time) (map[int64]hotline.Rates, error) {
	services, err := s.Store.TicketServices(ctx)
	if err != nil {
		return nil, err
	}
	var outcomes []hotline.Outcome
	err = s.Store.EachTicket(ctx, records.TicketFilter{From: from, To: to}, func(t *records.Ticket) error {
		if t.UnitID == 0 || t.AssignedAt == nil {
			return nil
		}
		o := hotline.Outcome{Unit: t.UnitID, Assigned: *t.AssignedAt, SignHours: s.limitOf(t, services).SignHours,
			Visited: t.Verdict != "", Verdict: hotline.Satisfaction(t.Verdict), Resolved: t.Resolved}
		if t.SignedAt != nil {
			o.Signed = *t.SignedAt
		}
		outcomes = append(outcomes, o)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return hotline.ThreeRates(outcomes), nil
}
