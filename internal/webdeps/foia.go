package webdeps

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/workday"
)

// disclosure is 依申请公开 over the service, which checks who may do what
// and masks the applicant for whoever may not see them.
type disclosure struct{ d *Deps }

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func foiaRow(loc i18n.Localizer, v *foiasvc.View) web.FOIARow {
	r := v.Request
	row := web.FOIARow{ID: r.ID, Applicant: r.ApplicantName, Kind: loc.Code("foia.applicant", r.ApplicantKind, foia.ApplicantLabel(foia.Applicant(r.ApplicantKind))), Content: clip(r.Content, 80),
		Channel: loc.Code("foia.channel", r.Channel, foia.ChannelLabel(foia.Channel(r.Channel))), Received: r.ReceivedOn, State: v.Clock.State,
		StateLabel: loc.Code("foia.state", v.Clock.State, foia.StateLabel(v.Clock.State)),
		Reply:      loc.Code("foia.reply", r.Reply, foia.Reply(r.Reply).Label()), Overdue: v.Clock.State == foia.StateOverdue}
	if !v.Clock.Due.IsZero() {
		due := v.Clock.Due
		row.Due = &due
	} else if r.DueOn != nil {
		row.Due = r.DueOn
	}
	return row
}

func (s *disclosure) List(ctx context.Context) (*web.FOIAListView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	open, done, err := s.d.FOIA.Requests(ctx, p, 50)
	if err != nil {
		return nil, refused(ctx, err)
	}
	v := &web.FOIAListView{CanIntake: authz.Allowed(p, authz.FOIAHandle), Year: s.d.FOIA.ThisYear()}
	for i := range open {
		v.Open = append(v.Open, foiaRow(i18n.FromContext(ctx), &open[i]))
	}
	for i := range done {
		v.Done = append(v.Done, foiaRow(i18n.FromContext(ctx), &done[i]))
	}
	return v, nil
}

func (s *disclosure) Get(ctx context.Context, id int64) (*web.FOIAView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	v, err := s.d.FOIA.Find(ctx, p, id)
	if err != nil {
		return nil, refused(ctx, err)
	}
	loc := i18n.FromContext(ctx)
	r := v.Request // masked by the service for whoever may not see the applicant
	out := &web.FOIAView{FOIARow: foiaRow(loc, v), Form: r.Form, Why: v.Clock.Explain(loc.T), ReplyText: r.ReplyText, Fee: r.Fee,
		Concluded: r.ConcludedOn, CanAct: authz.Allowed(p, authz.FOIAHandle) && r.ConcludedOn == nil,
		CanLetter: foiasvc.MayLetter(p) && r.ConcludedOn != nil}
	switch foia.Channel(r.Channel) {
	case foia.OrdinaryMail, foia.Online, foia.Fax:
		out.CanConfirm = out.CanAct && len(v.Steps) == 0
	}
	out.Content = r.Content
	out.Contact = strings.Join(nonEmpty(r.ApplicantIDNo, r.ApplicantPhone, r.ApplicantEmail, r.ApplicantAddr), " · ")
	for _, st := range v.Steps {
		out.Steps = append(out.Steps, web.FOIAStepRow{On: st.On, Label: loc.Code("foia.step", st.Kind, foiasvc.StepLabel(st.Kind)), Days: st.Days, Note: st.Note, Actor: st.Actor})
	}
	if out.CanAct {
		for _, k := range []string{foia.StepCorrection, foia.StepSupplement, foia.StepConsult, foia.StepConsultDone, foia.StepFeeNotice,
			foia.StepFeePaid, foia.StepExtension} {
			out.StepKinds = append(out.StepKinds, web.Option{Value: k, Label: loc.Code("foia.step", k, foiasvc.StepLabel(k))})
		}
		for _, rp := range foia.Replies {
			out.Replies = append(out.Replies, web.Option{Value: string(rp), Label: loc.Code("foia.reply", string(rp), rp.Label())})
		}
		for i, g := range foia.WithheldReasons {
			out.Grounds = append(out.Grounds, web.Option{Value: strconv.Itoa(i + 1), Label: loc.Code("foia.withheld", strconv.Itoa(i), g)})
		}
	}
	return out, nil
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (s *disclosure) MayIntake(ctx context.Context) error {
	p, _, err := s.d.caller(ctx)
	if err == nil && !foiasvc.MayReceive(p) {
		err = web.ErrForbidden
	}
	return err
}

func (s *disclosure) Form(ctx context.Context) *web.FOIAForm {
	loc := i18n.FromContext(ctx)
	f := &web.FOIAForm{}
	for _, a := range foia.Applicants {
		f.Kinds = append(f.Kinds, web.Option{Value: string(a), Label: loc.Code("foia.applicant", string(a), foia.ApplicantLabel(a))})
	}
	for _, c := range []foia.Channel{foia.InPerson, foia.Registered, foia.OrdinaryMail, foia.Fax, foia.Online} {
		f.Channels = append(f.Channels, web.Option{Value: string(c), Label: loc.Code("foia.channel", string(c), foia.ChannelLabel(c))})
	}
	return f
}

func (s *disclosure) FromTicket(ctx context.Context, ticketID int64) (web.FOIAInput, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return web.FOIAInput{}, err
	}
	in, err := s.d.FOIA.FromTicket(ctx, p, ticketID)
	if err != nil {
		return web.FOIAInput{}, refused(ctx, err)
	}
	return web.FOIAInput{Kind: in.Kind, Name: in.Name, Phone: in.Phone, Email: in.Email, Address: in.Address, Channel: in.Channel, Content: in.Content}, nil
}

