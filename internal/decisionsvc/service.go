package decisionsvc

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/decision"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/mattersvc"
	"github.com/duban/duban/internal/pii"
	"github.com/duban/duban/internal/records"
)

// Service keeps the decisions and their catalogues.
type Service struct {
	Store Store
	// Ledger keeps the documents (its attachment rules) and says today.
	Ledger *ledgersvc.Service
	// Matters schedules the 执行 and 后评估 as tasks entered by hand.
	Matters *mattersvc.Service
	Files   *files.Store
}

// Lengths, in characters.
const (
	MaxTitle   = 100
	MaxText    = 4000
	MaxPlanned = 40
	MaxName    = 40
)

// StepInput is a step as the office records it.
type StepInput struct {
	Kind   string `json:"kind"`
	Gate   string `json:"gate"`   // skip: the gate left out
	From   string `json:"from"`   // consult: the comment period
	To     string `json:"to"`     //
	Result string `json:"result"` // legality, collective: the result; risk: the level; publish: the document number
	Body   string `json:"body"`   // the opinions, the report, the minutes, the 采纳情况, the 解读
	Reason string `json:"reason"` // skip, withdraw: the legal reason
	// ExecDue and EvalDue are the 执行's and the 后评估's deadlines on
	// publication (ISO dates); "" is the year's end and a year on.
	ExecDue string `json:"exec_due"`
	EvalDue string `json:"eval_due"`
}

func (s *Service) today() time.Time { return s.Ledger.Today() }

// Decisions lists year's decisions (every year for 0) for those who read
// plans.
func (s *Service) Decisions(ctx context.Context, p authz.Principal, year int) ([]records.Decision, error) {
	if !authz.Allowed(p, authz.PlanRead) {
		return nil, fault.ErrForbidden
	}
	list, err := s.Store.FindDecisions(ctx, year)
	for i := range list {
		list[i].Gate = decision.Read(steps(&list[i])).Current()
	}
	return list, err
}

// Decision is one decision with its steps and the comments received,
// the commenters masked for those who may not see personal data.
func (s *Service) Decision(ctx context.Context, p authz.Principal, id int64) (*records.Decision, error) {
	if !authz.Allowed(p, authz.PlanRead) {
		return nil, fault.ErrForbidden
	}
	d, err := s.Store.FindDecision(ctx, id)
	if err != nil {
		return nil, err
	}
	d.Gate = decision.Read(steps(d)).Current()
	if !authz.Allowed(p, authz.PersonalDataView) {
		mask(d)
	}
	return d, nil
}

func mask(d *records.Decision) {
	for i := range d.Comments {
		d.Comments[i].Name, d.Comments[i].Contact = pii.NameHint(d.Comments[i].Name), pii.PhoneHint(d.Comments[i].Contact)
	}
}

// Catalogue is year's catalogue, for those who read plans.
func (s *Service) Catalogue(ctx context.Context, p authz.Principal, year int) (*records.DecisionCatalogue, error) {
	if !authz.Allowed(p, authz.PlanRead) {
		return nil, fault.ErrForbidden
	}
	if year < 2000 || year > 2100 {
		return nil, fault.Field("year", "decisions.error.year")
	}
	c, err := s.Store.FindDecisionCatalogue(ctx, year)
	if errors.Is(err, fault.ErrNotFound) {
		return &records.DecisionCatalogue{Year: year, State: records.CatalogueDraft, Items: []records.Decision{}, Adjustments: []records.DecisionAdjustment{}}, nil
	}
	if err != nil {
		return nil, err
	}
	for i := range c.Items {
		c.Items[i].Gate = decision.Read(steps(&c.Items[i])).Current()
	}
	return c, nil
}

// Create enters a decision into its year's catalogue: a title, its
// 承办单位, the planned time; into a published catalogue only as an
// adjustment with its reason.
func (s *Service) Create(ctx context.Context, p authz.Principal, actor audit.Actor, in records.NewDecision) (*records.Decision, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, fault.ErrForbidden
	}
	in.Title, in.Summary, in.Planned, in.Reason = strings.TrimSpace(in.Title), strings.TrimSpace(in.Summary), strings.TrimSpace(in.Planned), strings.TrimSpace(in.Reason)
	var bad fault.Problems
	if in.Year < 2000 || in.Year > 2100 {
		bad.At("year", "decisions.error.year")
	}
	if in.Title == "" || utf8.RuneCountInString(in.Title) > MaxTitle {
		bad.At("title", "decisions.error.title")
	}
	if utf8.RuneCountInString(in.Summary) > MaxText {
		bad.At("summary", "decisions.error.text")
	}
	if in.Planned == "" || utf8.RuneCountInString(in.Planned) > MaxPlanned {
		bad.At("planned", "decisions.error.planned")
	}
	if !s.knownUnit(ctx, in.UnitID) {
		bad.At("unit_id", "decisions.error.unit")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	if err := authz.CheckScope(p, "unit_id", []int64{in.UnitID}); err != nil {
		return nil, err
	}
	if c, err := s.Store.FindDecisionCatalogue(ctx, in.Year); err == nil && c.State == records.CataloguePublished && in.Reason == "" {
		return nil, fault.Field("reason", "decisions.error.adjust_reason")
	}
	id, err := s.Store.CreateDecision(ctx, actor, in)
	if err != nil {
		return nil, err
	}
	return s.Decision(ctx, p, id)
}

