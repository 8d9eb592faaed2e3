package webdeps

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/proposalsvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/workday"
)

// proposals are the 建议/提案 over the service: the office takes in,
// assigns, records feedback and sends back; the units handle and answer;
// leaders read; the portal shows the published answers.
type proposals struct{ d *Deps }

// proposalOrder is the proposals' forms' fields, as the service names
// them.
var proposalOrder = []string{"file", "year", "kind", "number", "title", "proposers", "delegation", "phone", "category", "content",
	"lead_unit_id", "co_unit_ids", "on", "unit_id", "way", "note", "opinion", "class", "answer", "planned", "signer", "contact",
	"satisfaction", "text", "reason"}

func (s *proposals) row(loc i18n.Localizer, p records.Proposal, today string) web.ProposalRow {
	var co []string
	for _, u := range p.CoUnits {
		co = append(co, u.Name)
	}
	r := web.ProposalRow{ID: p.ID, Kind: loc.T("proposals.kind." + p.Kind), Number: p.Number, Title: p.Title, Proposers: p.Proposers,
		LeadUnit: p.LeadUnit, CoUnits: strings.Join(co, "、"), Due: p.Due, State: p.State, StateLabel: loc.T("proposals.state." + p.State),
		Class: p.Class, Key: p.Key, Urgent: p.Urgent, Late: p.State == records.ProposalAssigned && p.Due != "" && p.Due < today}
	if p.Satisfaction != "" {
		r.Satisfaction = loc.T("proposals.satisfaction." + p.Satisfaction)
	}
	return r
}

func (s *proposals) List(ctx context.Context, q web.ProposalQuery) (*web.ProposalListView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	year, _ := strconv.Atoi(q.Year)
	list, err := s.d.Proposals.Proposals(ctx, p, records.ProposalFilter{Year: year, Kind: q.Kind, State: q.State})
	if err != nil {
		return nil, refused(ctx, err)
	}
	loc := i18n.FromContext(ctx)
	today := s.d.Proposals.Today()
	v := &web.ProposalListView{Year: year, Prev: year - 1, Next: year + 1, Query: q, CanCreate: authz.Allowed(p, authz.ProposalWrite)}
	for _, pr := range list {
		v.Rows = append(v.Rows, s.row(loc, pr, today))
	}
	for _, k := range proposalsvc.Kinds {
		v.Kinds = append(v.Kinds, web.Option{Value: k, Label: loc.T("proposals.kind." + k), Selected: k == q.Kind})
	}
	for _, st := range proposalsvc.States {
		v.States = append(v.States, web.Option{Value: st, Label: loc.T("proposals.state." + st), Selected: st == q.State})
	}
	return v, nil
}

func (s *proposals) Create(ctx context.Context, in web.ProposalForm) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	year, _ := strconv.Atoi(in.Year)
	pr, err := s.d.Proposals.Create(ctx, p, actor, records.Proposal{Year: year, Kind: in.Kind, Number: in.Number, Title: in.Title,
		Content: in.Content, Category: in.Category, Proposers: in.Proposers, Delegation: in.Delegation, Phone: in.Phone, Key: in.Key,
		Urgent: in.Urgent, NoPublish: in.NoPublish})
	if err != nil {
		return 0, conflictAsProblem(ctx, err)
	}
	return pr.ID, nil
}

// conflictAsProblem words a conflict at a field (a number taken) as the
// form's problem, and the rest as every form's refusal.
func conflictAsProblem(ctx context.Context, err error) error {
	if e := fault.As(err); e != nil && e.Code == fault.Conflict && len(e.Fields) > 0 {
		loc := i18n.FromContext(ctx)
		var out []string
		for _, k := range e.Fields {
			out = append(out, loc.T(k))
		}
		return &web.RulesInputError{Problems: out}
	}
	return refused(ctx, err, proposalOrder...)
}

func (s *proposals) Import(ctx context.Context, kind, year string, file web.Upload) (int, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	f, err := file.Open()
	if err != nil {
		return 0, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 20<<20))
	if err != nil {
		return 0, err
	}
	y, _ := strconv.Atoi(year)
	ids, err := s.d.Proposals.Import(ctx, p, actor, kind, y, data)
	if err != nil {
		return 0, conflictAsProblem(ctx, err)
	}
	return len(ids), nil
}

