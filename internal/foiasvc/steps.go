package foiasvc

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
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
func (s *Service) Step(ctx context.Context, actor audit.Actor, id int64, in StepInput) (*View, error) {
	if in.Kind == foia.StepReply || stepLabels[in.Kind] == "" {
		return nil, &InputError{[]string{"办理步骤：不认识的步骤"}}
	}
	on, err := s.stepDay(in.On)
	if err != nil {
		return nil, err
	}
	fee := 0
	switch in.Kind {
	case foia.StepCorrection:
		if in.Days < 1 || in.Days > 60 {
			return nil, &InputError{[]string{"补正期限：请填写 1 至 60 个工作日的合理期限"}}
		}
	case foia.StepExtension:
		if in.Days < 1 || in.Days > foia.MaxExtension {
			return nil, &InputError{[]string{fmt.Sprintf("延长天数：1 至 %d 个工作日", foia.MaxExtension)}}
		}
		if strings.TrimSpace(in.Note) == "" {
			return nil, &InputError{[]string{"延长理由：延长须经政府信息公开工作机构负责人同意，请写明理由和批准人"}}
		}
	case foia.StepFeeNotice:
		switch {
		case in.Pages > 0 && in.Count > 0:
			return nil, &InputError{[]string{"收费：按件计收与按量计收只能选一种"}}
		case in.Pages > 0:
			fee = foia.FeeByPages(in.Pages)
			in.Note = strings.TrimSpace(fmt.Sprintf("按量计收，%d 页，%d 元。%s", in.Pages, fee, in.Note))
		case in.Count > 0:
			fee = foia.FeeByCount(in.Count)
			in.Note = strings.TrimSpace(fmt.Sprintf("按件计收，本月第 %d 件，%d 元。%s", in.Count, fee, in.Note))
		default:
			return nil, &InputError{[]string{"收费：请填写页数（按量计收）或本月第几件（按件计收）"}}
		}
		if fee == 0 {
			return nil, &InputError{[]string{"收费：未超过免费标准，不应收费"}}
		}
	default:
		in.Days = 0
	}
	step := records.FOIAStep{Kind: in.Kind, On: on, Days: in.Days, Note: strings.TrimSpace(in.Note)}
	r, err := s.Store.StepFOIARequest(ctx, actor, id, step, func(r *records.FOIARequest, steps []records.FOIAStep) error {
		if r.ConcludedOn != nil {
			return &InputError{[]string{"该申请已办结，不能再登记办理步骤"}}
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
	return s.Find(ctx, r.ID)
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
func (s *Service) Reply(ctx context.Context, actor audit.Actor, id int64, in ReplyInput) (*View, error) {
	var problems []string
	if !in.Type.Valid() {
		problems = append(problems, "答复类型：请选择条例规定的答复类型")
	}
	withheld := -1
	if in.Type == foia.Withheld || in.Type == foia.PartlyDisclosed {
		if in.Ground < 1 || in.Ground > len(foia.WithheldReasons) {
			problems = append(problems, "不予公开理由：请选择理由")
		}
		withheld = in.Ground - 1
	}
	if needsText[in.Type] != "" && strings.TrimSpace(in.Text) == "" {
		problems = append(problems, "答复内容："+needsText[in.Type])
	}
	if n := len([]rune(in.Text)); n > 4000 {
		problems = append(problems, fmt.Sprintf("答复内容：不超过 4000 字（现 %d 字）", n))
	}
	if len(problems) > 0 {
		return nil, &InputError{problems}
	}
	on, err := s.stepDay(in.On)
	if err != nil {
		return nil, err
	}
	step := records.FOIAStep{Kind: foia.StepReply, On: on, Note: in.Type.Label()}
	r, err := s.Store.StepFOIARequest(ctx, actor, id, step, func(r *records.FOIARequest, steps []records.FOIAStep) error {
		if r.ConcludedOn != nil {
			return &InputError{[]string{"该申请已经答复"}}
		}
		if in.Type == foia.Abandoned || in.Type == foia.FeeUnpaid {
			c, err := s.runAt(r, steps[:len(steps)-1], on)
			if err != nil {
				return err
			}
			if c.State != foia.StateAbandoned {
				return &InputError{[]string{"答复类型：到答复之日补正期限或缴费期限尚未届满，不能按视为放弃办结"}}
			}
			if cause := abandonedBy(steps[:len(steps)-1]); cause != in.Type {
				return &InputError{[]string{"答复类型：该申请是因" + map[foia.Reply]string{foia.Abandoned: "逾期不补正",
					foia.FeeUnpaid: "逾期未缴费"}[cause] + "而视为放弃，请选择“" + cause.Label() + "”"}}
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
	return s.Find(ctx, r.ID)
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
		return &InputError{[]string{fmt.Sprintf("告知补正：应在收到申请之日起 %d 个工作日内（%s 前）一次性告知，已过期限，不能再要求补正",
			foia.CorrectionDays, c.CorrectionBy.Format(time.DateOnly))}}
	case kind == foia.StepExtension && !c.Due.IsZero() && on.After(c.Due):
		return &InputError{[]string{fmt.Sprintf("延长答复期限：答复期限已于 %s 届满，不能再延长", c.Due.Format(time.DateOnly))}}
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

// needsText are the replies whose letter must say more than their type.
var needsText = map[foia.Reply]string{
	foia.PublishedAlready: "请写明获取该信息的方式和途径（如网址）",
	foia.Disclosed:        "请写明提供的信息或获取的方式、途径和时间",
	foia.PartlyDisclosed:  "请写明公开的部分及获取方式",
	foia.NotOurs:          "请写明负责公开的机关名称和联系方式（能够确定的）",
	foia.Publication:      "请写明获取该出版物的途径",
}

// stepDay is the day a step happened: today if not given, never later.
func (s *Service) stepDay(on time.Time) (time.Time, error) {
	today := s.today()
	if on.IsZero() {
		return today, nil
	}
	on = workday.DateOf(on)
	if on.After(today) {
		return on, &InputError{[]string{"日期：不能晚于今天"}}
	}
	return on, nil
}

// ConfirmReceipt sets the day of receipt of a request that came by
// ordinary mail, the internet or fax to the day both sides confirmed it
// (Art. 31(2)(3)), which may be later than the day it was recorded —
// before anything else was done with it.
func (s *Service) ConfirmReceipt(ctx context.Context, actor audit.Actor, id int64, on time.Time) (*View, error) {
	on, err := s.stepDay(on)
	if err != nil {
		return nil, err
	}
	r, err := s.Store.SetFOIAReceived(ctx, actor, id, on, func(r *records.FOIARequest, steps []records.FOIAStep) error {
		switch foia.Channel(r.Channel) {
		case foia.OrdinaryMail, foia.Online, foia.Fax:
		default:
			return &InputError{[]string{"确认收到日期：当面提交和挂号邮寄的申请，收到日期即提交或签收之日，不需另行确认"}}
		}
		if len(steps) > 0 || r.ConcludedOn != nil {
			return &InputError{[]string{"确认收到日期：申请已开始办理，不能再改收到日期"}}
		}
		if r.SelfFiled && on.Before(workday.DateOf(r.CreatedAt.In(workday.Zone))) {
			return &InputError{[]string{"确认收到日期：不能早于网上提交之日"}}
		}
		return s.settle(r, steps)
	})
	if err != nil {
		return nil, err
	}
	return s.Find(ctx, r.ID)
}
