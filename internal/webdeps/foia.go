package webdeps

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/i18n"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/workday"
)

// disclosure is 依申请公开 over the service, checked by authz: the office
// handles requests and sees who asked; leaders read, the applicant masked.
type disclosure struct{ d *Deps }

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func foiaRow(loc i18n.Localizer, v *foiasvc.View, masked bool) web.FOIARow {
	r := v.Request
	if masked {
		r = r.Masked()
	}
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
	p, _, err := s.d.acting(ctx, authz.FOIARead)
	if err != nil {
		return nil, err
	}
	open, done, err := s.d.FOIA.List(ctx, 50)
	if err != nil {
		return nil, err
	}
	masked := p.Role != authz.Office
	v := &web.FOIAListView{CanIntake: authz.Allowed(p, authz.FOIAHandle), Year: s.thisYear()}
	for i := range open {
		v.Open = append(v.Open, foiaRow(i18n.FromContext(ctx), &open[i], masked))
	}
	for i := range done {
		v.Done = append(v.Done, foiaRow(i18n.FromContext(ctx), &done[i], masked))
	}
	return v, nil
}

func (s *disclosure) Get(ctx context.Context, id int64) (*web.FOIAView, error) {
	p, _, err := s.d.acting(ctx, authz.FOIARead)
	if err != nil {
		return nil, err
	}
	v, err := s.d.FOIA.Find(ctx, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	masked := p.Role != authz.Office
	loc := i18n.FromContext(ctx)
	r := v.Request
	if masked {
		r = r.Masked()
	}
	out := &web.FOIAView{FOIARow: foiaRow(loc, v, masked), Form: r.Form, Why: v.Clock.Explain(loc.T), ReplyText: r.ReplyText, Fee: r.Fee,
		Concluded: r.ConcludedOn, CanAct: authz.Allowed(p, authz.FOIAHandle) && r.ConcludedOn == nil,
		CanLetter: authz.Allowed(p, authz.FOIAHandle) && r.ConcludedOn != nil}
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
	if _, _, err := s.d.acting(ctx, authz.FOIAHandle); err != nil {
		return web.FOIAInput{}, err
	}
	t, err := s.d.Store.FindTicket(ctx, ticketID)
	if err != nil {
		return web.FOIAInput{}, pageError(err, "", "")
	}
	channel := string(foia.Online)
	if t.Channel == "phone" {
		channel = "" // the Regulations want a written request: the office records how it came
	}
	return web.FOIAInput{Kind: string(foia.Person), Name: t.CallerName, Phone: t.CallerPhone, Email: t.CallerEmail, Address: t.Address,
		Channel: channel, Content: t.Description}, nil
}

// foiaError shows a refused request or step on its form.
func foiaError(err error) error {
	var bad *foiasvc.InputError
	if errors.As(err, &bad) {
		return &web.RulesInputError{Problems: bad.Problems}
	}
	return pageError(err, "", "")
}

func intakeOfFOIA(in web.FOIAInput) (foiasvc.Intake, error) {
	out := foiasvc.Intake{Kind: in.Kind, Name: in.Name, IDNo: in.IDNo, Phone: in.Phone, Email: in.Email, Address: in.Address,
		Channel: in.Channel, Content: in.Content, Form: in.Form}
	if in.Received != "" {
		d, err := workday.ParseDate(in.Received)
		if err != nil {
			return out, &web.RulesInputError{Problems: []string{"收到日期：请按 年-月-日 填写"}}
		}
		out.Received = d
	}
	return out, nil
}

func (s *disclosure) Intake(ctx context.Context, in web.FOIAInput) (int64, error) {
	_, actor, err := s.d.acting(ctx, authz.FOIAHandle)
	if err != nil {
		return 0, err
	}
	intake, err := intakeOfFOIA(in)
	if err != nil {
		return 0, err
	}
	v, err := s.d.FOIA.Receive(ctx, actor, intake)
	if err != nil {
		return 0, foiaError(err)
	}
	return v.Request.ID, nil
}

func (s *disclosure) Act(ctx context.Context, id int64, a web.FOIAAction) error {
	_, actor, err := s.d.acting(ctx, authz.FOIAHandle)
	if err != nil {
		return err
	}
	var on time.Time
	if a.On != "" {
		if on, err = workday.ParseDate(a.On); err != nil {
			return &web.RulesInputError{Problems: []string{"日期：请按 年-月-日 填写"}}
		}
	}
	if a.Kind == "confirm" {
		_, err = s.d.FOIA.ConfirmReceipt(ctx, actor, id, on)
	} else if a.Kind == foia.StepReply {
		_, err = s.d.FOIA.Reply(ctx, actor, id, foiasvc.ReplyInput{Type: foia.Reply(a.Reply), Ground: a.Ground, Text: a.Text, On: on})
	} else {
		_, err = s.d.FOIA.Step(ctx, actor, id, foiasvc.StepInput{Kind: a.Kind, On: on, Days: a.Days, Note: a.Note, Pages: a.Pages, Count: a.Count})
	}
	if err != nil {
		return foiaError(err)
	}
	return nil
}

// Letter is for the office alone: the letter names the applicant.
func (s *disclosure) Letter(ctx context.Context, id int64) (*web.Download, error) {
	if _, _, err := s.d.acting(ctx, authz.FOIAHandle); err != nil {
		return nil, err
	}
	return s.letter(ctx, id)
}

func (s *disclosure) letter(ctx context.Context, id int64) (*web.Download, error) {
	data, name, err := s.d.FOIA.Letter(ctx, id)
	if err != nil {
		return nil, foiaError(err)
	}
	return &web.Download{Filename: name, ContentType: docxType, ModTime: s.d.FOIA.Now(), Body: nopSeekCloser{bytes.NewReader(data)}}, nil
}

// thisYear is the year in China, which the annual report counts.
func (s *disclosure) thisYear() int { return s.d.FOIA.Now().In(workday.Zone).Year() }

// report is the table of a year, this year if year is out of range.
func (s *disclosure) report(ctx context.Context, year int) (int, []foia.Row, error) {
	if _, _, err := s.d.acting(ctx, authz.FOIARead); err != nil {
		return 0, nil, err
	}
	return s.annual(ctx, year)
}

func (s *disclosure) annual(ctx context.Context, year int) (int, []foia.Row, error) {
	now := s.thisYear()
	if year < 2008 || year > now { // the Regulations took effect in 2008
		year = now
	}
	rows, err := s.d.FOIA.Annual(ctx, year)
	return year, rows, err
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
	year, rows, err := s.annual(ctx, year)
	if err != nil {
		return nil, err
	}
	return s.reportView(i18n.FromContext(ctx), year, rows), nil
}

func (s *disclosure) reportView(loc i18n.Localizer, year int, rows []foia.Row) *web.FOIAReportView {
	v := &web.FOIAReportView{Year: year}
	for y := s.thisYear(); y >= s.thisYear()-5; y-- {
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
	return &web.Download{Filename: strconv.Itoa(year) + "年政府信息公开申请情况.xlsx", ContentType: xlsxType, ModTime: s.d.FOIA.Now(),
		Body: nopSeekCloser{bytes.NewReader(data)}}, nil
}

func (s *disclosure) File(ctx context.Context, in web.FOIAInput) (int64, string, error) {
	in.Received = "" // online: the day of submission, which the applicant cannot choose
	intake, err := intakeOfFOIA(in)
	if err != nil {
		return 0, "", err
	}
	intake.IP = httpauth.IPFrom(ctx)
	v, secret, err := s.d.FOIA.ReceivePublic(ctx, intake)
	if err != nil {
		return 0, "", foiaError(err)
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
	if _, err := s.d.FOIA.Follow(ctx, id, secret); err != nil {
		return nil, pageError(err, "", "")
	}
	return s.letter(ctx, id)
}
