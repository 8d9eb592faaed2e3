package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/proposalsvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// seedDemoProposals gives the demo this year's 建议 and 提案 at every
// stage, dated from today: one 交办 to 市财政局 four months ago and still
// unanswered (late, on the desk); one answered A and rated 满意; one
// answered B, whose commitment is a task of the ledger; one answered C,
// which the representative asked not to publish and rated 不满意, waiting
// for the office's 重新办理; and one not yet 交办.
func seedDemoProposals(ctx context.Context, app *App) error {
	ps := app.Proposals
	today := ps.Now().In(workday.Zone)
	date := func(months, days int) string { return today.AddDate(0, months, days).Format(time.DateOnly) }
	who := func(name string) (authz.Principal, audit.Actor, error) {
		u, err := app.Store.FindUserByUsername(ctx, name)
		if err != nil {
			return authz.Principal{}, audit.Actor{}, fmt.Errorf("demo proposals: %w", err)
		}
		role := authz.Liaison
		if name == "ducha" {
			role = authz.Office
		}
		return authz.Principal{UserID: u.ID, Username: u.Username, Role: role, Units: u.Units}, audit.Actor{ID: u.ID, Username: u.Username}, nil
	}
	office, oa, err := who("ducha")
	if err != nil {
		return err
	}
	cz, cza, err := who("caizheng")
	if err != nil {
		return err
	}
	fz, fza, err := who("fazhiban")
	if err != nil {
		return err
	}
	units, err := app.Store.FindUnits(ctx)
	if err != nil {
		return err
	}
	unitID := map[string]int64{}
	for _, u := range units {
		unitID[u.Name] = u.ID
	}
	type demo struct {
		p        records.Proposal
		lead     string
		co       []string
		assigned string
	}
	list := []demo{
		{records.Proposal{Kind: records.ProposalSuggestion, Number: "3", Title: "关于加快惠企资金兑付的建议", Proposers: "陈建国",
			Delegation: "城东代表团", Phone: "13800138003", Category: "财政经济", Key: true,
			Content: "示例数据：部分惠企补贴资金兑付周期长，建议压缩审核环节，明确兑付时限并向企业公开进度。"}, "市财政局", nil, date(-4, 0)},
		{records.Proposal{Kind: records.ProposalSuggestion, Number: "5", Title: "关于行政执法信息公示规范化的建议", Proposers: "林晓梅",
			Delegation: "城西代表团", Phone: "13800138005", Category: "法治建设",
			Content: "示例数据：建议统一全市行政执法公示栏样式，及时更新执法人员、执法依据和监督电话。"}, "市法制办", nil, date(-1, 0)},
		{records.Proposal{Kind: records.ProposalMotion, Number: "12", Title: "关于建设行政执法案卷电子化管理平台的提案", Proposers: "黄志强",
			Delegation: "法律界", Phone: "13800138012", Category: "法治建设",
			Content: "示例数据：执法案卷仍以纸质为主，查阅评查不便，建议建设全市统一的电子案卷平台。"}, "市法制办", []string{"市财政局"}, date(-2, 0)},
		{records.Proposal{Kind: records.ProposalMotion, Number: "15", Title: "关于增设社区法律顾问经费的提案", Proposers: "吴丽华",
			Delegation: "社会福利和社会保障界", Phone: "13800138015", NoPublish: true,
			Content: "示例数据：建议将社区法律顾问经费纳入财政预算，实现村（社区）全覆盖。"}, "市法制办", nil, date(-2, -10)},
		{records.Proposal{Kind: records.ProposalSuggestion, Number: "21", Title: "关于延长政务服务中心周末服务时间的建议", Proposers: "赵敏",
			Delegation: "城南代表团", Content: "示例数据：建议政务服务中心周六全天开放。"}, "", nil, ""},
	}
	ids := make([]int64, len(list))
	for i, d := range list {
		pr, err := ps.Create(ctx, office, oa, d.p)
		if err != nil {
			return fmt.Errorf("demo proposal %s: %w", d.p.Number, err)
		}
		ids[i] = pr.ID
		if d.lead == "" {
			continue
		}
		a := proposalsvc.Assignment{LeadUnitID: unitID[d.lead], On: d.assigned}
		for _, c := range d.co {
			a.CoUnitIDs = append(a.CoUnitIDs, unitID[c])
		}
		if _, err := ps.Assign(ctx, office, oa, pr.ID, a); err != nil {
			return fmt.Errorf("demo proposal %s: %w", d.p.Number, err)
		}
	}
	steps := []func() error{
		func() error {
			return ps.Contact(ctx, fz, fza, ids[1], date(0, -7), "当面", "与林晓梅代表当面沟通公示栏样式和更新机制。")
		},
		func() error {
			_, err := ps.Answer(ctx, fz, fza, ids[1], proposalsvc.Answer{Class: "A", Signer: "市法制办 张主任", Contact: "王科长 0750-3000001",
				Answer: "示例数据：您的建议已采纳。我办已印发全市行政执法公示栏统一样式，要求各执法部门每月更新执法人员、执法依据和监督电话。"})
			return err
		},
		func() error {
			_, err := ps.Feedback(ctx, office, oa, ids[1], proposalsvc.Feedback{Satisfaction: "satisfied"})
			return err
		},
		func() error {
			return ps.Opinion(ctx, cz, cza, ids[2], unitID["市财政局"], "示例数据：同意主办单位意见，平台建设经费纳入下年度预算统筹安排。")
		},
		func() error {
			_, err := ps.Answer(ctx, fz, fza, ids[2], proposalsvc.Answer{Class: "B", Signer: "市法制办 张主任", Contact: "王科长 0750-3000001",
				Planned: date(6, 0),
				Answer:  "示例数据：您的提案所提问题已列入计划逐步解决。我办会同市财政局将电子案卷平台纳入下年度建设计划，计划半年内完成建设并上线试运行。"})
			return err
		},
		func() error {
			_, err := ps.Answer(ctx, fz, fza, ids[3], proposalsvc.Answer{Class: "C", Signer: "市法制办 张主任", Contact: "王科长 0750-3000001",
				Answer: "示例数据：受当前财力所限，暂无法实现全覆盖，我办将结合财力逐步推进，留作参考。"})
			return err
		},
		func() error {
			_, err := ps.Feedback(ctx, office, oa, ids[3], proposalsvc.Feedback{Satisfaction: "unsatisfied", Text: "示例数据：希望明确推进时间表"})
			return err
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("demo proposals: %w", err)
		}
	}
	return nil
}