func (s *proposals) Get(ctx context.Context, id int64) (*web.ProposalView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	pr, err := s.d.Proposals.Proposal(ctx, p, id)
	if err != nil {
		return nil, refused(ctx, err)
	}
	loc := i18n.FromContext(ctx)
	today := s.d.Proposals.Today()
	v := &web.ProposalView{ProposalRow: s.row(loc, *pr, today), Year: pr.Year, Content: pr.Content, Category: pr.Category,
		Delegation: pr.Delegation, Phone: pr.Phone, NoPublish: pr.NoPublish, AssignedOn: pr.AssignedOn, Round: strconv.Itoa(pr.Round),
		Answer: pr.Answer, ClassText: classText(loc, pr.Class), Signer: pr.Signer, Contact: pr.Contact, AnsweredOn: pr.AnsweredOn,
		FeedbackText: pr.Feedback, SatisfactionKey: pr.Satisfaction, TaskID: pr.TaskID, HasLetter: pr.Answer != "", Today: today}
	office := authz.Allowed(p, authz.ProposalWrite)
	handles := func(unit int64) bool {
		return unit != 0 && authz.Can(p, authz.ProposalHandle, authz.Resource{Units: []int64{unit}})
	}
	assigned := pr.State == records.ProposalAssigned
	for _, u := range pr.CoUnits {
		c := web.ProposalCoUnit{UnitID: u.UnitID, Name: u.Name, Opinion: u.Opinion, CanOpine: assigned && handles(u.UnitID) && u.OpinionAt == nil}
		if u.OpinionAt != nil {
			c.At = u.OpinionAt.In(workday.Zone).Format("2006-01-02 15:04")
		}
		v.CoUnitList = append(v.CoUnitList, c)
	}
	v.CanAssign = office && (pr.State == records.ProposalReceived || pr.State == records.ProposalAssigned)
	v.CanContact = assigned && handles(pr.LeadUnitID)
	v.CanAnswer = v.CanContact
	v.CanFeedback = office && pr.State == records.ProposalAnswered && pr.Satisfaction == ""
	v.CanRedo = office && pr.State == records.ProposalAnswered && pr.Satisfaction == "unsatisfied"
	if assigned {
		for _, u := range append([]records.ProposalUnit{{UnitID: pr.LeadUnitID, Name: pr.LeadUnit}}, pr.CoUnits...) {
			if handles(u.UnitID) {
				v.DisputeUnits = append(v.DisputeUnits, web.Option{Value: strconv.FormatInt(u.UnitID, 10), Label: u.Name})
			}
		}
		v.CanDispute = len(v.DisputeUnits) > 0
	}
	if v.CanAssign {
		units, err := s.d.Proposals.Units(ctx)
		if err != nil {
			return nil, err
		}
		v.Units = unitOptions(units)
		for i := range v.Units {
			v.Units[i].Selected = v.Units[i].Value == strconv.FormatInt(pr.LeadUnitID, 10)
		}
	}
	for _, c := range proposalsvc.Classes {
		v.Classes = append(v.Classes, web.Option{Value: c, Label: classText(loc, c)})
	}
	for _, st := range proposalsvc.Satisfactions {
		v.Satisfactions = append(v.Satisfactions, web.Option{Value: st, Label: loc.T("proposals.satisfaction." + st)})
	}
	for _, e := range pr.Events {
		text := e.Text
		if e.Kind == records.ProposalEventFeedback {
			if k, rest, ok := strings.Cut(text, "："); ok {
				text = strings.TrimSuffix(loc.T("proposals.satisfaction."+k)+"："+rest, "：")
			}
		}
		v.Events = append(v.Events, web.ProposalEventRow{Round: e.Round, Kind: loc.T("proposals.event." + e.Kind), Unit: e.Unit, Text: text,
			On: e.OnDay, Actor: e.Actor, At: e.At.In(workday.Zone).Format("2006-01-02 15:04")})
	}
	return v, nil
}

