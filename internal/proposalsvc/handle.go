package proposalsvc

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// Assignment is the office's 交办: the 主办 unit, the 会办 units, the day
// (today by default) and whether it is urgent.
type Assignment struct {
	LeadUnitID int64   `json:"lead_unit_id"`
	CoUnitIDs  []int64 `json:"co_unit_ids"`
	On         string  `json:"on"`
	Urgent     bool    `json:"urgent"`
}

// Assign 交办 a proposal (or changes its units, after a dispute), for the
// office: the due date is the answer's time limit from the day, one
// month when urgent, on the working-day calendar.
func (s *Service) Assign(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, in Assignment) (*records.Proposal, error) {
	if !authz.Allowed(p, authz.ProposalWrite) {
		return nil, fault.ErrForbidden
	}
	pr, err := s.Store.FindProposal(ctx, id)
	if err != nil {
		return nil, err
	}
	var bad fault.Problems
	if in.On == "" {
		in.On = s.Today()
	}
	start, perr := time.Parse(time.DateOnly, in.On)
	if perr != nil {
		bad.At("on", "proposal.error.date")
	}
	if err := s.unit(ctx, &bad, "lead_unit_id", in.LeadUnitID); err != nil {
		return nil, err
	}
	var co []int64
	for _, u := range in.CoUnitIDs {
		if u == in.LeadUnitID || slices.Contains(co, u) {
			continue
		}
		if err := s.unit(ctx, &bad, "co_unit_ids", u); err != nil {
			return nil, err
		}
		co = append(co, u)
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	// A scoped (county) office assigns only among its units, and changes
	// only a proposal whose current units are all its own.
	if err := authz.CheckScope(p, "lead_unit_id", append(unitsOf(pr), in.LeadUnitID)); err != nil {
		return nil, err
	}
	if err := authz.CheckScope(p, "co_unit_ids", co); err != nil {
		return nil, err
	}
	if pr.State != records.ProposalReceived && pr.State != records.ProposalAssigned {
		return nil, fault.New(fault.State, "proposal.error.state")
	}
	l := s.limits()
	limit := l.Answer
	if in.Urgent {
		limit = l.Urgent
	}
	due := limit.Due(s.calendar(), start).Format(time.DateOnly)
	if err := s.Store.AssignProposal(ctx, actor, id, records.ProposalAssignment{LeadUnitID: in.LeadUnitID, CoUnitIDs: co, On: in.On,
		Due: due, Urgent: in.Urgent}); err != nil {
		return nil, err
	}
	return s.Proposal(ctx, p, id)
}

// unit checks that id is a unit of the registry that can handle a
// proposal (no group).
func (s *Service) unit(ctx context.Context, bad *fault.Problems, field string, id int64) error {
	u, err := s.Store.FindUnitByID(ctx, id)
	if err != nil && !errors.Is(err, fault.ErrNotFound) {
		return err
	}
	if id == 0 || err != nil || u.Kind == records.UnitGroup {
		bad.At(field, "proposal.error.unit")
	}
	return nil
}

// handled reads a proposal in the 办理 state for a unit p answers for;
// one p may not read is forbidden to act on, as a task of another unit
// is.
func (s *Service) handled(ctx context.Context, p authz.Principal, id int64) (*records.Proposal, error) {
	if !authz.Allowed(p, authz.ProposalHandle) {
		return nil, fault.ErrForbidden
	}
	pr, err := s.Store.FindProposal(ctx, id)
	if err != nil {
		return nil, err
	}
	if !MayRead(p, pr) {
		return nil, fault.ErrForbidden
	}
	if pr.State != records.ProposalAssigned {
		return nil, fault.New(fault.State, "proposal.error.state")
	}
	return pr, nil
}

// Dispute records a 交办 dispute of the 主办 or a 会办 unit of p (it asks
// to be changed, with its reason) within the window after 交办; the
// office then assigns again.
func (s *Service) Dispute(ctx context.Context, p authz.Principal, actor audit.Actor, id, unit int64, reason string) error {
	pr, err := s.handled(ctx, p, id)
	if err != nil {
		return err
	}
	if !mayHandle(p, unit) {
		return fault.ErrForbidden
	}
	if !slices.Contains(unitsOf(pr), unit) {
		return fault.Field("unit_id", "proposal.error.unit")
	}
	var bad fault.Problems
	text(&bad, "reason", "proposal.error.reason", &reason, true, MaxNote)
	if err := bad.Err(); err != nil {
		return err
	}
	on, _ := time.Parse(time.DateOnly, pr.AssignedOn)
	if last := s.calendar().AddWorkdays(on, s.limits().DisputeDays); s.today().After(last) {
		return fault.New(fault.State, "proposal.error.dispute_late")
	}
	return s.Store.AddProposalEvent(ctx, actor, id, records.ProposalEvent{Kind: records.ProposalEventDispute, UnitID: unit, Text: reason,
		OnDay: s.Today()})
}

// Contact records a 面商/沟通 with the representative, by the 主办 unit.
func (s *Service) Contact(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, on, way, note string) error {
	pr, err := s.handled(ctx, p, id)
	if err != nil {
		return err
	}
	if !mayHandle(p, pr.LeadUnitID) {
		return fault.New(fault.Forbidden, "proposal.error.lead_only")
	}
	var bad fault.Problems
	if on == "" {
		on = s.Today()
	}
	if !validDate(on) || on > s.Today() {
		bad.At("on", "proposal.error.date")
	}
	text(&bad, "way", "proposal.error.short", &way, false, MaxShort)
	text(&bad, "note", "proposal.error.note", &note, true, MaxNote)
	if err := bad.Err(); err != nil {
		return err
	}
	if way != "" {
		note = way + "：" + note
	}
	return s.Store.AddProposalEvent(ctx, actor, id, records.ProposalEvent{Kind: records.ProposalEventContact, UnitID: pr.LeadUnitID,
		Text: note, OnDay: on})
}

// Opinion records a 会办 unit's opinion to the 主办 unit.
func (s *Service) Opinion(ctx context.Context, p authz.Principal, actor audit.Actor, id, unit int64, opinion string) error {
	pr, err := s.handled(ctx, p, id)
	if err != nil {
		return err
	}
	if !mayHandle(p, unit) {
		return fault.ErrForbidden // p does not answer for that unit
	}
	var bad fault.Problems
	co := false
	for _, u := range pr.CoUnits {
		co = co || u.UnitID == unit
	}
	if !co {
		bad.At("unit_id", "proposal.error.co_unit")
	}
	text(&bad, "opinion", "proposal.error.opinion", &opinion, true, MaxText)
	if err := bad.Err(); err != nil {
		return err
	}
	return s.Store.RecordProposalOpinion(ctx, actor, id, unit, opinion)
}

// Answer is the 主办 unit's answer letter: the class, the text, who signs
// it and whom to contact; a B-class answer says by when (Planned) the
// commitment is done.
type Answer struct {
	Class   string `json:"class"`
	Answer  string `json:"answer"`
	Signer  string `json:"signer"`
	Contact string `json:"contact"`
	Planned string `json:"planned,omitempty"`
}

// Answer records the 主办 unit's answer, once every 会办 unit has sent its
// opinion. A B-class answer registers its commitment as a ledger task of
// the 主办 unit, due by Planned.
func (s *Service) Answer(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, in Answer) (*records.Proposal, error) {
	pr, err := s.handled(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if !mayHandle(p, pr.LeadUnitID) {
		return nil, fault.New(fault.Forbidden, "proposal.error.lead_only")
	}
	var bad fault.Problems
	if !slices.Contains(Classes, in.Class) {
		bad.At("class", "proposal.error.class")
	}
	text(&bad, "answer", "proposal.error.answer", &in.Answer, true, MaxText)
	text(&bad, "signer", "proposal.error.signer", &in.Signer, true, MaxShort)
	text(&bad, "contact", "proposal.error.contact", &in.Contact, true, MaxShort)
	if in.Class == "B" && (!validDate(in.Planned) || in.Planned <= s.Today()) {
		bad.At("planned", "proposal.error.planned")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	for _, u := range pr.CoUnits {
		if u.OpinionAt == nil {
			return nil, fault.New(fault.State, "proposal.error.opinions_missing")
		}
	}
	var task int64
	if in.Class == "B" && s.Open != nil {
		task, err = s.Open(ctx, actor, Commitment{Title: commitmentTitle(pr), Text: in.Answer, UnitID: pr.LeadUnitID, Due: in.Planned,
			SourceText: fmt.Sprintf("%d年%s第%s号《%s》（%s）", pr.Year, kindName(pr.Kind), pr.Number, pr.Title, pr.Proposers)})
		if err != nil {
			return nil, err
		}
	}
	// The store records the answer only while the proposal is still in
	// 办理 (another answer may have come first since handled read it);
	// a commitment registered for an answer that is not recorded is
	// revoked, so that no orphan 督办件 stays in the ledger.
	if err := s.Store.AnswerProposal(ctx, actor, id, records.ProposalAnswer{Class: in.Class, Answer: in.Answer, Signer: in.Signer,
		Contact: in.Contact, On: s.Today(), UnitID: pr.LeadUnitID}, task); err != nil {
		if task != 0 {
			if s.Revoke == nil {
				return nil, errors.Join(err, fmt.Errorf("proposalsvc: no ledger to revoke the commitment task %d of proposal %d", task, id))
			}
			if rerr := s.Revoke(ctx, actor, task); rerr != nil {
				return nil, errors.Join(err, fmt.Errorf("proposalsvc: revoke the commitment task %d of proposal %d: %w", task, id, rerr))
			}
		}
		return nil, err
	}
	return s.Proposal(ctx, p, id)
}

func commitmentTitle(pr *records.Proposal) string {
	t := []rune("落实" + kindName(pr.Kind) + "：" + pr.Title)
	if len(t) > 100 {
		t = t[:100]
	}
	return string(t)
}

// kindName is a kind as a 公文 writes it.
func kindName(kind string) string {
	if kind == records.ProposalMotion {
		return "政协提案"
	}
	return "人大代表建议"
}

// Feedback is the representative's rating of an answer, as the office
// records it.
type Feedback struct {
	Satisfaction string `json:"satisfaction"` // satisfied, basic, unsatisfied
	Text         string `json:"text"`
	On           string `json:"on"`
}

// Feedback records the representative's 满意/基本满意/不满意, for the office.
func (s *Service) Feedback(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, in Feedback) (*records.Proposal, error) {
	if !authz.Allowed(p, authz.ProposalWrite) {
		return nil, fault.ErrForbidden
	}
	var bad fault.Problems
	if !slices.Contains(Satisfactions, in.Satisfaction) {
		bad.At("satisfaction", "proposal.error.satisfaction")
	}
	text(&bad, "text", "proposal.error.note", &in.Text, false, MaxNote)
	if in.On == "" {
		in.On = s.Today()
	}
	if !validDate(in.On) || in.On > s.Today() {
		bad.At("on", "proposal.error.date")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	pr, err := s.Store.FindProposal(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := authz.CheckScope(p, "units", unitsOf(pr)); err != nil {
		return nil, err
	}
	if pr.State != records.ProposalAnswered || pr.Satisfaction != "" {
		return nil, fault.New(fault.State, "proposal.error.state")
	}
	if err := s.Store.RecordProposalFeedback(ctx, actor, id, in.Satisfaction, in.Text, in.On); err != nil {
		return nil, err
	}
	return s.Proposal(ctx, p, id)
}

// Redo sends a proposal the representative rated 不满意 back to its units
// (重新办理), for the office: a new round, due within the redo limit.
func (s *Service) Redo(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, reason string) (*records.Proposal, error) {
	if !authz.Allowed(p, authz.ProposalWrite) {
		return nil, fault.ErrForbidden
	}
	var bad fault.Problems
	text(&bad, "reason", "proposal.error.reason", &reason, true, MaxNote)
	if err := bad.Err(); err != nil {
		return nil, err
	}
	pr, err := s.Store.FindProposal(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := authz.CheckScope(p, "units", unitsOf(pr)); err != nil {
		return nil, err
	}
	if pr.State != records.ProposalAnswered || pr.Satisfaction != "unsatisfied" {
		return nil, fault.New(fault.State, "proposal.error.redo_state")
	}
	due := s.limits().Redo.Due(s.calendar(), s.today()).Format(time.DateOnly)
	if err := s.Store.RedoProposal(ctx, actor, id, s.Today(), due, reason); err != nil {
		return nil, err
	}
	return s.Proposal(ctx, p, id)
}
