package cli

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/duban/duban/demo"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/units"
)

// DemoPassword is every demo account's password; the README lists them.
const DemoPassword = "Duban@2026"

// demoUsers are the demo accounts: one per role, a county's office bound
// to its county (分级督查), and two liaisons of units that the demo plans
// name. They keep 三员分立 as setup makes it:
// the three administrators exist from the start (user 3 is the audit
// administrator), and their password is chosen (DemoPassword), not a
// one-time one, so signing in goes straight to work.
var demoUsers = []struct {
	username, name string
	role           authz.Role
	units          []string
}{
	{"sysadmin", "系统管理员", authz.SysAdmin, nil},
	{"secadmin", "安全管理员", authz.SecAdmin, nil},
	{"auditor", "审计管理员", authz.AuditAdmin, nil},
	{"ducha", "督查室 王科长", authz.Office, nil},
	{"lingdao", "李秘书长", authz.Leader, nil},
	{"xianducha", "鹿城区政府督查室 陈科长", authz.Office, []string{demoCounty}},
	{"fazhiban", "市法制办 联络员 赵敏", authz.Liaison, []string{"市法制办"}},
	{"caizheng", "市财政局 联络员 钱进", authz.Liaison, []string{"市财政局"}},
}

// seedDemo fills an empty system with the demo plans, the units they name
// and the demo accounts, prints how to sign in and reports true. A system
// that has accounts already is left alone. The plans are registered
// through a second handle on the database whose clock runs demoLead
// behind (see demo_dates.go); opts are the options db was opened with.
func seedDemo(ctx context.Context, db *store.DB, opts store.Options, env *Env) (bool, error) {
	if n, err := db.CountUsers(ctx); err != nil || n > 0 {
		return false, err
	}
	now := env.now()
	opts.Now = func() time.Time { return now().Add(-demoLead) }
	past, err := store.Open(ctx, opts)
	if err != nil {
		return false, err
	}
	plans, unitIDs, err := seedDemoPlans(ctx, past, now())
	if cerr := past.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return false, err
	}
	if err := seedDemoPublic(ctx, db, unitIDs); err != nil {
		return false, err
	}
	if err := seedDemoGroups(ctx, db); err != nil {
		return false, err
	}
	if err := seedDemoCounty(ctx, db, unitIDs, now()); err != nil {
		return false, err
	}
	hash, err := auth.HashPassword(DemoPassword)
	if err != nil {
		return false, err
	}
	for _, u := range demoUsers {
		var ids []int64
		for _, n := range u.units {
			ids = append(ids, unitIDs[n])
		}
		if _, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: u.username, DisplayName: u.name,
			PasswordHash: hash, Role: u.role, Units: ids}); err != nil {
			return false, err
		}
	}
	fmt.Fprintf(env.Stdout, "已加载示例数据：%d 份方案，%d 个单位。示例账号（密码均为 %s）：\n", plans, countIDs(unitIDs), DemoPassword)
	for _, u := range demoUsers {
		fmt.Fprintf(env.Stdout, "  %-10s %s（%s）\n", u.username, u.name, u.role.Label())
	}
	return true, nil
}

// seedDemoPlans imports the demo plans as drafts, moves each plan's
// dates around today (demoTimetable) as the review would correct them,
// registers the plans (挂号) on db's clock and the units they name. It
// returns how many plans there are and the units, name → id.
func seedDemoPlans(ctx context.Context, db *store.DB, today time.Time) (int, map[string]int64, error) {
	seeds := demo.Seeds()
	names, _ := fs.Glob(seeds, "*.txt")
	intake := newIntake(db)
	for _, name := range names {
		data, err := fs.ReadFile(seeds, name)
		if err != nil {
			return 0, nil, err
		}
		res, err := intake.Import(ctx, intakesvc.Operator, audit.System, intakesvc.Upload{Name: name, Data: data, Draft: true})
		if err != nil {
			return 0, nil, fmt.Errorf("demo plan %s: %w", name, importError(err))
		}
		if !res.Created {
			continue
		}
		if res.Untitled {
			// The document gives no title, so duban named the plan by its
			// file; the demo's office names it at review, as an office
			// would, by the heading the document opens with.
			if _, err := intake.RenamePlan(ctx, intakesvc.Operator, audit.System, res.ID, demoHeading(data)); err != nil {
				return 0, nil, fmt.Errorf("demo plan %s: %w", name, err)
			}
		}
		plan, err := db.FindPlanByID(ctx, res.ID)
		if err != nil {
			return 0, nil, err
		}
		move := demoTimetable(plan.Tasks, today)
		for i, t := range plan.Tasks {
			ds, ms, ok := retimed(t.Task, move)
			if !ok && t.Optional {
				continue
			}
			if !ok {
				ds = append(ds, demoPlace(i, len(plan.Tasks), today))
			}
			if _, err := db.UpdateTask(ctx, audit.System, t.ID, records.TaskUpdate{Plan: plan.ID, Deadlines: &ds, Milestones: &ms}); err != nil {
				return 0, nil, fmt.Errorf("demo plan %s: %w", name, err)
			}
		}
	}
	// Units first, so that 挂号 finds every task's units registered.
	unitIDs, err := registerPlanUnits(ctx, db)
	if err != nil {
		return 0, nil, err
	}
	plans, err := db.FindPlans(ctx)
	if err != nil {
		return 0, nil, err
	}
	for _, p := range plans {
		if p.Status != "draft" {
			continue
		}
		if _, err := intake.Confirm(ctx, intakesvc.Operator, audit.System, p.ID, true); err != nil {
			return 0, nil, fmt.Errorf("demo plan %s: %w", p.SourceName, err)
		}
	}
	return len(names), unitIDs, nil
}

