package foiasvc

import (
	"cmp"
	"context"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/docx"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/records"
)

// ErrNotReplied is a letter asked for before the reply.
var ErrNotReplied = fault.New(fault.State, "foia.error.not_replied")

// MayLetter reports whether p may have the reply letters: who handles
// requests and sees personal data, since a letter names the applicant.
func MayLetter(p authz.Principal) bool {
	return authz.Allowed(p, authz.FOIAHandle) && authz.SeesPersonalData(p)
}

// Letter is the reply letter of request id for p (MayLetter); the
// download is audited (foia.letter.download), as actor.
func (s *Service) Letter(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) ([]byte, string, error) {
	if !MayLetter(p) {
		return nil, "", fault.ErrForbidden
	}
	data, name, err := s.auditedLetter(ctx, actor, id)
	if err != nil {
		return nil, "", err
	}
	if err := s.viewed(ctx, p, "foia_letter", id); err != nil {
		return nil, "", err
	}
	return data, name, nil
}

// FollowLetter is the reply letter for the applicant, who follows their
// request with its secret from address ip; the download is audited.
func (s *Service) FollowLetter(ctx context.Context, id int64, secret, ip string) ([]byte, string, error) {
	if _, err := s.Follow(ctx, id, secret); err != nil {
		return nil, "", err
	}
	return s.auditedLetter(ctx, audit.Actor{Username: "public", IP: ip}, id)
}

// auditedLetter is the letter of request id, its download recorded.
func (s *Service) auditedLetter(ctx context.Context, actor audit.Actor, id int64) ([]byte, string, error) {
	data, name, err := s.letter(ctx, id)
	if err != nil {
		return nil, "", err
	}
	if err := s.Store.RecordEvent(ctx, actor, "foia.letter.download", "foia_request", id,
		map[string]any{"filename": name, "size": len(data)}); err != nil {
		return nil, "", err
	}
	return data, name, nil
}

// letter is the reply letter (政府信息公开申请答复书) of a concluded
// request as a .docx in the 公文 layout: the receipt and the handling as
// the steps recorded them, the reply under its article of the
// Regulations, and the remedies notice every reply must carry.
func (s *Service) letter(ctx context.Context, id int64) ([]byte, string, error) {
	v, err := s.find(ctx, id)
	if err != nil {
		return nil, "", err
	}
	r := v.Request
	if r.ConcludedOn == nil {
		return nil, "", ErrNotReplied
	}
	h := s.letterhead()
	d := docx.New()
	d.Title("政府信息公开申请答复书")
	d.Centered(fmt.Sprintf("依申请公开〔%d〕%d号", r.ConcludedOn.Year(), r.ID))
	d.Para("", "", r.ApplicantName+"：")
	d.Body(fmt.Sprintf("本机关于%s收到您（单位）通过%s提出的政府信息公开申请，申请获取“%s”的政府信息%s。",
		chineseDate(r.ReceivedOn), foia.ChannelLabel(foia.Channel(r.Channel)), r.Content, formAsked(r.Form)))
	for _, line := range handling(v.Steps) {
		d.Body(line)
	}
	basis, answer := replyText(foia.Reply(r.Reply), r.Withheld)
	d.Body(fmt.Sprintf("根据%s的规定，现答复如下：", basis))
	d.Body(answer)
	if r.ReplyText != "" {
		d.Body(r.ReplyText)
	}
	d.Body(foia.Remedies(foia.Reply(r.Reply), h.Reconsideration, h.Court))
	d.Para("", "", "")
	d.Right(h.Agency)
	d.Right(chineseDate(*r.ConcludedOn))
	return d.Bytes(), fmt.Sprintf("政府信息公开申请答复书-%d.docx", r.ID), nil
}

func (s *Service) letterhead() Letterhead {
	h := s.Letters
	h.Agency = cmp.Or(h.Agency, "（答复机关）")
	h.Reconsideration = cmp.Or(h.Reconsideration, "有管辖权的行政复议机关")
	h.Court = cmp.Or(h.Court, "有管辖权的人民法院")
	return h
}

func formAsked(form string) string {
	if form == "" {
		return ""
	}
	return "，要求以" + form + "形式提供"
}

