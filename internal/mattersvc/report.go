package mattersvc

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/docx"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// MayReport reports whether p may write 办理结果 reports: the office,
// who reports back to the leaders.
func MayReport(p authz.Principal) bool { return authz.Allowed(p, authz.PlanWrite) }

// Report writes the 办理结果 report of a 督办件 whose leader wants the
// result back, as a .docx in the layout of a 公文: to the leader, the
// 批示 as written, when and to whom it was given, each report of the
// units' progress and the result (办结 or where it stands). It is the
// office's; a matter that wants no report is refused (state), a task of
// a plan document has none (not found). The download is audited. It
// returns the file and its name.
func (s *Service) Report(ctx context.Context, p authz.Principal, actor audit.Actor, task int64) ([]byte, string, error) {
	if !MayReport(p) {
		return nil, "", fault.ErrForbidden
	}
	t, err := s.Ledger.Readable(ctx, p, task)
	if err != nil {
		return nil, "", err
	}
	m, err := s.Store.FindMatter(ctx, task)
	if err != nil {
		return nil, "", err
	}
	if !m.ReportBack {
		return nil, "", fault.New(fault.State, "matters.error.no_report_back")
	}
	progress, err := s.Store.FindProgress(ctx, task)
	if err != nil {
		return nil, "", err
	}
	closes, err := s.Store.FindCloseRequests(ctx, task)
	if err != nil {
		return nil, "", err
	}
	reg, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, "", err
	}
	names := map[int64]string{}
	for _, u := range reg {
		names[u.ID] = u.Name
	}
	v := s.Ledger.View(t)
	data := s.report(v, m, progress, closes, names)
	if err := s.Store.RecordEvent(ctx, actor, "matter.report.download", "task", task,
		map[string]any{"leader": m.Leader, "status": v.Workflow}); err != nil {
		return nil, "", err
	}
	return data, fmt.Sprintf("办理结果报告-%d.docx", task), nil
}

// report lays the report out.
func (s *Service) report(t ledgersvc.Task, m *records.Matter, progress []records.Progress, closes []records.CloseRequest, unitNames map[int64]string) []byte {
	d := docx.New()
	d.Title("关于" + strings.TrimSuffix(t.Title, "的") + "办理情况的报告")
	leader := m.Leader
	if leader == "" {
		leader = "领导"
	}
	d.Para("", "", leader+"：")
	units := ledger.UnitsText(t.LeadUnits, t.Units)
	given := chineseDate(m.CreatedAt)
	var opening string
	switch m.Source {
	case records.SourceInstruction:
		opening = fmt.Sprintf("您对“%s”一事批示：“%s”", t.Title, m.SourceText)
	case records.SourceMeeting:
		opening = fmt.Sprintf("%s议定：“%s”", nonEmpty(m.Meeting, "会议"), nonEmpty(m.SourceText, t.Text))
	default:
		opening = fmt.Sprintf("关于“%s”的%s：“%s”", t.Title, m.KindName, nonEmpty(m.SourceText, t.Text))
	}
	opening = strings.TrimSuffix(opening, "。")
	if !strings.HasSuffix(opening, "”") {
		opening += "。"
	}
	d.Body(opening)
	due := ""
	if t.Due != "" {
		if day, err := time.Parse(time.DateOnly, t.Due); err == nil {
			due = "，要求于" + chineseDate(day) + "前办结"
		}
	}
	d.Body(fmt.Sprintf("%s，%s将其列为督办事项，交%s办理%s。现将办理情况报告如下：", given, nonEmpty(s.Issuer, "督查室"), nonEmpty(units, "有关单位"), due))
	d.Heading("一、办理情况")
	if len(progress) == 0 {
		d.Body("责任单位尚未报送办理进展。")
	}
	for i := len(progress) - 1; i >= 0; i-- { // oldest first
		pr := progress[i]
		line := chineseDate(pr.CreatedAt) + "，"
		if name := unitNames[pr.UnitID]; name != "" {
			line += name + "报告："
		}
		line += strings.TrimRight(strings.TrimSpace(pr.Text), "。；;")
		if pr.Percent != nil {
			line += fmt.Sprintf("（完成%.0f%%）", *pr.Percent)
		}
		line += "。"
		d.Body(line)
	}
	d.Heading("二、办理结果")
	d.Body(result(t, closes))
	d.Body("特此报告。")
	d.Body("")
	d.Right(nonEmpty(s.Issuer, "督查室"))
	d.Right(chineseDate(s.Now()))
	return d.Bytes()
}

// result is where the matter stands, in the report's words.
func result(t ledgersvc.Task, closes []records.CloseRequest) string {
	var closed *records.CloseRequest
	for i := range closes {
		if closes[i].Decision == "closed" {
			closed = &closes[i]
		}
	}
	switch {
	case t.Workflow == string(ledger.Closed) && closed != nil && closed.DecidedAt != nil:
		text := strings.TrimSpace(closed.Text)
		out := "该事项已于" + chineseDate(*closed.DecidedAt) + "办结销号"
		if text != "" {
			out += "。责任单位报告：" + text
		}
		return ensureStop(out)
	case t.Workflow == string(ledger.Closed):
		return "该事项已办结销号。"
	case t.Workflow == string(ledger.Pending):
		return "责任单位已申请销号，督查室正在核验。"
	}
	out := "该事项正在办理"
	if t.Percent != nil {
		out += fmt.Sprintf("，完成%.0f%%", *t.Percent)
	}
	if t.LedgerStatus == string(ledger.StatusOverdue) {
		out += "，已超过办理时限，督查室将继续督办"
	} else {
		out += "，督查室将继续跟踪督办"
	}
	return out + "，办结后另行报告。"
}

func ensureStop(s string) string {
	if r, _ := utf8.DecodeLastRuneInString(s); r != '。' && r != '！' && r != '”' {
		return s + "。"
	}
	return s
}

func nonEmpty(s, or string) string {
	if strings.TrimSpace(s) == "" {
		return or
	}
	return s
}

// chineseDate writes a day as a 公文 does: 2026年12月6日, in China time.
func chineseDate(t time.Time) string {
	t = t.In(workday.Zone)
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}