// countIDs counts the distinct units of a name → id map (an alias and its
// unit are one).
func countIDs(ids map[string]int64) int {
	seen := map[int64]bool{}
	for _, id := range ids {
		seen[id] = true
	}
	return len(seen)
}

// demoServices are the demo's 12345 categories with the 权责清单's unit
// (by name; "" sends the matter to triage).
var demoServices = []struct{ code, name, path, typ, unit, keywords string }{
	{"zc-zx", "政策咨询", "政务服务/政策咨询", "consult", "市政府办公室", "政策 咨询 办事"},
	{"fz-zf", "行政执法", "法治政府/行政执法", "complaint", "市法制办", "执法 处罚"},
	{"cz-bt", "补贴发放", "财政/补贴发放", "help", "市财政局", "补贴 补助 资金"},
	{"rs-gz", "工资社保", "人力社保/工资社保", "help", "市人力社保局", "工资 社保 养老"},
	{"qt-qt", "其他事项", "其他", "help", "", ""},
}

// seedDemoPublic puts the demo plans on the public portal and registers
// the demo's 12345 categories.
func seedDemoPublic(ctx context.Context, db *store.DB, unitIDs map[string]int64) error {
	plans, err := db.FindPlans(ctx)
	if err != nil {
		return err
	}
	for _, p := range plans {
		if p.Status != "draft" {
			if err := db.PublishPlan(ctx, audit.System, p.ID, true); err != nil {
				return err
			}
		}
	}
	for _, s := range demoServices {
		if err := db.SaveTicketService(ctx, audit.System, records.TicketService{Code: s.code, Name: s.name, Path: s.path, Type: s.typ,
			UnitID: unitIDs[s.unit], Keywords: s.keywords, Active: true}); err != nil {
			return err
		}
	}
	return nil
}

// demoAliases are the units the demo plans name in more than one way,
// each under the name it is registered with. They were found by matching
// the plans' unit names against each other with package units' matcher
// (closeness 0.77–0.92) and kept where both names mean one body: 发改委 is
// 发展改革委 for short, the 财政（地税）局 and the 招商局 with its second
// name are the 财政局 and the 招商局. Names it also rates close but that
// are other bodies (市公安局 / 市安全局, 市政府各部门 / 其党委) stay apart.
var demoAliases = map[string][]string{
	"市发展改革委":   {"市发改委"},
	"市综合行政执法局": {"市综合执法局"},
	"市编委办":     {"市编办"},
	"市住建委":     {"市建委"},
	"市财政局":     {"市财政〈地税〉局"},
	"市招商局":     {"市招商局<市营商环境服务监督局>"},
	"各地政府":     {"各地"},
}