// handling tells the steps that changed the clock, as the letter must:
// the 补正, the extension, the consultation, the fee.
func handling(steps []records.FOIAStep) []string {
	var out []string
	for _, st := range steps {
		on := chineseDate(st.On)
		switch st.Kind {
		case foia.StepCorrection:
			out = append(out, fmt.Sprintf("因申请内容不明确，本机关于%s一次性告知您补正，补正期限为%d个工作日。", on, st.Days))
		case foia.StepSupplement:
			out = append(out, fmt.Sprintf("本机关于%s收到您的补正材料，答复期限自该日起重新计算。", on))
		case foia.StepExtension:
			out = append(out, fmt.Sprintf("经本机关政府信息公开工作机构负责人同意，答复期限于%s延长%d个工作日。", on, st.Days))
		case foia.StepConsult:
			out = append(out, fmt.Sprintf("本机关于%s就您申请的信息征求了第三方或有关机关的意见，所需时间不计算在答复期限内。", on))
		case foia.StepFeeNotice:
			out = append(out, fmt.Sprintf("本机关收费通知于%s送达您（%s），自通知送达至缴费的时间不计算在答复期限内。", on, st.Note))
		}
	}
	return out
}

// replyText is the legal basis and the sentence of each reply type.
func replyText(r foia.Reply, withheld int) (basis, answer string) {
	const regs = "《中华人民共和国政府信息公开条例》"
	reason, ground := "", ""
	if withheld >= 0 && withheld < len(foia.WithheldReasons) {
		reason = foia.WithheldReasons[withheld]
		if a := foia.WithheldArticle(withheld); a != "" {
			ground = "、" + a
		}
	}
	switch r {
	case foia.PublishedAlready:
		return regs + "第三十六条第（一）项", "您申请获取的政府信息已经主动公开，获取的方式和途径如下。"
	case foia.Disclosed:
		return regs + "第三十六条第（二）项", "您申请获取的政府信息属于公开范围，本机关予以公开。"
	case foia.PartlyDisclosed:
		return regs + "第三十七条" + ground, fmt.Sprintf("您申请获取的政府信息中含有不应当公开的内容（理由为：%s），能够作区分处理，本机关向您提供可以公开的部分。", reason)
	case foia.Withheld:
		return regs + "第三十六条第（三）项" + ground, fmt.Sprintf("经审查，本机关决定对您申请获取的政府信息不予公开，理由为：%s。", reason)
	case foia.NotHeld:
		return regs + "第三十六条第（四）项", "经检索，本机关没有您所申请公开的信息，该政府信息不存在。"
	case foia.NotOurs:
		return regs + "第三十六条第（五）项", "您申请获取的政府信息不属于本机关负责公开。"
	case foia.NeedsCreating:
		return regs + "第三十八条", "本机关没有现成的您所申请的信息，需要对现有政府信息进行加工、分析才能形成，本机关不予提供。"
	case foia.StillUnclear:
		return regs + "第三十条", "经补正后，您的申请内容仍不明确，本机关无法确定您所申请公开的政府信息。"
	case foia.Repeated:
		return regs + "第三十六条第（六）项", "本机关已就您提出的相同政府信息公开申请作出答复，对您的重复申请不予重复处理。"
	case foia.Petition:
		return regs + "第三十九条第一款", "您以政府信息公开申请的形式提出的是信访、投诉、举报等事项，不作为政府信息公开申请处理，请通过相应渠道提出。"
	case foia.Publication:
		return regs + "第三十九条第二款", "您申请获取的是公开出版物，获取的途径如下。"
	case foia.Excessive:
		return regs + "第三十五条", "您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理，本机关不予处理。"
	case foia.Reconfirm:
		return regs, "您要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请，本机关不作为政府信息公开申请处理。"
	case foia.OtherRegime:
		return regs + "第三十六条第（七）项", "您申请获取的信息，有关法律、行政法规对其获取有特别规定，请依照有关法律、行政法规的规定办理。"
	case foia.Abandoned:
		return regs + "第三十条", "您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。"
	case foia.FeeUnpaid:
		return "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", "您逾期未按收费通知的要求缴纳费用，视为放弃申请，本机关不再处理该政府信息公开申请。"
	}
	return regs, r.Label()
}

// chineseDate writes a civil date as a 公文 does: 2026年3月5日.
func chineseDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}
