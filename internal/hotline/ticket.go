package hotline

import (
	"errors"
	"fmt"
	"time"
)

// State is where a ticket stands.
type State string

// The states of a ticket.
const (
	Triage     State = "triage"     // 待分拨: received, or sent back, awaiting routing
	Assigned   State = "assigned"   // 已转办: routed to a unit, awaiting its 签收
	Accepted   State = "accepted"   // 办理中: signed for by the unit
	Answered   State = "answered"   // 已答复: awaiting the return visit (回访)
	Closed     State = "closed"     // 已办结
	Redirected State = "redirected" // 转其他渠道: 依申请公开, 信访 or litigation, not a ticket
)

// Pending reports whether a ticket in s still waits for an answer: in
// triage, routed or being handled. Only such a ticket can be overdue.
func (s State) Pending() bool { return s == Triage || s == Assigned || s == Accepted }

// Label is the state in Chinese.
func (s State) Label() string {
	return map[State]string{Triage: "待分拨", Assigned: "待签收", Accepted: "办理中", Answered: "待回访", Closed: "已办结", Redirected: "已转其他渠道"}[s]
}

// Satisfaction is the caller's verdict at the return visit.
type Satisfaction string

// The verdicts of a return visit.
const (
	Satisfied       Satisfaction = "satisfied"    // 满意
	FairlySatisfied Satisfaction = "fairly"       // 基本满意
	Dissatisfied    Satisfaction = "dissatisfied" // 不满意: the ticket is reopened (重办)
)

// Ticket is a ticket's standing: what the state machine needs.
type Ticket struct {
	State    State
	Unit     int64     // the unit it is routed to
	Assigned time.Time // when it was last routed
	Due      time.Time // the conclusion deadline, moved by an approved extension
	Signed   time.Time // when the unit signed for it
	Reopened int       // times reopened after a dissatisfied visit (重办)
	// Extension is a request for more days awaiting the centre's decision.
	Extension int
}

// ErrStep is a step the ticket's state does not allow; ErrWindow a 退单
// after the window closed.
var (
	ErrStep   = errors.New("hotline: not in this state")
	ErrWindow = errors.New("hotline: the window for sending it back has closed")
)

func (t *Ticket) must(step string, states ...State) error {
	for _, s := range states {
		if t.State == s {
			return nil
		}
	}
	return fmt.Errorf("%w: %s while %s", ErrStep, step, t.State.Label())
}

// Assign routes the ticket to a unit (按责转办), from triage.
func (t *Ticket) Assign(unit int64, at time.Time) error {
	if err := t.must("转办", Triage); err != nil {
		return err
	}
	if unit <= 0 {
		return fmt.Errorf("%w: 转办 to no unit", ErrStep)
	}
	t.State, t.Unit, t.Assigned, t.Signed = Assigned, unit, at, time.Time{}
	return nil
}

// Sign is the unit's 签收.
func (t *Ticket) Sign(at time.Time) error {
	if err := t.must("签收", Assigned); err != nil {
		return err
	}
	t.State, t.Signed = Accepted, at
	return nil
}

// SendBack is the unit's 退单 with a reason, within the window after its
// assignment; the ticket returns to triage for re-routing.
func (t *Ticket) SendBack(l Limit, at time.Time) error {
	if err := t.must("退单", Assigned, Accepted); err != nil {
		return err
	}
	if at.After(t.Assigned.Add(time.Duration(l.ReturnHours) * time.Hour)) {
		return fmt.Errorf("%w: %d hours after the assignment", ErrWindow, l.ReturnHours)
	}
	t.State, t.Unit, t.Signed, t.Extension = Triage, 0, time.Time{}, 0 // a pending 延期 was the old unit's
	return nil
}

// AskExtension is the unit's 延期 request; the centre decides.
func (t *Ticket) AskExtension(workdays int) error {
	if err := t.must("申请延期", Accepted); err != nil {
		return err
	}
	if workdays < 1 || t.Extension != 0 {
		return fmt.Errorf("%w: one pending extension of at least a working day", ErrStep)
	}
	t.Extension = workdays
	return nil
}

// DecideExtension is the centre's decision; approved, the deadline moves
// to newDue.
func (t *Ticket) DecideExtension(approve bool, newDue time.Time) error {
	if err := t.must("审批延期", Accepted); err != nil {
		return err
	}
	if t.Extension == 0 {
		return fmt.Errorf("%w: no extension requested", ErrStep)
	}
	if approve {
		t.Due = newDue
	}
	t.Extension = 0
	return nil
}

// Answer is the unit's reply (答复).
func (t *Ticket) Answer() error {
	if err := t.must("答复", Accepted); err != nil {
		return err
	}
	t.State, t.Extension = Answered, 0 // answered: an extension asked for is moot
	return nil
}

// Visit records the return visit: satisfied or fairly satisfied closes
// the ticket (办结); dissatisfied reopens it with the same unit (重办),
// assigned afresh at at with a new deadline, which signs for it again.
func (t *Ticket) Visit(s Satisfaction, at, newDue time.Time) error {
	if err := t.must("回访", Answered); err != nil {
		return err
	}
	switch s {
	case Satisfied, FairlySatisfied:
		t.State = Closed
	case Dissatisfied:
		t.State, t.Assigned, t.Signed, t.Due = Assigned, at, time.Time{}, newDue
		t.Reopened++
	default:
		return fmt.Errorf("%w: satisfaction %q", ErrStep, s)
	}
	return nil
}

// Redirect sends a request that is no ticket — 依申请公开, 信访, a matter
// for the courts — to its channel, from triage.
func (t *Ticket) Redirect() error {
	if err := t.must("转其他渠道", Triage); err != nil {
		return err
	}
	t.State = Redirected
	return nil
}
