package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/workday"
)

// demoCounty is the county whose own 督查室 (the demo account xianducha,
// bound to it) runs a plan of its own, so that scopes (分级督查) can be
// seen: xianducha sees the county's subtree only, ducha sees it too.
const demoCounty = "鹿城区政府"

// demoCountyUnits are units under demoCounty in the registry tree.
var demoCountyUnits = []struct{ name, kind string }{
	{"鹿城区发展和改革局", records.UnitDepartment},
	{"鹿城区住房和城乡建设局", records.UnitDepartment},
	{"五马街道办事处", records.UnitTownship},
}

// demoCountyTasks are the county plan's tasks, each due days from today.
var demoCountyTasks = []struct {
	title, unit string
	days        int
}{
	{"制定全区营商环境优化提升实施方案", "鹿城区发展和改革局", 20},
	{"完成老旧小区改造年度任务", "鹿城区住房和城乡建设局", -3},
	{"推进街道便民服务中心标准化建设", "五马街道办事处", 45},
	{"落实区政府常务会议议定事项", demoCounty, 10},
}

// seedDemoCounty registers demoCountyUnits under demoCounty and the
// county's plan, registered (挂号) today, and adds the units to ids.
func seedDemoCounty(ctx context.Context, db *store.DB, ids map[string]int64, today time.Time) error {
	all, err := db.FindUnits(ctx)
	if err != nil {
		return err
	}
	for _, u := range all {
		if u.Name == demoCounty {
			ids[demoCounty] = u.ID
		}
	}
	if ids[demoCounty] == 0 {
		return fmt.Errorf("demo county %s is not registered", demoCounty)
	}
	for _, c := range demoCountyUnits {
		u, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: c.name, ParentID: ids[demoCounty], Kind: c.kind})
		if err != nil {
			return fmt.Errorf("demo unit %s: %w", c.name, err)
		}
		ids[c.name] = u.ID
	}
	plan := &plandoc.Plan{Title: "鹿城区2026年度重点工作督查方案", Issuer: "鹿城区人民政府办公室", Year: today.Year()}
	for i, t := range demoCountyTasks {
		due := today.In(workday.Zone).AddDate(0, 0, t.days).Format(isoDay)
		plan.Tasks = append(plan.Tasks, plandoc.Task{Path: []string{fmt.Sprint(i + 1)}, Title: t.title, LeadUnits: []string{t.unit},
			Units: []string{t.unit}, Deadlines: []plandoc.Deadline{{Text: due, Due: due}}})
	}
	sum := sha256.Sum256([]byte(plan.Title))
	if _, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "鹿城区督查方案.txt", SourceSHA256: hex.EncodeToString(sum[:]),
		Format: "text", Plan: plan}); err != nil {
		return fmt.Errorf("demo county plan: %w", err)
	}
	return nil
}
