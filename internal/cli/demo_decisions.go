package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/commitsvc"
	"github.com/duban/duban/internal/decisionsvc"
	"github.com/duban/duban/internal/records"
)

// seedDemoDecisions gives the demo this year's 重大行政决策目录, approved
// and published (before any comment period, each recorded on the day it
// began), dated around today: one decision through every gate to
// publication with its 解读 (its 执行 and 后评估 in the ledger), one whose
// draft is open to comments on the portal, one at its 合法性审查 with
// 专家论证 left out for its recorded reason, and one added after
// publication (an adjustment); and four public commitments, one of each
// standing (fulfilled, on track, late, broken with its rectification).
func seedDemoDecisions(ctx context.Context, app *App) error {
	office := audit.Actor{Username: "ducha"}
	p := authz.Principal{Username: office.Username, Role: authz.Office}
	units, err := app.Store.FindUnits(ctx)
	if err != nil {
		return err
	}
	unitID := map[string]int64{}
	for _, u := range units {
		unitID[u.Name] = u.ID
	}
	pick := func(names ...string) int64 {
		for _, n := range names {
			if unitID[n] != 0 {
				return unitID[n]
			}
		}
		return units[0].ID
	}
	fazhi, caizheng, zhujian := pick("市法制办"), pick("市财政局"), pick("市住房城乡建设局", "市住建局", "市政府办公室", "市财政局")
	today := app.Ledger.Today()
	iso := func(days int) string { return today.AddDate(0, 0, days).Format(time.DateOnly) }
	year := today.Year()
	create := func(title, summary string, unit int64, planned, reason string) (int64, error) {
		d, err := app.Decisions.Create(ctx, p, office, records.NewDecision{Year: year, Title: title, Summary: summary, UnitID: unit,
			Planned: planned, Reason: reason})
		if err != nil {
			return 0, fmt.Errorf("demo decision %s: %w", title, err)
		}
		return d.ID, nil
	}
	// A comment period is recorded on the day it begins: the demo's
	// clock is set back to that day for it, and forward again after.
	clock := app.Ledger.Now
	defer func() { app.Ledger.Now = clock }()
	steps := func(id int64, in ...decisionsvc.StepInput) error {
		for _, s := range in {
			if s.Kind == "consult" {
				from, err := time.Parse(time.DateOnly, s.From)
				if err != nil {
					return err
				}
				back := from.Sub(today)
				app.Ledger.Now = func() time.Time { return clock().Add(back) }
			}
			_, err := app.Decisions.Step(ctx, p, office, id, s)
			app.Ledger.Now = clock
			if err != nil {
				return fmt.Errorf("demo decision %d %s: %w", id, s.Kind, err)
			}
		}
		return nil
	}
	fares, err := create("城市公共交通票价调整方案", "调整地面公交、轨道交通票价结构，完善老年人、学生优惠政策。", caizheng, fmt.Sprintf("%d年三季度", year), "")
	if err != nil {
		return err
	}
	dogs, err := create("城市养犬管理规定", "规范养犬登记、文明养犬行为和流浪犬收容。", fazhi, fmt.Sprintf("%d年四季度", year), "")
	if err != nil {
		return err
	}
	renewal, err := create("老旧小区改造三年行动计划", "明确三年改造范围、资金筹措和居民参与机制。", zhujian, fmt.Sprintf("%d年12月", year), "")
	if err != nil {
		return err
	}
	for _, action := range []string{decisionsvc.ActionApprove, decisionsvc.ActionPublish} {
		if _, err := app.Decisions.SetCatalogue(ctx, p, office, year, action, "经市政府第3次常务会议审定"); err != nil {
			return fmt.Errorf("demo catalogue %s: %w", action, err)
		}
	}
	if err := steps(fares,
		decisionsvc.StepInput{Kind: "consult", From: iso(-75), To: iso(-40)},
		decisionsvc.StepInput{Kind: "feedback", Body: "征求意见期间共收到意见建议86条，采纳23条（主要涉及学生优惠时段），部分采纳11条，未采纳52条并说明理由。"},
		decisionsvc.StepInput{Kind: "expert", Body: "组织交通经济、价格、法律方面专家5名论证，认为方案总体可行，建议设置过渡期。"},
		decisionsvc.StepInput{Kind: "risk", Result: "low", Body: "社会稳定风险评估：风险等级低，已制定舆情应对预案。"},
		decisionsvc.StepInput{Kind: "legality", Result: "pass", Body: "经市法制办审查，方案符合《价格法》《政府制定价格行为规则》，程序合法。"},
		decisionsvc.StepInput{Kind: "collective", Result: "adopt", Body: "市政府第14次常务会议审议通过。"},
		decisionsvc.StepInput{Kind: "publish", Result: fmt.Sprintf("市政发〔%d〕18号", year), ExecDue: iso(90), EvalDue: iso(365),
			Body: "政策解读：一是票价结构由单一票制改为按里程分段计价；二是学生、老年人优惠范围扩大；三是设三个月过渡期。"},
	); err != nil {
		return err
	}
	if err := steps(dogs, decisionsvc.StepInput{Kind: "consult", From: iso(-10), To: iso(25)}); err != nil {
		return err
	}
	if err := steps(renewal,
		decisionsvc.StepInput{Kind: "consult", From: iso(-60), To: iso(-28)},
		decisionsvc.StepInput{Kind: "feedback", Body: "收到意见41条，采纳18条，已在改造范围中增加12个小区。"},
		decisionsvc.StepInput{Kind: "skip", Gate: "expert", Reason: "依《重大行政决策程序暂行条例》第十九条，本事项专业性、技术性不强，经决策机关同意不组织专家论证。"},
		decisionsvc.StepInput{Kind: "risk", Result: "medium", Body: "社会稳定风险评估：中风险，主要为施工扰民，已制定化解措施。"},
	); err != nil {
		return err
	}
	if _, err := create("城区停车收费管理办法", "调整城区公共停车场收费标准。", caizheng, fmt.Sprintf("%d年12月", year),
		"经市政府第16次常务会议研究，增补列入年度目录。"); err != nil {
		return err
	}
	type pledge struct {
		in       commitsvc.Input
		progress []commitsvc.ProgressInput
	}
	for _, c := range []pledge{
		{commitsvc.Input{Title: "新增公办学位2000个", Source: "work_report", SourceRef: fmt.Sprintf("%d年政府工作报告民生实事第1项", year),
			UnitID: caizheng, Target: "秋季开学前新建、改扩建学校5所，新增学位2000个", Deadline: iso(-60)},
			[]commitsvc.ProgressInput{{Kind: "progress", Body: "5所学校主体完工。", On: iso(-120)}, {Kind: "fulfilled", Body: "5所学校如期投用，新增学位2150个。", On: iso(-70)}}},
		{commitsvc.Input{Title: "改造老旧小区30个", Source: "work_report", SourceRef: fmt.Sprintf("%d年政府工作报告民生实事第3项", year),
			UnitID: zhujian, Target: "完成30个老旧小区改造，惠及居民8000户", Deadline: iso(20)},
			[]commitsvc.ProgressInput{{Kind: "progress", Body: "已完工24个，其余6个进入收尾。", On: iso(-3)}}},
		{commitsvc.Input{Title: "行政复议案件当月办结", Source: "pledge", SourceRef: "市法制办服务承诺书",
			UnitID: fazhi, Target: "受理的行政复议案件法定期限内办结率100%", Deadline: iso(-5)},
			[]commitsvc.ProgressInput{{Kind: "progress", Body: "本季度办结率96%，2件因补正材料延期。", On: iso(-20)}}},
		{commitsvc.Input{Title: "建成口袋公园10个", Source: "project", SourceRef: "城市更新项目清单",
			UnitID: zhujian, Target: "建成开放口袋公园10个", Deadline: iso(-30)},
			[]commitsvc.ProgressInput{{Kind: "broken", Body: "建成开放6个。", Reason: "4个地块用地未能如期腾退。",
				Rectification: "调整选址至3处存量空地并加快腾退，次年6月底前建成剩余4个，按月公开进展。", On: iso(-25)}}},
	} {
		made, err := app.Commitments.Create(ctx, p, office, c.in)
		if err != nil {
			return fmt.Errorf("demo commitment %s: %w", c.in.Title, err)
		}
		for _, pr := range c.progress {
			if _, err := app.Commitments.Progress(ctx, p, office, made.ID, pr); err != nil {
				return fmt.Errorf("demo commitment %s: %w", c.in.Title, err)
			}
		}
	}
	return nil
}
