package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/randomdraw"
	"github.com/duban/duban/internal/randomsvc"
	"github.com/duban/duban/internal/workday"
)

// seedDemoRandom gives the demo a small 双随机 directory (forty 检查对象
// of a district's food trade, six 执法检查人员, one tied to a shop his
// family runs), one plan drawn a week ago with two results published —
// one of them a 整改 that is a task of the ledger — and one plan
// committed, its seed's hash on /public/random, waiting for its draw.
func seedDemoRandom(ctx context.Context, app *App) error {
	u, err := app.Store.FindUserByUsername(ctx, "ducha")
	if err != nil {
		return fmt.Errorf("demo random: %w", err)
	}
	actor := audit.Actor{ID: u.ID, Username: u.Username}
	office := authz.Principal{UserID: u.ID, Username: u.Username, Role: authz.Office}
	rs := app.Random
	kinds := []string{"餐饮店", "超市", "食品作坊", "便利店", "茶饮店"}
	areas := []string{"城东街道", "城西街道", "城南街道"}
	grades := []string{"A", "B", "B", "C", "D"}
	var b strings.Builder
	b.WriteString("名称,统一社会信用代码,类型,区域,行业,风险等级\n")
	code := func(i int) string { return randomsvc.CheckChar(fmt.Sprintf("92440100MA%07d", 5000+i)) }
	for i := range 40 {
		fmt.Fprintf(&b, "%s%s示例%d号,%s,%s,%s,食品经营,%s\n", areas[i%3][:6], kinds[i%5], i+1, code(i), map[bool]string{true: "个体工商户", false: "企业"}[i%2 == 0],
			areas[i%3], grades[i%5])
	}
	if _, err := rs.ImportEntities(ctx, office, actor, "检查对象名录.csv", []byte(b.String())); err != nil {
		return fmt.Errorf("demo random directory: %w", err)
	}
	names := []string{"陈志远", "林晓峰", "黄丽华", "周建国", "吴海燕", "郑文博"}
	for k, name := range names {
		in := randomsvc.InspectorInput{Name: name, Cert: fmt.Sprintf("44010021%06d", 3100+k), UnitName: "市综合行政执法局",
			Qualifications: []string{"食品安全", "市场监管"}, Areas: areas}
		if k == 0 {
			in.Ties = []string{code(3), code(17)} // 回避: his family's shops
		}
		if _, err := rs.AddInspector(ctx, office, actor, in); err != nil {
			return fmt.Errorf("demo inspector: %w", err)
		}
	}
	unit, err := demoRandomUnit(ctx, app)
	if err != nil {
		return err
	}
	today := rs.Now().In(workday.Zone)
	// The fourth quarter's plan was committed and drawn ten days ago, so
	// its checks (three and two days ago) come after the draw.
	clock := rs.Now
	defer func() { rs.Now = clock }()
	rs.Now = func() time.Time { return clock().AddDate(0, 0, -10) }
	plan := func(title string, count int) (*randomsvc.Plan, error) {
		return rs.CreatePlan(ctx, office, actor, randomsvc.PlanInput{UnitID: unit, Title: title, Year: today.Year(),
			Matter: "食品经营许可、进货查验和从业人员健康证明检查", Count: count, TeamSize: 2, Qualifications: []string{"食品安全"},
			Weights: []randomdraw.Weight{{Grade: "C", Weight: 2}, {Grade: "D", Weight: 4}}, AvoidLast: true})
	}
	drawn, err := plan(fmt.Sprintf("%d年第四季度食品经营者双随机抽查", today.Year()), 8)
	if err != nil {
		return fmt.Errorf("demo random plan: %w", err)
	}
	if _, err := rs.Draw(ctx, office, actor, drawn.ID); err != nil {
		return fmt.Errorf("demo draw: %w", err)
	}
	rs.Now = clock
	p, err := rs.Plan(ctx, office, drawn.ID)
	if err != nil {
		return err
	}
	day := func(days int) string { return today.AddDate(0, 0, days).Format(time.DateOnly) }
	for i, r := range []randomsvc.ResultInput{
		{CheckedOn: day(-3), Category: randomsvc.CategoryClean, Findings: "证照齐全，进货查验记录完整。", Publish: true},
		{CheckedOn: day(-2), Category: randomsvc.CategoryRectify, Findings: "后厨生熟食品未分区存放，2名从业人员健康证明过期。",
			FollowUp: "责令限期整改，到期复查。", RectifyDue: day(12), Publish: true},
	} {
		if _, err := rs.EnterResult(ctx, office, actor, p.Checks[i].ID, r); err != nil {
			return fmt.Errorf("demo random result: %w", err)
		}
	}
	if _, err := plan(fmt.Sprintf("%d年第一季度食品经营者双随机抽查", today.Year()+1), 6); err != nil {
		return fmt.Errorf("demo random plan: %w", err)
	}
	return nil
}

// demoRandomUnit is the department the demo's plans belong to: the
// 综合行政执法局 where the demo has one, else the 法制办.
func demoRandomUnit(ctx context.Context, app *App) (int64, error) {
	units, err := app.Store.FindUnits(ctx)
	if err != nil {
		return 0, err
	}
	var fallback int64
	for _, u := range units {
		switch u.Name {
		case "市综合行政执法局":
			return u.ID, nil
		case "市法制办":
			fallback = u.ID
		}
	}
	if fallback == 0 {
		return 0, fmt.Errorf("demo random: no 市法制办")
	}
	return fallback, nil
}
