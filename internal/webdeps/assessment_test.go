package webdeps

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/assesssvc"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/web"
)

// TestAssessmentPages: the office sees a quarter's ranking and a unit's
// explanation naming the notice that cost it; records are added (a bad
// one refused with its problems) and revoked, and move the score; a
// scheme saved as a draft changes nothing until published, after which
// the ranking and the public formula follow it; a liaison reads the
// ranking but cannot add a record or change the scheme.
func TestAssessmentPages(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, office := ledgerDeps(t, kind) // today is 2026-03-02
			d.Assess = &assesssvc.Service{Store: d.Store, Now: func() time.Time { return time.Date(2026, 4, 10, 2, 0, 0, 0, time.UTC) }}
			var units []int64
			for _, n := range []string{"市法制办", "市财政局"} {
				u, err := d.Store.CreateUnit(office, audit.System, records.UnitCreate{Name: n, Kind: records.UnitDepartment})
				if err != nil {
					t.Fatal(err)
				}
				units = append(units, u.ID)
			}
			due := []plandoc.Deadline{{Text: "3月底前", Due: "2026-03-31"}}
			id, _, err := d.Store.ImportPlan(office, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("a", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{
					{Path: []string{"1"}, Title: "甲", Units: []string{"市法制办"}, Deadlines: due},
					{Path: []string{"2"}, Title: "乙", Units: []string{"市财政局"}, Deadlines: due}}}})
			if err != nil {
				t.Fatal(err)
			}
			tasks, _, _ := d.Store.FindTasks(office, records.TaskFilter{PlanID: id})
			day := func(s string) time.Time { v, _ := time.Parse(time.DateOnly, s); return v }
			if _, err := d.Store.RecordSupervision(office, []supervise.Event{{Key: "blue-a", TaskID: tasks[0].ID, Kind: supervise.KindNotice,
				Level: "blue", Label: "蓝色督办单", On: day("2026-03-04"), Deadline: day("2026-03-11"), Recorded: day("2026-03-04")}},
				func(supervise.Event) []records.Notification { return nil }); err != nil {
				t.Fatal(err)
			}
			a := d.Web().Assessment
			r, err := a.Ranking(office, "2026-Q1", "")
			if err != nil {
				t.Fatal(err)
			}
			// Neither task done: 0 + 30 (− 1 for 市法制办's notice) + 0 + 10; one task each, under the
			// default minimum of 3, so not ranked and listed by name in pinyin order (cai, fa).
			if len(r.Rows) != 2 || r.Rows[0].Unit != "市财政局" || r.Rows[0].Total != 40 || r.Rows[1].Total != 39 || r.Rows[0].Rank != 0 || !r.Default || !r.CanEdit {
				t.Fatalf("ranking %+v", r)
			}
			u, err := a.Unit(office, units[0], "2026-Q1")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(joinLines(u), "蓝色督办单「甲」（牵头）：扣 1.00 分") || len(u.History) != 1 || u.History[0].Period != "2026-03" {
				t.Errorf("unit page %+v", u)
			}

			var bad *web.RulesInputError
			if _, err := a.AddRecord(office, web.RecordForm{UnitID: units[0], Kind: "highlight", On: "2026-03-10", Tasks: "x1"}); !errors.As(err, &bad) ||
				bad.Problems[0] != "关联任务编号：任务编号应为数字，如 12 或 t12。" {
				t.Errorf("a record with a bad task number: %v", err)
			}
			if _, err := a.AddRecord(office, web.RecordForm{UnitID: units[0], Kind: "highlight", On: "2026-03-10"}); !errors.As(err, &bad) ||
				strings.Join(bad.Problems, "|") != "事由：此项为必填项。" {
				t.Errorf("a record without a title: %v", err)
			}
			rid, err := a.AddRecord(office, web.RecordForm{UnitID: units[0], Kind: "highlight", Title: "法治示范", On: "2026-03-10",
				Tasks: "t" + itoa(tasks[0].ID), Notices: "blue-a"})
			if err != nil {
				t.Fatal(err)
			}
			if r, _ := a.Ranking(office, "2026-Q1", ""); r.Rows[1].Unit != "市法制办" || r.Rows[1].Total != 41 {
				t.Errorf("after the 亮点: %+v", r.Rows)
			}
			if err := a.RevokeRecord(office, rid, ""); !errors.As(err, &bad) || bad.Problems[0] != "撤销理由：此项为必填项。" {
				t.Errorf("revoking without a reason: %v", err)
			}
			if err := a.RevokeRecord(office, rid, "复核"); err != nil {
				t.Fatal(err)
			}
			if r, _ := a.Ranking(office, "2026-Q1", ""); r.Rows[1].Total != 39 {
				t.Errorf("after the revocation: %+v", r.Rows)
			}

			s, err := a.Scheme(office)
			if err != nil || s.Draft {
				t.Fatalf("scheme %+v, %v", s, err)
			}
			fields := map[string]string{}
			for _, f := range s.Fields {
				fields[f.Key] = f.Value
			}
			fields["min_tasks"], fields["satisfaction"], fields["co_share"] = "1", "20", "两"
			if err := a.SaveScheme(office, fields); !errors.As(err, &bad) || bad.Problems[0] != "配合单位系数（重点攻坚考绩）：请填写数字。" {
				t.Errorf("a word for a number: %v", err)
			}
			fields["co_share"] = "3"
			if err := a.SaveScheme(i18n.WithLocalizer(office, i18n.New(i18n.ZhTW)), fields); !errors.As(err, &bad) ||
				bad.Problems[0] != "配合單位係數（重點攻堅考績）：應在 0–1 之間" {
				t.Errorf("a share out of range, in zh-TW: %v", err)
			}
			fields["co_share"] = "0.5"
			if err := a.SaveScheme(office, fields); err != nil {
				t.Fatal(err)
			}
			if r, _ := a.Ranking(office, "2026-Q1", ""); r.Rows[0].Rank != 0 {
				t.Errorf("a draft changed the ranking: %+v", r.Rows)
			}
			if err := a.PublishScheme(office); err != nil {
				t.Fatal(err)
			}
			if r, _ := a.Ranking(office, "2026-Q1", ""); r.Rows[0].Rank != 1 || r.Rows[0].Total != 50 || r.Default {
				t.Errorf("after publishing: %+v", r.Rows)
			}
			if f, err := a.Formula(context.Background()); err != nil || f.Published == nil || !strings.Contains(strings.Join(f.Lines, ""), "公众满意度（20 分）") {
				t.Errorf("public formula %+v, %v", f, err)
			}

			lu, err := d.Store.CreateUser(office, audit.System, records.UserCreate{Username: "fazhiban", PasswordHash: "x", Role: authz.Liaison, Units: []int64{units[0]}})
			if err != nil {
				t.Fatal(err)
			}
			liaison := web.WithCurrentUser(context.Background(), web.CurrentUser{ID: lu.ID, Username: lu.Username, Role: "liaison"})
			r, err = a.Ranking(liaison, "2026-Q1", "")
			if err != nil || r.CanEdit || len(r.Rows) < 2 {
				t.Fatalf("liaison ranking: %+v %v", r, err)
			}
			for _, row := range r.Rows {
				// The ranking links a liaison only to their own unit's explanation.
				if row.CanOpen != (row.UnitID == units[0]) {
					t.Errorf("the liaison of 市法制办 gets a link to %s: %v", row.Unit, row.CanOpen)
				}
			}
			if _, err := a.AddRecord(liaison, web.RecordForm{UnitID: units[0], Kind: "highlight", Title: "自评", On: "2026-03-10"}); !errors.Is(err, web.ErrForbidden) {
				t.Errorf("a liaison added a record: %v", err)
			}
			if _, err := a.Scheme(liaison); !errors.Is(err, web.ErrForbidden) {
				t.Errorf("a liaison opened the scheme: %v", err)
			}
			if v, err := a.Unit(liaison, units[0], "2026-Q1"); err != nil || v.UnitID != units[0] {
				t.Errorf("a liaison opened their unit's score: %v", err)
			}
			if _, err := a.Unit(liaison, units[1], "2026-Q1"); !errors.Is(err, web.ErrForbidden) {
				t.Errorf("a liaison opened another unit's score: %v", err)
			}
			if v, err := a.Records(liaison); err != nil || v.CanEdit || v.Units != nil || len(v.Records) != 1 || v.Records[0].UnitID != units[0] {
				t.Errorf("a liaison's records %+v, %v", v, err)
			}
			zhTW := i18n.WithLocalizer(office, i18n.New(i18n.ZhTW))
			if err := a.SaveScheme(zhTW, map[string]string{"min_tasks": "x"}); !errors.As(err, &bad) || !strings.HasPrefix(bad.Problems[0], "參與排名") {
				t.Errorf("the problems in zh-TW: %v", err)
			}
		})
	}
}

func joinLines(u *web.UnitScoreView) string {
	var b strings.Builder
	for _, p := range u.Parts {
		for _, l := range p.Lines {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
