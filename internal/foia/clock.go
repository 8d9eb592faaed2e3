// Package foia is 依申请公开 under the Regulations on the Disclosure of
// Government Information (《中华人民共和国政府信息公开条例》, revised 2019):
// the statutory clock of a request, the reply types with the remedies
// notice, the fees of 国办函〔2020〕109号 and the statistics of the annual
// report (政府信息公开工作年度报告). It is pure: dates in, dates out, on the
// official working-day calendar.
//
// The clock, article by article:
//   - Art. 31: the day of receipt depends on the channel — the day of
//     submission in person, the day the agency signs for a registered
//     letter (or, for ordinary mail, the day it confirms receipt with the
//     applicant), the day both sides confirm for the internet or fax;
//   - Art. 30: an unclear request gets one 补正 notice within 7 working
//     days of receipt, with a reasonable period; the clock starts again
//     from the day the supplement arrives, and a request not supplemented
//     in time is deemed abandoned (视为放弃);
//   - Art. 33: the reply is due within 20 working days of receipt; the
//     head of the disclosure office may extend it once by up to 20 working
//     days, telling the applicant; the time spent consulting a third party
//     or another agency (Art. 32) is not counted;
//   - 国办函〔2020〕109号: the time from the fee notice to the payment is not
//     counted either; a fee not paid within 20 working days of the notice
//     ends the request.
package foia

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/duban/duban/internal/workday"
)

// Channel is how a request arrived.
type Channel string

// The channels of Art. 31.
const (
	InPerson     Channel = "in_person"  // 当面提交: the day of submission
	Registered   Channel = "registered" // 邮寄 (挂号、EMS): the day the agency signs for it
	OrdinaryMail Channel = "mail"       // 平常信函: the day the agency confirms receipt with the applicant
	Online       Channel = "online"     // 互联网渠道: the day both sides confirm
	Fax          Channel = "fax"        // 传真: the day both sides confirm
)

// ChannelLabel is a channel in Chinese.
func ChannelLabel(c Channel) string {
	return map[Channel]string{InPerson: "当面提交", Registered: "邮寄（需签收）", OrdinaryMail: "平常信函", Online: "互联网渠道", Fax: "传真"}[c]
}

// Statutory periods, in working days.
const (
	ReplyDays      = 20 // Art. 33
	MaxExtension   = 20 // Art. 33
	CorrectionDays = 7  // Art. 30: the 补正 notice
	FeeDays        = 20 // 国办函〔2020〕109号: to pay after the fee notice
)

// Step kinds: what happens to a request, in order.
const (
	StepCorrection  = "correction"   // 补正 notice sent; Days is the period given to supplement
	StepSupplement  = "supplement"   // the supplement arrived
	StepConsult     = "consult"      // a third party or agency consulted (Art. 32)
	StepConsultDone = "consult_done" // its opinion arrived, or its period ended
	// StepFeeNotice is the day the fee notice reached the applicant: the
	// 20 working days to pay run from it (国办函〔2020〕109号). The clock
	// stands from the day it was sent, which is earlier; counting from
	// the receipt only shortens the pause, never in the agency's favour.
	StepFeeNotice = "fee_notice"
	StepFeePaid   = "fee_paid"  // the fee paid
	StepExtension = "extension" // extension approved; Days ≤ 20
	StepReply     = "reply"     // the reply sent
)

// Step is one event of a request's handling.
type Step struct {
	Kind string
	On   time.Time // a civil date
	Days int       // the 补正 period, or the extension, in working days
}

// Request is a request's receipt and handling so far.
type Request struct {
	Channel Channel
	// Received is the day of receipt under Art. 31 for the channel: the
	// submission, the signature, or the confirmation.
	Received time.Time
	Steps    []Step
}

// States of a request.
const (
	StateRunning     = "running"      // the clock runs toward Due
	StateCorrection  = "correction"   // waiting for the supplement until SupplementBy
	StateAbandoned   = "abandoned"    // 视为放弃: no supplement in time, or the fee not paid
	StateConsulting  = "consulting"   // the clock stands while a third party is consulted
	StateAwaitingFee = "awaiting_fee" // the clock stands until the fee is paid
	StateReplied     = "replied"
	StateOverdue     = "overdue" // Due passed without a reply
)

