// Package foiasvc runs 依申请公开 requests over the store: receipt by an
// official or the public form, each dated step checked by the statutory
// clock of package foia before it is kept, the reply with its letter,
// and the annual report's table from the records. The pages, the API and
// the public form share one.
//
// Each method that acts for a signed-in user takes their principal and
// checks it through authz; requests come back with the applicant masked
// for whoever may not see personal data (authz.SeesPersonalData), and a
// refusal is a *fault.Error with catalogue keys at the fields.
package foiasvc

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/pii"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// Service is the disclosure office's desk.
type Service struct {
	Store    Store
	Calendar workday.Source
	Now      func() time.Time
	// Letters names the agency in the reply letters and the bodies of the
	// remedies notice.
	Letters Letterhead
	// views spares the audit log a pii.view entry for each reload.
	views pii.Views
}

// Letterhead is what the reply letters say of the agency.
type Letterhead struct {
	Agency          string // the agency that replies: ××市人民政府办公室
	Reconsideration string // where to apply for 行政复议
	Court           string // where to sue
}

// Intake is a request as received.
type Intake struct {
	Kind     string // foia.Applicant
	Name     string
	IDNo     string
	Phone    string
	Email    string
	Address  string
	Channel  string    // foia.Channel
	Received time.Time // the day of receipt; zero: today
	Content  string    // the information asked for
	Form     string    // the form asked for
	IP       string    // where a public submission came from, for the audit log
}

// MaxContent bounds a request's description, in characters.
const MaxContent = 2000

// View is a request with its steps and where its clock stands today.
type View struct {
	Request records.FOIARequest
	Steps   []records.FOIAStep
	Clock   foia.Clock
}

// MayReceive reports whether p records requests received at the counter,
// by post or fax: those who handle them. The form is offered to them only.
func MayReceive(p authz.Principal) bool { return authz.Allowed(p, authz.FOIAHandle) }

// Receive records a request received by post, in person or otherwise,
// for p who handles requests.
func (s *Service) Receive(ctx context.Context, p authz.Principal, actor audit.Actor, in Intake) (*View, error) {
	if !MayReceive(p) {
		return nil, fault.ErrForbidden
	}
	v, err := s.receive(ctx, actor, in, "")
	if err != nil {
		return nil, err
	}
	return shown(p, v), nil
}

// ReceivePublic records a request from the public form, received online
// today, and returns the secret with which the applicant follows it;
// only its hash is kept.
func (s *Service) ReceivePublic(ctx context.Context, in Intake) (*View, string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, "", err
	}
	secret := hex.EncodeToString(b[:])
	in.Channel, in.Received = string(foia.Online), time.Time{}
	v, err := s.receive(ctx, audit.Actor{Username: "public", IP: in.IP}, in, followHash(secret))
	return v, secret, err
}

// today is the civil day in China, which the statutory days count.
func (s *Service) today() time.Time { return workday.DateOf(s.Now().In(workday.Zone)) }

func followHash(secret string) string {
	sum := sha256.Sum256([]byte("duban-foia-follow:" + secret))
	return hex.EncodeToString(sum[:])
}

// Follow is the request an applicant follows with its secret: their own,
// unmasked.
func (s *Service) Follow(ctx context.Context, id int64, secret string) (*View, error) {
	r, steps, err := s.Store.FindFOIARequestByFollow(ctx, id, followHash(secret))
	if err != nil {
		return nil, err
	}
	return s.view(r, steps)
}

// Find is one request as it stands today, for p who reads requests: the
// applicant masked for whoever may not see personal data.
func (s *Service) Find(ctx context.Context, p authz.Principal, id int64) (*View, error) {
	if !authz.Allowed(p, authz.FOIARead) {
		return nil, fault.ErrForbidden
	}
	v, err := s.find(ctx, id)
	if err != nil {
		return nil, err
	}
	if authz.SeesPersonalData(p) {
		if err := s.viewed(ctx, p, "foia", id); err != nil {
			return nil, err
		}
	}
	return shown(p, v), nil
}

// viewed writes the pii.view audit entry for p's look at the personal
// data of record id of objectType (foia, foia_letter, ticket), once in
// pii.ViewQuiet: who saw whose data is asked after a leak, and a reload
// is the same look.
func (s *Service) viewed(ctx context.Context, p authz.Principal, objectType string, id int64) error {
	key, now := objectType+":"+strconv.FormatInt(id, 10), s.Now()
	if !s.views.Due(p.UserID, key, now) {
		return nil
	}
	if err := s.Store.RecordEvent(ctx, audit.Actor{ID: p.UserID, Username: p.Username}, "pii.view", objectType, id, nil); err != nil {
		return err
	}
	s.views.Note(p.UserID, key, now)
	return nil
}

// shown is v as p may see it: the applicant's name, ID number, phone,
// e-mail and address masked for whoever may not see personal data
// (authz.SeesPersonalData), and any number or e-mail address written
// into the request or the reply (pii.Mask).
func shown(p authz.Principal, v *View) *View {
	if !authz.SeesPersonalData(p) {
		v.Request = v.Request.Masked()
		v.Request.Content = pii.Mask(v.Request.Content)
		v.Request.ReplyText = pii.Mask(v.Request.ReplyText)
	}
	return v
}

