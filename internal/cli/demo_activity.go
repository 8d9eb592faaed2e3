package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/emergency"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/records"
)

// seedDemoActivity gives a fresh demo system some of the public side's
// daily traffic, through the same services the pages use, so that the
// 12345, 依申请公开 and 突发事件 pages, the 三率 and the annual table show
// something on the first visit: tickets in every state, requests at
// different points of their clock, and an incident under its 5-hour
// clock; and the liaisons' first progress reports (demo_progress.go).
func seedDemoActivity(ctx context.Context, app *App) error {
	office := audit.Actor{Username: "ducha"}
	// The demo acts as the office, and as each ticket's unit.
	officeP := authz.Principal{Username: office.Username, Role: authz.Office}
	units, err := app.Store.FindUnits(ctx)
	if err != nil {
		return err
	}
	unitID := map[string]int64{}
	for _, u := range units {
		unitID[u.Name] = u.ID
	}
	h := app.Hotline
	tickets := []struct {
		service, text, name, phone string
		answer                     string
		verdict                    hotline.Satisfaction
	}{
		{"cz-bt", "申请的农机购置补贴三个月未到账，请帮忙催办。", "孙立", "13900001234", "已核实，补贴已于本周拨付到您的账户。", hotline.Satisfied},
		{"fz-zf", "执法人员检查时未出示证件。", "周平", "13800005678", "已调查核实并批评教育相关人员。", hotline.FairlySatisfied},
		{"rs-gz", "公司拖欠两个月工资。", "吴敏", "13700009876", "已责令企业限期支付。", hotline.Dissatisfied},
		{"zc-zx", "咨询小微企业减税政策的申报时间。", "郑华", "13600004321", "", ""},
		{"", "小区门口路灯坏了一周。", "王芳", "13500001111", "", ""},
	}
	for _, tk := range tickets {
		t, err := h.Receive(ctx, office, hotlinesvc.Intake{ServiceCode: tk.service, Channel: "phone", Description: tk.text, Name: tk.name, Phone: tk.phone})
		if err != nil {
			return fmt.Errorf("demo ticket: %w", err)
		}
		if tk.answer == "" {
			continue
		}
		unit := audit.Actor{Username: "demo-unit"}
		unitP := authz.Principal{Username: unit.Username, Role: authz.Liaison, Units: []int64{t.UnitID}}
		if _, err := h.Sign(ctx, unitP, unit, t.ID); err != nil {
			return err
		}
		if _, err := h.Answer(ctx, unitP, unit, t.ID, tk.answer); err != nil {
			return err
		}
		if _, err := h.Visit(ctx, officeP, office, t.ID, tk.verdict, tk.verdict != hotline.Dissatisfied); err != nil {
			return err
		}
	}

	f := app.FOIA
	today := f.Now()
	if _, err := f.Receive(ctx, officeP, office, foiasvc.Intake{Kind: string(foia.Person), Name: "冯亮", Phone: "13300002222", Channel: string(foia.Registered),
		Received: today.AddDate(0, 0, -10), Content: "本市2025年度老旧小区改造项目名单及资金安排", Form: "电子邮件"}); err != nil {
		return fmt.Errorf("demo request: %w", err)
	}
	asked, err := f.Receive(ctx, officeP, office, foiasvc.Intake{Kind: string(foia.Business), Name: "某某建设有限公司", Email: "office@example.cn",
		Channel: string(foia.Online), Received: today.AddDate(0, 0, -20), Content: "某道路工程招标文件"})
	if err != nil {
		return fmt.Errorf("demo request: %w", err)
	}
	if _, err := f.Reply(ctx, officeP, office, asked.Request.ID, foiasvc.ReplyInput{Type: foia.PublishedAlready,
		Text: "该招标文件已在市公共资源交易网公开，可登录网站查询。", On: today.AddDate(0, 0, -5)}); err != nil {
		return fmt.Errorf("demo reply: %w", err)
	}
	unclear, err := f.Receive(ctx, officeP, office, foiasvc.Intake{Kind: string(foia.Person), Name: "陈静", Address: "某市某区某路8号", Channel: string(foia.InPerson),
		Received: today.AddDate(0, 0, -3), Content: "关于拆迁的文件"})
	if err != nil {
		return fmt.Errorf("demo request: %w", err)
	}
	if _, err := f.Step(ctx, officeP, office, unclear.Request.ID, foiasvc.StepInput{Kind: foia.StepCorrection, Days: 10, Note: "请写明拆迁项目名称或地块",
		On: today.AddDate(0, 0, -1)}); err != nil {
		return fmt.Errorf("demo 补正: %w", err)
	}

	inc, err := app.Incidents.Report(ctx, officeP, office, records.Incident{Title: "某镇山洪灾害（示例）", Level: string(emergency.Major),
		OccurredAt: app.Incidents.Now().Add(-3 * time.Hour), UnitID: unitID["市政府办公室"], Summary: "示例数据：山洪造成道路中断，伤亡情况正在核实。"})
	if err != nil {
		return fmt.Errorf("demo incident: %w", err)
	}
	if _, err := app.Incidents.Fulfil(ctx, officeP, office, inc.ID, "authoritative", app.Incidents.Now().Add(-90*time.Minute),
		"https://www.example.gov.cn/xwfb/demo.html"); err != nil {
		return fmt.Errorf("demo incident: %w", err)
	}
	if err := seedDemoProgress(ctx, app); err != nil {
		return err
	}
	if err := seedDemoSubtasks(ctx, app); err != nil {
		return err
	}
	if err := seedDemoInspections(ctx, app); err != nil {
		return err
	}
	if err := seedDemoRandom(ctx, app); err != nil {
		return err
	}
	if err := seedDemoProposals(ctx, app); err != nil {
		return err
	}
	return seedDemoPassDown(ctx, app, officeP, office)
}

// demoSupervisedUntil is how long before today the demo's supervision
// last ran: what fell due since is left for the first run, so that
// `duban supervise --dry-run` on a fresh demo lists a week's events and
// serve's scheduler records them.
const demoSupervisedUntil = 7 * 24 * time.Hour

// seedDemoSupervision runs supervision over the demo ledger as the
// scheduler would have since the plans were registered (demoLead ago),
// up to demoSupervisedUntil before today: the reminders, 催办 and 督办单
// owed by then are recorded and queued for the inboxes, so the desk holds
// a ladder in progress. Nothing is delivered and no alert is raised: the
// run is history, not news.
func seedDemoSupervision(ctx context.Context, app *App) error {
	s := *app.Scheduler
	now := app.Signin.Now
	s.Now = func() time.Time { return now().Add(-demoSupervisedUntil) }
	s.Channels, s.Limiters, s.Alerts = nil, nil, nil
	if _, err := s.Tick(ctx); err != nil {
		return fmt.Errorf("demo supervision: %w", err)
	}
	return nil
}