// StateLabel is a state in Chinese.
func StateLabel(state string) string {
	return map[string]string{StateRunning: "办理中", StateCorrection: "待补正", StateAbandoned: "视为放弃（待办结）",
		StateConsulting: "征求意见中", StateAwaitingFee: "待缴费", StateReplied: "已答复", StateOverdue: "已超期"}[state]
}

// Clock is where a request stands on a day.
type Clock struct {
	State string
	// Start is the day the 20 working days count from: the receipt, or
	// the supplement's arrival.
	Start time.Time
	// Due is the reply deadline: 20 working days from Start, plus the
	// extension, plus the working days the clock stood. Zero while
	// waiting for a supplement.
	Due time.Time
	// CorrectionBy is the last day a 补正 notice may be sent (7 working
	// days from receipt); SupplementBy the last day of the period it gave.
	CorrectionBy, SupplementBy time.Time
	// LateCorrection: the 补正 notice went out after CorrectionBy.
	LateCorrection bool
	Extended       int // working days of extension granted
	Paused         int // working days not counted (consultation, fee)
	// LateExtension: the extension was approved after the deadline it
	// extended.
	LateExtension bool
	Replied       time.Time
	OnTime        bool // replied by Due
	// Why explains the dates, line by line, as catalogue messages; Explain
	// writes them in the reader's language.
	Why []Line
}

// Line is one sentence of a clock's explanation: a message of the
// catalogue (internal/i18n) and its name/value pairs. A value of type Term
// is itself a message, named in the reader's language too.
type Line struct {
	Key  string
	Args []any
}

// Term is a catalogue key used as the value of a placeholder.
type Term string

// Say renders a catalogue message in the reader's language: the pages and
// the API pass their Localizer's T.
type Say func(key string, args ...any) string

// Explain writes the clock's explanation with say, line by line.
func (c Clock) Explain(say Say) []string {
	out := make([]string, len(c.Why))
	for i, l := range c.Why {
		args := make([]any, len(l.Args))
		for j, a := range l.Args {
			if t, ok := a.(Term); ok && j%2 == 1 {
				a = say(string(t))
			}
			args[j] = a
		}
		out[i] = say(l.Key, args...)
	}
	return out
}

// ErrSteps is a request whose steps contradict the Regulations or each
// other (a supplement without a notice, a second extension, a step
// before the receipt).
var ErrSteps = errors.New("foia: steps out of order")

