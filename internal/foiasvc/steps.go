package foiasvc

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// StepInput is one step of handling as the office records it.
type StepInput struct {
	Kind string    // foia.StepCorrection, …, not the reply
	On   time.Time // the day it happened; zero: today
	Days int       // the 补正 period or the extension, in working days
	Note string
	// Pages or Count price a fee notice: the volume in pages (按量计收) or
	// the applicant's n-th request of the month (按件计收).
	Pages, Count int
}

// stepLabels are the steps the office records, in Chinese.
var stepLabels = map[string]string{
	foia.StepCorrection: "告知补正", foia.StepSupplement: "收到补正", foia.StepConsult: "征求第三方或其他机关意见",
	foia.StepConsultDone: "收到意见（或征求期满）", foia.StepFeeNotice: "收费通知送达申请人", foia.StepFeePaid: "申请人缴费",
	foia.StepExtension: "延长答复期限", foia.StepReply: "作出答复",
}

// StepLabel is a step kind in Chinese.
func StepLabel(kind string) string { return stepLabels[kind] }

// Step records a step: checked against the statutory clock with every
// earlier step, and kept only if the Regulations allow it.
func (s *Service) Step(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, in StepInput) (*View, error) {
	if !authz.Allowed(p, authz.FOIAHandle) {
		return nil, fault.ErrForbidden
	}
	if in.Kind == foia.StepReply || stepLabels[in.Kind] == "" {
		return nil, fault.InvalidAt("kind", "foia.error.step_kind")
	}
	on, err := s.stepDay(in.On)
	if err != nil {
		return nil, err
	}
	fee := 0
	switch in.Kind {
	case foia.StepCorrection:
		if in.Days < 1 || in.Days > 60 {
			return nil, fault.InvalidAt("days", "foia.error.correction_days")
		}
	case foia.StepExtension:
		if in.Days < 1 || in.Days > foia.MaxExtension {
			return nil, fault.InvalidAt("days", "foia.error.extension_days", "max", foia.MaxExtension)
		}
		if strings.TrimSpace(in.Note) == "" {
			return nil, fault.InvalidAt("note", "foia.error.extension_reason")
		}
	case foia.StepFeeNotice:
		switch {
		case in.Pages > 0 && in.Count > 0:
			return nil, fault.InvalidAt("pages", "foia.error.fee_both")
		case in.Pages > 0:
			fee = foia.FeeByPages(in.Pages)
			in.Note = strings.TrimSpace(fmt.Sprintf("按量计收，%d 页，%d 元。%s", in.Pages, fee, in.Note))
		case in.Count > 0:
			fee = foia.FeeByCount(in.Count)
			in.Note = strings.TrimSpace(fmt.Sprintf("按件计收，本月第 %d 件，%d 元。%s", in.Count, fee, in.Note))
		default:
			return nil, fault.InvalidAt("pages", "foia.error.fee_none")
		}
		if fee == 0 {
			return nil, fault.InvalidAt("pages", "foia.error.fee_free")
		}
	default:
		in.Days = 0
	}
	step := records.FOIAStep{Kind: in.Kind, On: on, Days: in.Days, Note: strings.TrimSpace(in.Note)}
	r, err := s.Store.StepFOIARequest(ctx, actor, id, step, func(r *records.FOIARequest, steps []records.FOIAStep) error {
		if r.ConcludedOn != nil {
			return fault.New(fault.State, "foia.error.concluded")
		}
		if err := s.inTime(r, steps, on); err != nil {
			return err
		}
		if fee > 0 {
			r.Fee = fee
		}
		return s.settle(r, steps)
	})
	if err != nil {
		return nil, err
	}
	return s.found(ctx, p, r.ID)
}

// found is request id as it now stands, after a write of p's.
func (s *Service) found(ctx context.Context, p authz.Principal, id int64) (*View, error) {
	v, err := s.find(ctx, id)
	if err != nil {
		return nil, err
	}
	return shown(p, v), nil
}

// ReplyInput is the reply to a request.
type ReplyInput struct {
	Type foia.Reply
	// Ground is the ground of 不予公开 (or of what 部分公开 withholds),
	// counted from 1 in foia.WithheldReasons; 0 is none.
	Ground int
	Text   string // what the letter says beyond its type: how to get the information, why, which agency
	On     time.Time
}