func (s *Service) knownUnit(ctx context.Context, id int64) bool {
	units, err := s.Store.FindUnits(ctx)
	if err != nil {
		return false
	}
	for _, u := range units {
		if u.ID == id {
			return true
		}
	}
	return false
}

// Catalogue actions.
const (
	ActionApprove = "approve"
	ActionPublish = "publish"
)

// SetCatalogue approves a drafted catalogue or publishes an approved
// one; note is the approval's record (the meeting that approved it). A
// scoped office (分级督查) may do so only for a catalogue whose every
// item is of a unit within its scope: the year's catalogue is one, and
// it approves no other unit's decisions.
func (s *Service) SetCatalogue(ctx context.Context, p authz.Principal, actor audit.Actor, year int, action, note string) (*records.DecisionCatalogue, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, fault.ErrForbidden
	}
	c, err := s.Catalogue(ctx, p, year)
	if err != nil {
		return nil, err
	}
	want := map[string][2]string{ActionApprove: {records.CatalogueDraft, records.CatalogueApproved},
		ActionPublish: {records.CatalogueApproved, records.CataloguePublished}}
	step, ok := want[action]
	switch {
	case !ok:
		return nil, fault.Field("action", "decisions.error.action")
	case c.State != step[0]:
		return nil, &fault.Error{Code: fault.State, Fields: map[string]string{"action": "decisions.error.catalogue_state"}}
	case len(c.Items) == 0:
		return nil, &fault.Error{Code: fault.State, Fields: map[string]string{"year": "decisions.error.catalogue_empty"}}
	}
	units := make([]int64, 0, len(c.Items))
	for _, d := range c.Items {
		units = append(units, d.UnitID)
	}
	if err := authz.CheckScope(p, "year", units); err != nil {
		return nil, err
	}
	if err := s.Store.SetDecisionCatalogue(ctx, actor, year, step[1], strings.TrimSpace(note)); err != nil {
		return nil, err
	}
	return s.Catalogue(ctx, p, year)
}

// Step records a step of decision id: the law's rules decide whether it
// may follow (a refusal of the decision's state is a conflict naming the
// gate at fault), its documents are kept as the ledger keeps files, and
// publication schedules the 执行 and the 后评估 in the ledger. A scoped
// office takes steps only of its units' decisions; a comment period is
// opened only on a published catalogue. The step is claimed in the
// store against the state it was checked on (a step taken meanwhile is a
// conflict), and only then are the 执行 and 后评估 entered.
func (s *Service) Step(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, in StepInput, ups ...ledgersvc.Upload) (*records.Decision, error) {
	interpret := in.Kind == decision.StepInterpret
	if !authz.Allowed(p, authz.PlanWrite) && !(interpret && authz.Allowed(p, authz.DecisionInterpret)) {
		return nil, fault.ErrForbidden
	}
	d, err := s.Store.FindDecision(ctx, id)
	if err != nil {
		return nil, err
	}
	// 谁起草谁解读: the 解读 is the drafting unit's, or the office's.
	if interpret && !authz.Can(p, authz.DecisionInterpret, authz.Resource{Units: []int64{d.UnitID}}) {
		return nil, fault.ErrForbidden
	}
	if err := authz.CheckScope(p, "unit_id", []int64{d.UnitID}); err != nil {
		return nil, err
	}
	in.Body, in.Reason, in.Result = strings.TrimSpace(in.Body), strings.TrimSpace(in.Reason), strings.TrimSpace(in.Result)
	st := decision.Read(steps(d))
	step := decision.Step{Kind: in.Kind, Gate: in.Gate, From: in.From, To: in.To, Result: in.Result}
	if r := decision.Check(st, step, in.Reason, s.today()); r != nil {
		return nil, refusal(r)
	}
	if in.Kind == decision.StepConsult {
		if c, err := s.Store.FindDecisionCatalogue(ctx, d.Year); err != nil && !errors.Is(err, fault.ErrNotFound) {
			return nil, err
		} else if err != nil || c.State != records.CataloguePublished {
			return nil, &fault.Error{Code: fault.State, Fields: map[string]string{"kind": "decisions.error.catalogue_unpublished"}}
		}
	}
	if utf8.RuneCountInString(in.Body) > MaxText || utf8.RuneCountInString(in.Reason) > MaxText {
		return nil, fault.Field("body", "decisions.error.text")
	}
	needsBody := map[string]string{decision.StepFeedback: "decisions.error.feedback", decision.StepExpert: "decisions.error.opinions",
		decision.StepRisk: "decisions.error.report", decision.StepLegality: "decisions.error.review", decision.StepCollective: "decisions.error.minutes"}
	if key, ok := needsBody[in.Kind]; ok && in.Body == "" && len(ups) == 0 {
		return nil, fault.Field("body", key)
	}
	if (in.Kind == decision.StepPublish || interpret) && in.Body == "" && len(ups) == 0 {
		return nil, fault.Field("body", "decisions.error.interpretation")
	}
	ns := records.NewDecisionStep{Kind: in.Kind, Gate: in.Gate, From: in.From, To: in.To, Result: in.Result, Body: in.Body, Reason: in.Reason,
		Before: d.Status, Seen: len(d.Steps)}
	var execDue, evalDue string
	if in.Kind == decision.StepPublish {
		if execDue, evalDue, err = s.dues(in); err != nil {
			return nil, err
		}
	}
	if ns.Files, err = s.Ledger.Keep(ups); err != nil {
		return nil, err
	}
	after := append(steps(d), step)
	ns.Status = decision.Read(after).Status()
	if _, err := s.Store.AddDecisionStep(ctx, actor, id, ns); err != nil {
		return nil, err
	}
	if in.Kind == decision.StepPublish {
		exec, eval, err := s.schedule(ctx, p, actor, d, execDue, evalDue)
		if err != nil {
			return nil, err
		}
		if err := s.Store.SetDecisionTasks(ctx, actor, id, exec, eval); err != nil {
			return nil, err
		}
	}
	return s.Decision(ctx, p, id)
}