func (s *proposals) Act(ctx context.Context, id int64, in web.ProposalAct) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	ps := s.d.Proposals
	unit, _ := strconv.ParseInt(in.Unit, 10, 64)
	switch in.Step {
	case "assign":
		lead, _ := strconv.ParseInt(in.Lead, 10, 64)
		a := proposalsvc.Assignment{LeadUnitID: lead, On: in.On, Urgent: in.Urgent}
		for _, c := range in.CoUnits {
			if u, err := strconv.ParseInt(c, 10, 64); err == nil {
				a.CoUnitIDs = append(a.CoUnitIDs, u)
			}
		}
		_, err = ps.Assign(ctx, p, actor, id, a)
	case "dispute":
		err = ps.Dispute(ctx, p, actor, id, unit, in.Text)
	case "contact":
		err = ps.Contact(ctx, p, actor, id, in.On, in.Way, in.Text)
	case "opinion":
		err = ps.Opinion(ctx, p, actor, id, unit, in.Text)
	case "answer":
		_, err = ps.Answer(ctx, p, actor, id, proposalsvc.Answer{Class: in.Class, Answer: in.Answer, Signer: in.Signer, Contact: in.Contact,
			Planned: in.Planned})
	case "feedback":
		_, err = ps.Feedback(ctx, p, actor, id, proposalsvc.Feedback{Satisfaction: in.Satisfaction, Text: in.Text, On: in.On})
	case "redo":
		_, err = ps.Redo(ctx, p, actor, id, in.Text)
	default:
		err = fault.ErrNotFound
	}
	if e := fault.As(err); e != nil && e.Fields["note"] != "" {
		e.Fields["text"] = e.Fields["note"] // the form's field is text
		delete(e.Fields, "note")
	}
	return refused(ctx, err, proposalOrder...)
}

func (s *proposals) Letter(ctx context.Context, id int64) (*web.Download, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	data, name, err := s.d.Proposals.Letter(ctx, p, actor, id)
	if err != nil {
		return nil, refused(ctx, err)
	}
	return &web.Download{Filename: name, ContentType: docxType, ModTime: s.d.Proposals.Now(), Body: nopSeekCloser{bytes.NewReader(data)}}, nil
}

func (s *proposals) Late(ctx context.Context) ([]web.ProposalRow, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	if !authz.Allowed(p, authz.ProposalRead) {
		return nil, nil
	}
	list, err := s.d.Proposals.Late(ctx, p)
	if err != nil {
		return nil, refused(ctx, err)
	}
	loc := i18n.FromContext(ctx)
	today := s.d.Proposals.Today()
	var out []web.ProposalRow
	for _, pr := range list {
		out = append(out, s.row(loc, pr, today))
	}
	return out, nil
}

// classText is an answer's class in the reader's words; "" for none.
func classText(loc i18n.Localizer, class string) string {
	if class == "" {
		return ""
	}
	return loc.T("proposals.class." + class)
}

func rate(n, of int) string {
	if of == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f%%", float64(n)*100/float64(of))
}

func (s *proposals) Public(ctx context.Context, year int) (*web.PublicProposalsView, error) {
	list, err := s.d.Proposals.Public(ctx, year)
	if err != nil {
		return nil, refused(ctx, err)
	}
	stats, err := s.d.Proposals.Stats(ctx, year)
	if err != nil {
		return nil, refused(ctx, err)
	}
	loc := i18n.FromContext(ctx)
	v := &web.PublicProposalsView{Year: year, Prev: year - 1, Next: year + 1}
	for _, pr := range list {
		v.Rows = append(v.Rows, publicRow(loc, pr))
	}
	for _, u := range stats {
		v.Stats = append(v.Stats, web.ProposalUnitStats{Unit: u.Unit, Assigned: u.Assigned, Answered: u.Answered, OnTime: u.OnTime,
			Rated: u.Rated, Satisfied: u.Satisfied, A: u.Classes["A"], B: u.Classes["B"], C: u.Classes["C"],
			OnTimeRate: rate(u.OnTime, u.Answered), SatisfiedRate: rate(u.Satisfied, u.Rated)})
	}
	return v, nil
}

func publicRow(loc i18n.Localizer, pr proposalsvc.Published) web.PublicProposalRow {
	return web.PublicProposalRow{ID: pr.ID, Kind: loc.T("proposals.kind." + pr.Kind), Number: pr.Number, Title: pr.Title,
		Proposers: pr.Proposers, Unit: pr.Unit, Class: pr.Class, AnsweredOn: pr.AnsweredOn}
}

func (s *proposals) PublicAnswer(ctx context.Context, id int64) (*web.PublicProposalView, error) {
	pr, err := s.d.Proposals.PublicAnswer(ctx, id)
	if err != nil {
		return nil, refused(ctx, err)
	}
	loc := i18n.FromContext(ctx)
	return &web.PublicProposalView{PublicProposalRow: publicRow(loc, *pr), Delegation: pr.Delegation, Answer: pr.Answer,
		ClassText: classText(loc, pr.Class), Year: pr.Year}, nil
}