func (s *Service) find(ctx context.Context, id int64) (*View, error) {
	r, steps, err := s.Store.FindFOIARequest(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.view(r, steps)
}

func (s *Service) receive(ctx context.Context, actor audit.Actor, in Intake, follow string) (*View, error) {
	today := s.today()
	if in.Received.IsZero() {
		in.Received = today
	}
	var bad fault.Problems
	in.Name, in.Content = strings.TrimSpace(in.Name), strings.TrimSpace(in.Content)
	if foia.ApplicantLabel(foia.Applicant(in.Kind)) == "" {
		bad.At("applicant_kind", "foia.error.applicant_kind")
	}
	if in.Name == "" {
		bad.At("applicant_name", "foia.error.applicant_name")
	}
	if in.Phone == "" && in.Email == "" && strings.TrimSpace(in.Address) == "" {
		bad.At("phone", "foia.error.contact")
	}
	if foia.ChannelLabel(foia.Channel(in.Channel)) == "" {
		bad.At("channel", "foia.error.channel")
	}
	if in.Content == "" {
		bad.At("content", "foia.error.content")
	}
	if n := utf8.RuneCountInString(in.Content); n > MaxContent {
		bad.At("content", "foia.error.content_long", "max", MaxContent, "n", n)
	}
	// An instant is dated in China; a date (midnight UTC) stays itself.
	in.Received = workday.DateOf(in.Received.In(workday.Zone))
	if received := in.Received; received.After(today) {
		bad.At("received_on", "foia.error.received_future")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	r := records.FOIARequest{ApplicantKind: in.Kind, ApplicantName: in.Name, ApplicantIDNo: strings.TrimSpace(in.IDNo),
		ApplicantPhone: strings.TrimSpace(in.Phone), ApplicantEmail: strings.TrimSpace(in.Email), ApplicantAddr: strings.TrimSpace(in.Address),
		Channel: in.Channel, ReceivedOn: in.Received, Content: in.Content, Form: strings.TrimSpace(in.Form),
		Withheld: -1, FollowHash: follow}
	if err := s.settle(&r, nil); err != nil {
		return nil, err
	}
	id, err := s.Store.CreateFOIARequest(ctx, actor, r)
	if err != nil {
		return nil, err
	}
	return s.find(ctx, id)
}

// settle runs the clock over the steps and keeps its state and deadline
// on the request, or refuses steps the Regulations do not allow.
func (s *Service) settle(r *records.FOIARequest, steps []records.FOIAStep) error {
	c, err := s.run(r, steps)
	if err != nil {
		return err
	}
	r.State = c.State
	r.DueOn = nil
	if !c.Due.IsZero() {
		due := c.Due
		r.DueOn = &due
	}
	return nil
}

func (s *Service) run(r *records.FOIARequest, steps []records.FOIAStep) (foia.Clock, error) {
	return s.runAt(r, steps, s.today())
}

// runAt is where the request stood on a day: before a step, on the day
// of the step.
func (s *Service) runAt(r *records.FOIARequest, steps []records.FOIAStep, day time.Time) (foia.Clock, error) {
	req := foia.Request{Channel: foia.Channel(r.Channel), Received: r.ReceivedOn}
	for _, st := range steps {
		req.Steps = append(req.Steps, foia.Step{Kind: st.Kind, On: st.On, Days: st.Days})
	}
	c, err := foia.Run(s.Calendar.Current(), req, day)
	if errors.Is(err, foia.ErrSteps) {
		return c, &fault.Error{Code: fault.Invalid, Fields: map[string]string{"kind": stepProblem(err)}, Args: map[string]any{"max": foia.MaxExtension}, Err: err}
	}
	return c, err
}

func (s *Service) view(r *records.FOIARequest, steps []records.FOIAStep) (*View, error) {
	c, err := s.run(r, steps)
	if err != nil {
		return nil, err
	}
	if r.ConcludedOn != nil {
		// concluded, also when it ended as abandoned while the clock
		// still counted the 补正 or the fee
		c.State = foia.StateReplied
	}
	r.State = c.State
	return &View{Request: *r, Steps: steps, Clock: c}, nil
}

// stepProblem is the catalogue key of why the clock refused the steps.
func stepProblem(err error) string {
	msg := err.Error()
	for _, m := range []struct{ in, key string }{
		{"second 补正", "foia.error.clock.second_correction"},
		{"without a 补正 notice", "foia.error.clock.no_correction"},
		{"a second extension", "foia.error.clock.second_extension"},
		{"an extension of", "foia.error.clock.extension_long"},
		{"before the receipt", "foia.error.clock.before_receipt"},
		{"while the clock already stands", "foia.error.clock.paused"},
		{"without its start", "foia.error.clock.no_start"},
	} {
		if strings.Contains(msg, m.in) {
			return m.key
		}
	}
	return "foia.error.clock.other"
}
