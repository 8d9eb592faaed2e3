package proposalsvc

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/docx"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// ClassText is what a class says, as the letter's 类别 line writes it.
var ClassText = map[string]string{
	"A": "A类（所提问题已经解决或采纳）",
	"B": "B类（所提问题列入计划逐步解决）",
	"C": "C类（所提问题因条件限制留作参考）",
}

// Letter is the answer letter of an answered proposal as a .docx in the
// layout of a 公文 (答复函): the 主办 unit's title, the addressee, the
// answer, the class, the signature, the contact and the copy line. Who
// may read the proposal may download it; the download is audited. It
// returns the file and its name.
func (s *Service) Letter(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) ([]byte, string, error) {
	pr, err := s.Proposal(ctx, p, id)
	if err != nil {
		return nil, "", err
	}
	if pr.Answer == "" {
		return nil, "", fault.New(fault.State, "proposal.error.no_answer")
	}
	if err := s.Store.RecordEvent(ctx, actor, "proposal.letter.download", "proposal", id, map[string]any{"class": pr.Class}); err != nil {
		return nil, "", err
	}
	return s.letter(pr), fmt.Sprintf("答复函-%d-%s.docx", pr.Year, pr.Number), nil
}

func (s *Service) letter(pr *records.Proposal) []byte {
	d := docx.New()
	unit := pr.LeadUnit
	d.Title(unit)
	d.Centered(fmt.Sprintf("关于%d年%s第%s号的答复", pr.Year, kindName(pr.Kind), pr.Number))
	d.Right(ClassText[pr.Class])
	addressee := pr.Proposers
	if pr.Kind == records.ProposalMotion {
		addressee += "委员"
	} else {
		addressee += "代表"
	}
	d.Para("", "", addressee+"：")
	d.Body(fmt.Sprintf("您提出的《%s》收悉。经研究%s，现答复如下：", pr.Title, coWords(pr)))
	for _, para := range strings.Split(strings.ReplaceAll(pr.Answer, "\r\n", "\n"), "\n") {
		if para = strings.TrimSpace(para); para != "" {
			d.Body(para)
		}
	}
	d.Body("衷心感谢您对我们工作的关心和支持，欢迎继续提出宝贵意见。")
	d.Body("")
	d.Right(unit)
	day := s.today()
	if t, err := time.Parse(time.DateOnly, pr.AnsweredOn); err == nil {
		day = t
	}
	d.Right(fmt.Sprintf("%d年%d月%d日", day.Year(), int(day.Month()), day.Day()))
	d.Body("")
	d.Para("", "", "签发人："+pr.Signer)
	d.Para("", "", "联系人及电话："+pr.Contact)
	cc := "抄送：" + nonEmpty(s.Issuer, "市政府督查室")
	if pr.Kind == records.ProposalMotion {
		cc += "，市政协提案委员会"
	} else {
		cc += "，市人大常委会代表工作委员会"
	}
	d.Para("", "", cc+"。")
	return d.Bytes()
}

func coWords(pr *records.Proposal) string {
	if len(pr.CoUnits) == 0 {
		return ""
	}
	names := make([]string, len(pr.CoUnits))
	for i, u := range pr.CoUnits {
		names[i] = u.Name
	}
	return "并会同" + strings.Join(names, "、")
}

func nonEmpty(s, or string) string {
	if strings.TrimSpace(s) == "" {
		return or
	}
	return s
}