// dues are the 执行's and the 后评估's deadlines of a publication: the
// ones given, after today, or the year's end and a year on.
func (s *Service) dues(in StepInput) (string, string, error) {
	today := s.today()
	execDue, evalDue := in.ExecDue, in.EvalDue
	if execDue == "" {
		execDue = time.Date(today.Year(), 12, 31, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	if evalDue == "" {
		evalDue = today.AddDate(1, 0, 0).Format(time.DateOnly)
	}
	for field, v := range map[string]string{"exec_due": execDue, "eval_due": evalDue} {
		if day, err := time.Parse(time.DateOnly, v); err != nil || !day.After(today) {
			return "", "", fault.Field(field, "decisions.error.due")
		}
	}
	return execDue, evalDue, nil
}

// schedule enters the decision's 执行 and 后评估 as tasks of its unit.
func (s *Service) schedule(ctx context.Context, p authz.Principal, actor audit.Actor, d *records.Decision, execDue, evalDue string) (int64, int64, error) {
	units := []records.UnitLink{{UnitID: d.UnitID, Lead: true}}
	exec, err := s.Matters.Create(ctx, p, actor, records.MatterInput{Kind: "other", Title: "执行：" + d.Title,
		Text: "重大行政决策执行：" + d.Title, SourceText: "重大行政决策 " + d.Title, Units: units, Deadline: execDue})
	if err != nil {
		return 0, 0, err
	}
	eval, err := s.Matters.Create(ctx, p, actor, records.MatterInput{Kind: "other", Title: "决策后评估：" + d.Title,
		Text: "重大行政决策后评估（可委托第三方评估）：" + d.Title, SourceText: "重大行政决策 " + d.Title, Units: units, Deadline: evalDue})
	if err != nil {
		return 0, 0, err
	}
	return exec.ID, eval.ID, nil
}

// refusal is the law's refusal as a coded error: the decision's state
// refuses it (409) naming the gate, or the input does (422).
func refusal(r *decision.Refusal) error {
	e := &fault.Error{Code: fault.Invalid, Fields: map[string]string{r.Field: r.Key}}
	if r.State {
		e.Code = fault.State
	}
	for _, g := range decision.Gates {
		if r.Field == g {
			e.Labels = map[string]fault.Label{g: {Key: "decisions.gate." + g}}
		}
	}
	return e
}

func steps(d *records.Decision) []decision.Step {
	out := make([]decision.Step, 0, len(d.Steps))
	for _, s := range d.Steps {
		out = append(out, decision.Step{Kind: s.Kind, Gate: s.Gate, From: s.From, To: s.To, Result: s.Result, At: s.At})
	}
	return out
}

// File is a decision's document, for those who read plans.
func (s *Service) File(ctx context.Context, p authz.Principal, id int64) (*records.Attachment, io.ReadSeekCloser, error) {
	if !authz.Allowed(p, authz.PlanRead) {
		return nil, nil, fault.ErrForbidden
	}
	a, _, err := s.Store.FindDecisionFile(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if s.Files == nil {
		return nil, nil, fault.ErrNotFound
	}
	f, err := s.Files.Get(a.SHA256)
	if err != nil {
		return nil, nil, err
	}
	return a, f, nil
}