// foiaOrder is the request and step forms' fields, as the service names
// them.
var foiaOrder = []string{"applicant_kind", "applicant_name", "phone", "channel", "received_on", "content",
	"kind", "on", "days", "note", "pages", "type", "ground", "text"}

func intakeOfFOIA(in web.FOIAInput) (foiasvc.Intake, error) {
	out := foiasvc.Intake{Kind: in.Kind, Name: in.Name, IDNo: in.IDNo, Phone: in.Phone, Email: in.Email, Address: in.Address,
		Channel: in.Channel, Content: in.Content, Form: in.Form}
	if in.Received != "" {
		d, err := workday.ParseDate(in.Received)
		if err != nil {
			return out, fault.Field("received_on", "foia.error.date_format")
		}
		out.Received = d
	}
	return out, nil
}

func (s *disclosure) Intake(ctx context.Context, in web.FOIAInput) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	intake, err := intakeOfFOIA(in)
	if err != nil {
		return 0, refused(ctx, err)
	}
	v, err := s.d.FOIA.Receive(ctx, p, actor, intake)
	if err != nil {
		return 0, refused(ctx, err, foiaOrder...)
	}
	return v.Request.ID, nil
}

func (s *disclosure) Act(ctx context.Context, id int64, a web.FOIAAction) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	var on time.Time
	if a.On != "" {
		if on, err = workday.ParseDate(a.On); err != nil {
			return refused(ctx, fault.Field("on", "foia.error.date_format"))
		}
	}
	if a.Kind == "confirm" {
		_, err = s.d.FOIA.ConfirmReceipt(ctx, p, actor, id, on)
	} else if a.Kind == foia.StepReply {
		_, err = s.d.FOIA.Reply(ctx, p, actor, id, foiasvc.ReplyInput{Type: foia.Reply(a.Reply), Ground: a.Ground, Text: a.Text, On: on})
	} else {
		_, err = s.d.FOIA.Step(ctx, p, actor, id, foiasvc.StepInput{Kind: a.Kind, On: on, Days: a.Days, Note: a.Note, Pages: a.Pages, Count: a.Count})
	}
	return refused(ctx, err, foiaOrder...)
}

// Letter is for the office alone: the letter names the applicant.
func (s *disclosure) Letter(ctx context.Context, id int64) (*web.Download, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	return s.download(ctx)(s.d.FOIA.Letter(ctx, p, actor, id))
}

// download is a reply letter as the pages send it.
func (s *disclosure) download(ctx context.Context) func(data []byte, name string, err error) (*web.Download, error) {
	return func(data []byte, name string, err error) (*web.Download, error) {
		if err != nil {
			return nil, refused(ctx, err)
		}
		return &web.Download{Filename: name, ContentType: docxType, ModTime: s.d.FOIA.Now(), Body: nopSeekCloser{bytes.NewReader(data)}}, nil
	}
}

// report is the table of a year (0: this year) for the signed-in
// reader. A year without a report is a page not found.
func (s *disclosure) report(ctx context.Context, year int) (int, []foia.Row, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return 0, nil, err
	}
	return tableOf(ctx)(s.d.FOIA.AnnualFor(ctx, p, year))
}