// registerPlanUnits registers every unit name that the stored plans give,
// with a kind guessed from the name, a name of demoAliases as an alias of
// its unit, and returns name → id.
func registerPlanUnits(ctx context.Context, db *store.DB) (map[string]int64, error) {
	canonical := map[string]string{}
	for name, aliases := range demoAliases {
		for _, a := range aliases {
			canonical[units.Normalize(a)] = name
		}
	}
	ids, byKey := map[string]int64{}, map[string]int64{}
	for offset := 0; ; offset += 500 {
		tasks, _, err := db.FindTasks(ctx, records.TaskFilter{Limit: 500, Offset: offset})
		if err != nil {
			return nil, err
		}
		if len(tasks) == 0 {
			break
		}
		for _, t := range tasks {
			for _, n := range t.Units {
				name := n
				if c, ok := canonical[units.Normalize(n)]; ok {
					name = c
				}
				key := units.Normalize(name) // 各县〔市、区〕政府 and 各县（市、区）政府 are one unit
				if id, done := byKey[key]; done {
					ids[n] = id
					continue
				}
				u, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: name, Kind: guessKind(name), Aliases: demoAliases[name]})
				if err != nil {
					return nil, fmt.Errorf("demo unit %s: %w", name, err)
				}
				ids[n], ids[name], byKey[key] = u.ID, u.ID, u.ID
			}
		}
	}
	return ids, nil
}

// demoGroups are the demo's unit groups, each of the units of some kinds:
// the counties ranked apart from the city's departments.
var demoGroups = []struct {
	name, note string
	kinds      []string
}{
	{"县市区", "各县（市、区）政府，单独排名和通报", []string{records.UnitCounty}},
	{"市直部门", "市级部门和议事协调机构办公室，单独排名和通报", []string{records.UnitDepartment, records.UnitOffice}},
}

// demoCounties are the counties (县、市、区) under the demo's city, which
// its plans name only all together (各县〔市、区〕政府); registered so
// that the counties' group has its members.
var demoCounties = []string{"鹿城区政府", "龙湾区政府", "瓯海区政府", "洞头区政府", "瑞安市政府", "乐清市政府",
	"永嘉县政府", "平阳县政府", "苍南县政府", "文成县政府", "泰顺县政府"}

// demoCatchAll is the catch-all unit of the demo's plans that stands for
// a group (分解下达): its tasks are passed down to each county.
var demoCatchAll = struct{ unit, group string }{"各县（市、区）政府", "县市区"}

// seedDemoGroups registers the demo's counties, where they are not yet,
// and the demo's unit groups over the registry, and links the catch-all
// unit 各县（市、区）政府 to the group 县市区.
func seedDemoGroups(ctx context.Context, db *store.DB) error {
	all, err := db.FindUnits(ctx)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, u := range all {
		have[u.Name] = true
	}
	for _, name := range demoCounties {
		if have[name] {
			continue
		}
		u, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: name, Kind: records.UnitCounty})
		if err != nil {
			return fmt.Errorf("demo county %s: %w", name, err)
		}
		all = append(all, *u)
	}
	for _, g := range demoGroups {
		var members []int64
		for _, u := range all {
			if slices.Contains(g.kinds, u.Kind) {
				members = append(members, u.ID)
			}
		}
		grp, err := db.CreateUnitGroup(ctx, audit.System, records.GroupInput{Name: g.name, Note: g.note, Members: members})
		if err != nil {
			return fmt.Errorf("demo group %s: %w", g.name, err)
		}
		if g.name != demoCatchAll.group {
			continue
		}
		for _, u := range all {
			if units.Normalize(u.Name) == units.Normalize(demoCatchAll.unit) {
				if _, err := db.UpdateUnit(ctx, audit.System, u.ID, records.UnitUpdate{MembersGroupID: &grp.ID}); err != nil {
					return fmt.Errorf("demo catch-all %s: %w", u.Name, err)
				}
			}
		}
	}
	return nil
}

func guessKind(name string) string {
	switch {
	case strings.HasPrefix(name, "各") || strings.Contains(name, "有关"):
		return records.UnitGroup
	case strings.Contains(name, "党组") || strings.Contains(name, "党委"):
		return records.UnitPartyGroup
	case strings.Contains(name, "县") || strings.Contains(name, "区政府"):
		return records.UnitCounty
	case strings.HasSuffix(name, "办") || strings.HasSuffix(name, "办公室") || strings.HasSuffix(name, "中心"):
		return records.UnitOffice
	case strings.HasSuffix(name, "局") || strings.HasSuffix(name, "委") || strings.HasSuffix(name, "厅"):
		return records.UnitDepartment
	}
	return records.UnitOther
}

// demoHeading is the first line of a demo document's text, the name an
// office gives a plan whose document has no title of its own.
func demoHeading(data []byte) string {
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			return string([]rune(line)[:min(len([]rune(line)), intakesvc.MaxPlanTitle)])
		}
	}
	return ""
}