// Reply concludes a request. 逾期不补正 and 逾期未缴费 conclude only a
// request the clock found abandoned.
func (s *Service) Reply(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, in ReplyInput) (*View, error) {
	if !authz.Allowed(p, authz.FOIAHandle) {
		return nil, fault.ErrForbidden
	}
	var bad fault.Problems
	if !in.Type.Valid() {
		bad.At("type", "foia.error.reply_type")
	}
	withheld := -1
	if in.Type == foia.Withheld || in.Type == foia.PartlyDisclosed {
		if in.Ground < 1 || in.Ground > len(foia.WithheldReasons) {
			bad.At("ground", "foia.error.ground")
		}
		withheld = in.Ground - 1
	}
	if needsText[in.Type] && strings.TrimSpace(in.Text) == "" {
		bad.At("text", "foia.error.reply_text."+string(in.Type))
	}
	if n := len([]rune(in.Text)); n > 4000 {
		bad.At("text", "foia.error.reply_long", "n", n)
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	on, err := s.stepDay(in.On)
	if err != nil {
		return nil, err
	}
	step := records.FOIAStep{Kind: foia.StepReply, On: on, Note: in.Type.Label()}
	r, err := s.Store.StepFOIARequest(ctx, actor, id, step, func(r *records.FOIARequest, steps []records.FOIAStep) error {
		if r.ConcludedOn != nil {
			return fault.New(fault.State, "foia.error.replied")
		}
		if in.Type == foia.Abandoned || in.Type == foia.FeeUnpaid {
			c, err := s.runAt(r, steps[:len(steps)-1], on)
			if err != nil {
				return err
			}
			if c.State != foia.StateAbandoned {
				return fault.InvalidAt("type", "foia.error.not_abandoned")
			}
			if cause := abandonedBy(steps[:len(steps)-1]); cause != in.Type {
				return fault.InvalidAt("type", "foia.error.abandoned_by."+string(cause))
			}
		}
		if err := s.settle(r, steps); err != nil {
			return err
		}
		r.State, r.Reply, r.Withheld, r.ReplyText = foia.StateReplied, string(in.Type), withheld, strings.TrimSpace(in.Text)
		r.ConcludedOn = &on
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.found(ctx, p, r.ID)
}

// inTime refuses a step the Regulations no longer allow on its day: a
// 补正 notice after the 7 working days of Art. 30, an extension after the
// deadline it would extend (Art. 33). Recording either would move the
// deadline of a request already late.
func (s *Service) inTime(r *records.FOIARequest, steps []records.FOIAStep, on time.Time) error {
	kind := steps[len(steps)-1].Kind
	if kind != foia.StepCorrection && kind != foia.StepExtension {
		return nil
	}
	c, err := s.runAt(r, steps[:len(steps)-1], on)
	if err != nil {
		return err
	}
	switch {
	case kind == foia.StepCorrection && on.After(c.CorrectionBy):
		return fault.InvalidAt("on", "foia.error.correction_late", "days", foia.CorrectionDays, "by", c.CorrectionBy.Format(time.DateOnly))
	case kind == foia.StepExtension && !c.Due.IsZero() && on.After(c.Due):
		return fault.InvalidAt("on", "foia.error.extension_late", "due", c.Due.Format(time.DateOnly))
	}
	return nil
}

// abandonedBy is why a request was deemed abandoned: a fee notice never
// paid, or else a 补正 never supplied.
func abandonedBy(steps []records.FOIAStep) foia.Reply {
	unpaid := false
	for _, st := range steps {
		switch st.Kind {
		case foia.StepFeeNotice:
			unpaid = true
		case foia.StepFeePaid:
			unpaid = false
		}
	}
	if unpaid {
		return foia.FeeUnpaid
	}
	return foia.Abandoned
}

// needsText are the replies whose letter must say more than their type;
// foia.error.reply_text.<type> says what.
var needsText = map[foia.Reply]bool{
	foia.PublishedAlready: true, foia.Disclosed: true, foia.PartlyDisclosed: true, foia.NotOurs: true, foia.Publication: true,
}

// stepDay is the day a step happened: today if not given, never later.
func (s *Service) stepDay(on time.Time) (time.Time, error) {
	today := s.today()
	if on.IsZero() {
		return today, nil
	}
	on = workday.DateOf(on.In(workday.Zone)) // an instant is dated in China; a date (midnight UTC) stays itself
	if on.After(today) {
		return on, fault.InvalidAt("on", "foia.error.on_future")
	}
	return on, nil
}

// ConfirmReceipt sets the day of receipt of a request that came by
// ordinary mail, the internet or fax to the day both sides confirmed it
// (Art. 31(2)(3)), which may be later than the day it was recorded —
// before anything else was done with it.
func (s *Service) ConfirmReceipt(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, on time.Time) (*View, error) {
	if !authz.Allowed(p, authz.FOIAHandle) {
		return nil, fault.ErrForbidden
	}
	on, err := s.stepDay(on)
	if err != nil {
		return nil, err
	}
	r, err := s.Store.SetFOIAReceived(ctx, actor, id, on, func(r *records.FOIARequest, steps []records.FOIAStep) error {
		switch foia.Channel(r.Channel) {
		case foia.OrdinaryMail, foia.Online, foia.Fax:
		default:
			return fault.InvalidAt("kind", "foia.error.confirm_channel")
		}
		if len(steps) > 0 || r.ConcludedOn != nil {
			return fault.New(fault.State, "foia.error.confirm_started")
		}
		if r.SelfFiled && on.Before(workday.DateOf(r.CreatedAt.In(workday.Zone))) {
			return fault.InvalidAt("on", "foia.error.confirm_early")
		}
		return s.settle(r, steps)
	})
	if err != nil {
		return nil, err
	}
	return s.found(ctx, p, r.ID)
}