// Run works out where the request stands on today.
func Run(cal *workday.Calendar, r Request, today time.Time) (Clock, error) {
	today = workday.DateOf(today)
	if r.Received.IsZero() {
		return Clock{}, fmt.Errorf("%w: no day of receipt", ErrSteps)
	}
	received := workday.DateOf(r.Received)
	steps := slices.Clone(r.Steps)
	slices.SortStableFunc(steps, func(a, b Step) int { return a.On.Compare(b.On) })
	c := Clock{State: StateRunning, Start: received, CorrectionBy: cal.AddWorkdays(received, CorrectionDays)}
	c.say("foia.why.received", "on", day(received), "channel", Term("foia.channel."+string(r.Channel)))
	var pauses []span
	var open *span
	waiting, corrected, feeBy := false, false, time.Time{}
	for _, s := range steps {
		on := workday.DateOf(s.On)
		if on.Before(received) {
			return c, fmt.Errorf("%w: %s on %s, before the receipt %s", ErrSteps, s.Kind, day(on), day(received))
		}
		switch s.Kind {
		case StepCorrection:
			if waiting || corrected || !c.Replied.IsZero() {
				return c, fmt.Errorf("%w: a second 补正 notice (%s): the Regulations allow one", ErrSteps, day(on))
			}
			waiting, corrected = true, true
			c.LateCorrection = on.After(c.CorrectionBy)
			c.SupplementBy = cal.AddWorkdays(on, s.Days)
			c.say(map[bool]string{true: "foia.why.correction_late", false: "foia.why.correction"}[c.LateCorrection],
				"on", day(on), "by", day(c.CorrectionBy), "days", s.Days, "until", day(c.SupplementBy))
		case StepSupplement:
			if !waiting {
				return c, fmt.Errorf("%w: a supplement (%s) without a 补正 notice", ErrSteps, day(on))
			}
			if on.After(c.SupplementBy) {
				c.say("foia.why.supplement_late", "on", day(on), "until", day(c.SupplementBy))
			}
			waiting, c.Start = false, on
			c.say("foia.why.supplement", "on", day(on))
		case StepConsult, StepFeeNotice:
			if open != nil {
				return c, fmt.Errorf("%w: %s on %s while the clock already stands", ErrSteps, s.Kind, day(on))
			}
			open = &span{from: on, why: Term("foia.pause." + s.Kind)}
			if s.Kind == StepFeeNotice {
				feeBy = cal.AddWorkdays(on, FeeDays)
			}
		case StepConsultDone, StepFeePaid:
			if open == nil {
				return c, fmt.Errorf("%w: %s on %s without its start", ErrSteps, s.Kind, day(on))
			}
			open.to = on
			pauses = append(pauses, *open)
			open, feeBy = nil, time.Time{}
		case StepExtension:
			if c.Extended > 0 {
				return c, fmt.Errorf("%w: a second extension (%s): the Regulations allow one", ErrSteps, day(on))
			}
			if s.Days < 1 || s.Days > MaxExtension {
				return c, fmt.Errorf("%w: an extension of %d working days: at most %d", ErrSteps, s.Days, MaxExtension)
			}
			before := c.due(cal, pauses)
			c.Extended = s.Days
			c.LateExtension = on.After(before)
			c.say(map[bool]string{true: "foia.why.extension_late", false: "foia.why.extension"}[c.LateExtension], "on", day(on), "days", s.Days)
		case StepReply:
			c.Replied = on
		default:
			return c, fmt.Errorf("%w: unknown step %q", ErrSteps, s.Kind)
		}
	}
	switch {
	case waiting && today.After(c.SupplementBy) && c.Replied.IsZero():
		c.State = StateAbandoned
		c.say("foia.why.abandoned", "until", day(c.SupplementBy))
		return c, nil
	case waiting:
		c.State = StateCorrection
		return c, nil
	}
	if open != nil {
		if !feeBy.IsZero() && today.After(feeBy) && c.Replied.IsZero() {
			c.State = StateAbandoned
			c.say("foia.why.fee_unpaid", "on", day(open.from), "by", day(feeBy))
			return c, nil
		}
		until := today // stands until today, or until the reply if one went out meanwhile
		if !c.Replied.IsZero() {
			until = c.Replied
		}
		pauses = append(pauses, span{from: open.from, to: until, why: open.why})
		if c.Replied.IsZero() {
			c.State = map[bool]string{true: StateAwaitingFee, false: StateConsulting}[!feeBy.IsZero()]
		}
	}
	c.Due = c.due(cal, pauses)
	for _, p := range pauses {
		if n := cal.WorkdaysBetween(p.from, p.to); n > 0 {
			c.Paused += n
			c.say("foia.why.paused", "from", day(p.from), "to", day(p.to), "why", p.why, "n", n)
		}
	}
	due := "foia.why.due"
	if c.Extended > 0 {
		due += "_extended"
	}
	if c.Paused > 0 {
		due += "_paused"
	}
	c.say(due, "start", day(c.Start), "days", ReplyDays, "extended", c.Extended, "paused", c.Paused, "due", day(c.Due))
	switch {
	case !c.Replied.IsZero():
		c.State, c.OnTime = StateReplied, !c.Replied.After(c.Due)
		c.say(map[bool]string{true: "foia.why.replied", false: "foia.why.replied_late"}[c.OnTime], "on", day(c.Replied))
	case c.State == StateRunning && today.After(c.Due):
		c.State = StateOverdue
	}
	return c, nil
}

// span is a stretch during which the clock stands: working days after
// from, up to and including to, are not counted — the day a letter goes
// out is a working day of the request's handling.
type span struct {
	from, to time.Time
	why      Term
}

// due is Start plus 20 working days and the extension, moved on by the
// working days the clock stood.
func (c *Clock) due(cal *workday.Calendar, pauses []span) time.Time {
	due := cal.AddWorkdays(c.Start, ReplyDays+c.Extended)
	pauses = slices.Clone(pauses)
	slices.SortFunc(pauses, func(a, b span) int { return a.from.Compare(b.from) })
	for _, p := range pauses {
		if !p.to.After(c.Start) || p.from.After(due) {
			continue // before the clock (re)started, or after it ran out
		}
		from := p.from
		if from.Before(c.Start) {
			from = c.Start
		}
		due = cal.AddWorkdays(due, cal.WorkdaysBetween(from, p.to))
	}
	return due
}

func (c *Clock) say(key string, args ...any) { c.Why = append(c.Why, Line{Key: key, Args: args}) }

func day(t time.Time) string { return t.Format(time.DateOnly) }
