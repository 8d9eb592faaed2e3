package webdeps

import (
	"context"
	"strconv"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/commitsvc"
	"github.com/duban/duban/internal/decision"
	"github.com/duban/duban/internal/decisionsvc"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// decisions are the 重大行政决策 and 守信践诺 pages over their services.
type decisions struct{ d *Deps }

// decisionOrder and commitmentOrder are the forms' fields, as the
// services name them.
var (
	decisionOrder   = []string{"year", "title", "summary", "unit_id", "planned", "reason", "action"}
	stepOrder       = []string{"kind", "gate", "from", "to", "result", "body", "reason", "exec_due", "eval_due", "files"}
	commitmentOrder = []string{"title", "source", "source_ref", "unit_id", "target", "deadline", "kind", "body", "reason", "rectification", "on"}
)

// stepRefused words a refusal of a form above it: the law's refusals in
// a decision's state (the gate not passed, the period still open) as
// the input's are, each under its field's or gate's name.
func stepRefused(ctx context.Context, err error, order ...string) error {
	if e := fault.As(err); e != nil && len(e.Fields) > 0 && (e.Code == fault.State || e.Code == fault.Conflict) {
		c := *e
		c.Code = fault.Invalid
		return listError(ctx, &c, order...)
	}
	return refused(ctx, err, order...)
}

func (s *decisions) year(y int) int {
	if y < 2000 || y > 2100 {
		return s.d.Ledger.Today().Year()
	}
	return y
}

func (s *decisions) Catalogue(ctx context.Context, year int) (*web.DecisionCatalogueView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	year = s.year(year)
	c, err := s.d.Decisions.Catalogue(ctx, p, year)
	if err != nil {
		return nil, refused(ctx, err)
	}
	this := s.d.Ledger.Today().Year()
	v := &web.DecisionCatalogueView{DecisionCatalogue: c, Years: []int{this + 1, this, this - 1}, CanEdit: authz.Allowed(p, authz.PlanWrite)}
	if v.CanEdit {
		units, err := s.d.Admin.Units(ctx, p)
		if err != nil {
			return nil, pageError(err, "", "")
		}
		v.Units = unitOptions(units)
	}
	return v, nil
}

func (s *decisions) Decision(ctx context.Context, id int64) (*web.DecisionView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	d, err := s.d.Decisions.Decision(ctx, p, id)
	if err != nil {
		return nil, refused(ctx, err)
	}
	v := decisionView(d, authz.Allowed(p, authz.PlanWrite), s.d.Ledger.Today())
	v.CanInterpret = d.Status != decision.StatusWithdrawn && authz.Can(p, authz.DecisionInterpret, authz.Resource{Units: []int64{d.UnitID}}) &&
		authz.WithinScope(p, []int64{d.UnitID})
	return v, nil
}

// gateOfStep is the gate a step is recorded against.
var gateOfStep = map[string]string{decision.StepConsult: decision.GateParticipation, decision.StepFeedback: decision.GateParticipation,
	decision.StepExpert: decision.GateExpert, decision.StepRisk: decision.GateRisk, decision.StepLegality: decision.GateLegality,
	decision.StepCollective: decision.GateCollective, decision.StepPublish: decision.GatePublication,
	decision.StepInterpret: decision.GatePublication}

func decisionView(d *records.Decision, canEdit bool, today interface{ Format(string) string }) *web.DecisionView {
	var steps []decision.Step
	for _, s := range d.Steps {
		steps = append(steps, decision.Step{Kind: s.Kind, Gate: s.Gate, From: s.From, To: s.To, Result: s.Result})
	}
	st := decision.Read(steps)
	v := &web.DecisionView{Decision: d, CanEdit: canEdit && d.Status != decision.StatusPublished && d.Status != decision.StatusWithdrawn,
		Kinds: decision.Steps}
	for _, g := range decision.Gates {
		gv := web.DecisionGate{Gate: g, Done: st.Done[g], Skipped: st.Skipped[g], Current: g == d.Gate}
		for _, s := range d.Steps {
			if gateOfStep[s.Kind] == g || (s.Kind == decision.StepSkip && s.Gate == g) {
				gv.Steps = append(gv.Steps, s)
			}
		}
		v.Gates = append(v.Gates, gv)
	}
	if st.CommentsFrom != "" {
		day := today.Format("2006-01-02")
		v.Commenting = !st.Done[decision.GateParticipation] && day >= st.CommentsFrom && day <= st.CommentsTo
	}
	return v
}

func (s *decisions) Create(ctx context.Context, in web.DecisionInput) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	unit, _ := strconv.ParseInt(in.Unit, 10, 64)
	d, err := s.d.Decisions.Create(ctx, p, actor, records.NewDecision{Year: in.Year, Title: in.Title, Summary: in.Summary,
		UnitID: unit, Planned: in.Planned, Reason: in.Reason})
	if err != nil {
		return 0, refused(ctx, err, decisionOrder...)
	}
	return d.ID, nil
}