// tableOf translates the service's answer for a report page.
func tableOf(ctx context.Context) func(year int, rows []foia.Row, err error) (int, []foia.Row, error) {
	return func(year int, rows []foia.Row, err error) (int, []foia.Row, error) {
		if fault.CodeOf(err) == fault.Invalid {
			return year, nil, errors.Join(web.ErrNotFound, err)
		}
		return year, rows, refused(ctx, err)
	}
}

func (s *disclosure) Report(ctx context.Context, year int) (*web.FOIAReportView, error) {
	year, rows, err := s.report(ctx, year)
	if err != nil {
		return nil, err
	}
	return s.reportView(i18n.FromContext(ctx), year, rows), nil
}

// PublicReport is the same table for the portal: the annual report is
// published by law (条例第五十条), and the table holds counts only.
func (s *disclosure) PublicReport(ctx context.Context, year int) (*web.FOIAReportView, error) {
	year, rows, err := tableOf(ctx)(s.d.FOIA.Annual(ctx, year))
	if err != nil {
		return nil, err
	}
	return s.reportView(i18n.FromContext(ctx), year, rows), nil
}

func (s *disclosure) reportView(loc i18n.Localizer, year int, rows []foia.Row) *web.FOIAReportView {
	v := &web.FOIAReportView{Year: year}
	for y := s.d.FOIA.ThisYear(); y >= s.d.FOIA.ThisYear()-5 && y >= foiasvc.FirstYear; y-- {
		v.Years = append(v.Years, y)
	}
	for _, a := range foia.Applicants {
		v.Columns = append(v.Columns, loc.Code("foia.applicant", string(a), foia.ApplicantLabel(a)))
	}
	v.Columns = append(v.Columns, loc.T("foia.report.total"))
	for i, r := range rows {
		v.Rows = append(v.Rows, web.FOIAReportRow{Label: loc.Code("foia.report.row", strconv.Itoa(i), r.Label), Depth: r.Depth, Counts: r.Counts[:]})
	}
	return v
}

func (s *disclosure) ReportFile(ctx context.Context, year int) (*web.Download, error) {
	year, rows, err := s.report(ctx, year)
	if err != nil {
		return nil, err
	}
	data, err := foiasvc.AnnualXlsx(year, rows)
	if err != nil {
		return nil, err
	}
	return &web.Download{Filename: i18n.FromContext(ctx).T("foia.report.filename", "year", year), ContentType: xlsxType, ModTime: s.d.FOIA.Now(),
		Body: nopSeekCloser{bytes.NewReader(data)}}, nil
}

func (s *disclosure) File(ctx context.Context, in web.FOIAInput) (int64, string, error) {
	in.Received = "" // online: the day of submission, which the applicant cannot choose
	intake, err := intakeOfFOIA(in)
	if err != nil {
		return 0, "", refused(ctx, err)
	}
	intake.IP = httpauth.IPFrom(ctx)
	v, secret, err := s.d.FOIA.ReceivePublic(ctx, intake)
	if err != nil {
		return 0, "", refused(ctx, err, foiaOrder...)
	}
	return v.Request.ID, secret, nil
}

func (s *disclosure) Follow(ctx context.Context, id int64, secret string) (*web.PublicFOIA, error) {
	v, err := s.d.FOIA.Follow(ctx, id, secret)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	r := v.Request
	loc := i18n.FromContext(ctx)
	out := &web.PublicFOIA{ID: r.ID, Content: r.Content, StateLabel: loc.Code("foia.state", v.Clock.State, foia.StateLabel(v.Clock.State)), Received: r.ReceivedOn, Why: v.Clock.Explain(loc.T),
		Reply: loc.Code("foia.reply", r.Reply, foia.Reply(r.Reply).Label()), ReplyText: r.ReplyText, HasLetter: r.ConcludedOn != nil, Secret: secret}
	if r.ConcludedOn == nil && !v.Clock.Due.IsZero() {
		due := v.Clock.Due
		out.Due = &due
	}
	return out, nil
}

func (s *disclosure) FollowLetter(ctx context.Context, id int64, secret string) (*web.Download, error) {
	return s.download(ctx)(s.d.FOIA.FollowLetter(ctx, id, secret, httpauth.IPFrom(ctx)))
}
