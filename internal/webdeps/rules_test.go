package webdeps

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/web"
)

// TestRulesPage: the office gives a plan its own rules through the form
// (a renamed level keeps its code, a new level gets one, an emptied one is
// dropped), sees them beside the default, and clears them; a form with a
// word for a number or a level without a deadline is refused with every
// problem; a leader reads the rules but cannot change them.
func TestRulesPage(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, office := ledgerDeps(t, kind)
			id, _, err := d.Store.ImportPlan(office, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("5", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "重点攻坚方案", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "甲"}}}})
			if err != nil {
				t.Fatal(err)
			}
			rules := d.Web().Rules
			v, err := rules.List(office)
			if err != nil {
				t.Fatal(err)
			}
			if len(v.Sets) != 1 || v.Sets[0].Stored || len(v.Sets[0].Ladder) != 4 || len(v.Others) != 1 || !v.CanEdit {
				t.Fatalf("before: %+v", v)
			}
			f, err := rules.Get(office, id)
			if err != nil {
				t.Fatal(err)
			}
			f.Remind = "5"
			f.Levels[0].Label = "一级督办单" // renamed: keeps the code blue
			f.Levels[3].Label = ""      // 挂牌督办 dropped
			f.Levels = append(f.Levels, web.LevelForm{Label: "约谈", After: "1", Rectify: "3"})
			if err := rules.Save(office, id, *f); err != nil {
				t.Fatal(err)
			}
			book, _, err := d.Store.SupervisionRules(office, d.Supervision.RulesBase)
			if err != nil {
				t.Fatal(err)
			}
			got := book.For(id)
			if got.RemindWorkdays != 5 || len(got.Ladder) != 4 || got.Ladder[0].Name != "blue" || got.Ladder[0].Label != "一级督办单" ||
				got.Ladder[3].Label != "约谈" || got.Ladder[3].Name == "" || got.Ladder[3].Name == "listed" {
				t.Errorf("stored %+v", got)
			}
			if book.Default.RemindWorkdays != 3 {
				t.Errorf("the default changed: %+v", book.Default)
			}
			if v, _ := rules.List(office); len(v.Sets) != 2 || v.Sets[1].PlanTitle != "重点攻坚方案" || v.Sets[1].UpdatedBy != "office" || len(v.Others) != 0 {
				t.Errorf("after: %+v", v)
			}

			bad := *f
			bad.Remind = "三"
			bad.Levels = []web.LevelForm{{Name: "blue", Label: "蓝色督办单", After: "2", Rectify: "0"}}
			var in *web.RulesInputError
			if err := rules.Save(office, id, bad); !errors.As(err, &in) || len(in.Problems) != 1 || !strings.Contains(in.Problems[0], "三") {
				t.Errorf("a word for a number: %v", err)
			}
			bad.Remind = "3"
			if err := rules.Save(office, id, bad); !errors.As(err, &in) || len(in.Problems) != 1 || in.Problems[0] != "督办阶梯第 1 级（蓝色督办单）：限期整改应为 1–60 个工作日" {
				t.Errorf("no days to rectify: %v", err)
			}
			// The problems are the catalogue's, in the reader's language.
			tw := i18n.WithLocalizer(office, i18n.New(i18n.ZhTW))
			if err := rules.Save(tw, id, bad); !errors.As(err, &in) || len(in.Problems) != 1 || in.Problems[0] != "督辦階梯第 1 級（蓝色督办单）：限期整改應為 1–60 個工作日" {
				t.Errorf("no days to rectify, in zh-TW: %v", err)
			}

			u, err := d.Store.CreateUser(office, audit.System, records.UserCreate{Username: "lingdao", PasswordHash: "x", Role: authz.Leader})
			if err != nil {
				t.Fatal(err)
			}
			leader := web.WithCurrentUser(context.Background(), web.CurrentUser{ID: u.ID, Username: u.Username, Role: "leader"})
			if v, err := rules.List(leader); err != nil || v.CanEdit {
				t.Errorf("leader lists: %v", err)
			}
			if err := rules.Clear(leader, id); !errors.Is(err, web.ErrForbidden) {
				t.Errorf("leader cleared: %v", err)
			}
			if err := rules.Clear(office, id); err != nil {
				t.Fatal(err)
			}
			if v, _ := rules.List(office); len(v.Sets) != 1 {
				t.Errorf("after clearing: %+v", v.Sets)
			}
		})
	}
}
