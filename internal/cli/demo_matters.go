package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// seedDemoMatters gives the demo 督办件 beside its plans, through the
// service the pages use, dated around today: a 领导批示 whose result goes
// back to the leader (with a first report of progress), a 常务会议's
// three 议定事项 pasted as a list (one already overdue), and a 交办件.
func seedDemoMatters(ctx context.Context, app *App) error {
	office := audit.Actor{Username: "ducha"}
	officeP := authz.Principal{Username: office.Username, Role: authz.Office}
	units, err := app.Store.FindUnits(ctx)
	if err != nil {
		return err
	}
	unitID := map[string]int64{}
	for _, u := range units {
		unitID[u.Name] = u.ID
	}
	// pick is the first of names the demo registry holds.
	pick := func(names ...string) string {
		for _, n := range names {
			if unitID[n] != 0 {
				return n
			}
		}
		return names[len(names)-1]
	}
	caizheng, fazhi := pick("市财政局"), pick("市法制办")
	fagai, ban, renshe := pick("市发展改革委", "市发改委", "市政府办公室"), pick("市政府办公室", "市法制办"), pick("市人力社保局", "市财政局")
	today := app.Ledger.Today()
	day := func(days int) time.Time { return today.AddDate(0, 0, days) }
	iso := func(days int) string { return day(days).Format(time.DateOnly) }
	words := func(days int) string { // a deadline as a 纪要 writes it, with its year
		d := day(days)
		return fmt.Sprintf("%d年%d月%d日前", d.Year(), int(d.Month()), d.Day())
	}
	instruction, err := app.Matters.Create(ctx, officeP, office, records.MatterInput{Kind: "instruction",
		Title:      "研究解决老旧小区加装电梯财政补助资金缺口",
		SourceText: "请财政局会同法制办研究提出解决办法，" + words(12) + "报结果。",
		Leader:     "李市长", ReportBack: true,
		Units:       []records.UnitLink{{UnitID: unitID[caizheng], Lead: true}, {UnitID: unitID[fazhi]}},
		Deadline:    iso(12),
		Requirement: "提出资金筹措方案，形成书面报告报市政府。"})
	if err != nil {
		return fmt.Errorf("demo 批示: %w", err)
	}
	pct := 40.0
	cz, err := app.Store.FindUserByUsername(ctx, "caizheng")
	if err != nil {
		return err
	}
	if _, err := app.Store.AddProgress(ctx, audit.Actor{ID: cz.ID, Username: cz.Username}, instruction.ID, records.ProgressInput{UnitID: unitID[caizheng],
		Text: "已会同市法制办梳理全市加装电梯补助政策，初步测算资金缺口1200万元，正在研究分年度筹措方案。", Percent: &pct}); err != nil {
		return fmt.Errorf("demo 批示 progress: %w", err)
	}
	meetingDay := day(-20).In(workday.Zone).Format(time.DateOnly)
	if _, err := app.Matters.CreateMany(ctx, officeP, office, records.MatterBatch{Kind: "meeting",
		Meeting: "市政府第12次常务会议", MinutesNo: "〔2026〕12号", MinutesOn: meetingDay, Leader: "王市长",
		Lines: fmt.Sprintf("一、关于稳就业工作。由%s牵头，%s配合，%s完成重点群体就业帮扶台账。\n"+
			"二、关于重大项目前期工作。由%s牵头，%s完成年度项目储备清单。\n"+
			"三、关于政务服务“一网通办”。由%s牵头，%s配合，每月报送推进情况，%s全面上线。",
			renshe, caizheng, words(-5), fagai, words(25), ban, fazhi, words(60))}); err != nil {
		return fmt.Errorf("demo 议定事项: %w", err)
	}
	if _, err := app.Matters.Create(ctx, officeP, office, records.MatterInput{Kind: "assignment",
		Title:      "核查群众反映的行政执法不规范问题",
		SourceText: "市政府秘书长交办：近期群众反映部分执法人员检查时未出示证件，请核查并规范。",
		LetterRef:  "市府办交〔2026〕7号",
		Units:      []records.UnitLink{{UnitID: unitID[fazhi], Lead: true}},
		Deadline:   iso(7)}); err != nil {
		return fmt.Errorf("demo 交办件: %w", err)
	}
	return nil
}