func (s *decisions) SetCatalogue(ctx context.Context, year int, action, note string) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	if _, err := s.d.Decisions.SetCatalogue(ctx, p, actor, year, action, note); err != nil {
		return stepRefused(ctx, err, decisionOrder...)
	}
	return nil
}

func (s *decisions) Step(ctx context.Context, id int64, in web.DecisionStepInput) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Decisions.Step(ctx, p, actor, id, decisionsvc.StepInput{Kind: in.Kind, Gate: in.Gate, From: in.From, To: in.To,
		Result: in.Result, Body: in.Body, Reason: in.Reason, ExecDue: in.ExecDue, EvalDue: in.EvalDue}, uploads(in.Files)...)
	if err != nil {
		return stepRefused(ctx, err, stepOrder...)
	}
	return nil
}

func (s *decisions) File(ctx context.Context, id int64) (*web.Download, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	a, body, err := s.d.Decisions.File(ctx, p, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	return &web.Download{Filename: a.Filename, ContentType: a.ContentType, ModTime: a.CreatedAt, Body: body}, nil
}

// PublicFile is a document of a published decision's 解读, for anyone.
func (s *decisions) PublicFile(ctx context.Context, id int64) (*web.Download, error) {
	a, body, err := s.d.Decisions.PublicFile(ctx, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	return &web.Download{Filename: a.Filename, ContentType: a.ContentType, ModTime: a.CreatedAt, Body: body}, nil
}

func (s *decisions) Commitments(ctx context.Context) (*web.CommitmentsView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	list, err := s.d.Commitments.List(ctx, p)
	if err != nil {
		return nil, refused(ctx, err)
	}
	v := commitmentsView(list)
	v.CanEdit = authz.Allowed(p, authz.PlanWrite)
	if v.CanEdit {
		units, err := s.d.Admin.Units(ctx, p)
		if err != nil {
			return nil, pageError(err, "", "")
		}
		v.Units = unitOptions(units)
	}
	return v, nil
}

func commitmentsView(list []records.Commitment) *web.CommitmentsView {
	v := &web.CommitmentsView{Items: list}
	for _, c := range list {
		if c.Standing == decision.Broken {
			v.Broken = append(v.Broken, c)
		}
	}
	return v
}

func (s *decisions) CreateCommitment(ctx context.Context, in web.CommitmentInput) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	unit, _ := strconv.ParseInt(in.Unit, 10, 64)
	if _, err := s.d.Commitments.Create(ctx, p, actor, commitsvc.Input{Title: in.Title, Source: in.Source, SourceRef: in.SourceRef,
		UnitID: unit, Target: in.Target, Deadline: in.Deadline}); err != nil {
		return stepRefused(ctx, err, commitmentOrder...)
	}
	return nil
}

func (s *decisions) CommitmentProgress(ctx context.Context, id int64, in web.CommitmentProgressInput) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	if _, err := s.d.Commitments.Progress(ctx, p, actor, id, commitsvc.ProgressInput{Kind: in.Kind, Body: in.Body, Reason: in.Reason,
		Rectification: in.Rectification, On: in.On}); err != nil {
		return stepRefused(ctx, err, commitmentOrder...)
	}
	return nil
}

func (s *decisions) PublicCatalogue(ctx context.Context, year int) (*web.DecisionCatalogueView, error) {
	year = s.year(year)
	c, err := s.d.Decisions.PublicCatalogue(ctx, year)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	this := s.d.Ledger.Today().Year()
	return &web.DecisionCatalogueView{DecisionCatalogue: c, Years: []int{this + 1, this, this - 1}}, nil
}

func (s *decisions) PublicDecision(ctx context.Context, id int64) (*web.PublicDecisionView, error) {
	d, err := s.d.Decisions.PublicDecision(ctx, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	v := &web.PublicDecisionView{Decision: &d.Decision, Commenting: d.Commenting, Feedback: d.Feedback, Comments: d.Comments}
	for _, st := range d.Steps {
		if st.Kind == decision.StepConsult {
			v.From, v.To = st.From, st.To
		}
	}
	return v, nil
}

func (s *decisions) Comment(ctx context.Context, id int64, in web.CommentInput) error {
	err := s.d.Decisions.Comment(ctx, id, decisionsvc.CommentInput{Name: in.Name, Contact: in.Contact, Body: in.Body, IP: in.IP})
	if err != nil {
		return stepRefused(ctx, err, "name", "contact", "body")
	}
	return nil
}

func (s *decisions) PublicCommitments(ctx context.Context) (*web.CommitmentsView, error) {
	list, err := s.d.Commitments.Public(ctx)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	return commitmentsView(list), nil
}
