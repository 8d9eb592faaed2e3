package webdeps

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/signin"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// ledgerDeps builds the services over a fresh database of kind, with an
// office account signed in on the returned context.
func ledgerDeps(t *testing.T, kind string) (*Deps, context.Context) {
	t.Helper()
	db := storetest.Open(t, kind)
	now := func() time.Time { return time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC) }
	d := &Deps{Store: db, Signin: &signin.Service{Store: db, Now: now},
		Ledger: &ledgersvc.Service{Store: db, Calendar: workday.Default(), Rules: ledger.DefaultRules, Now: now}}
	u, err := db.CreateUser(context.Background(), audit.System, store.UserCreate{Username: "office", DisplayName: "督查室", PasswordHash: "x", Role: authz.Office})
	if err != nil {
		t.Fatal(err)
	}
	return d, web.WithCurrentUser(context.Background(), web.CurrentUser{ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Role: "office"})
}

// TestExportPagesThroughEveryTask: an export reads the ledger 500 tasks
// at a time and writes every one of them, not the first page.
func TestExportPagesThroughEveryTask(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, ctx := ledgerDeps(t, kind)
			const n = 1203
			tasks := make([]plandoc.Task, n)
			for i := range tasks {
				tasks[i] = plandoc.Task{Path: []string{fmt.Sprint(i + 1)}, Title: fmt.Sprintf("任务%d", i+1), Units: []string{"市法制办"}}
			}
			if _, _, err := d.Store.ImportPlan(ctx, store.PlanImport{SourceName: "big.txt", SourceSHA256: strings.Repeat("c", 64),
				Format: "text", Plan: &plandoc.Plan{Title: "大方案", Tasks: tasks}}); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := d.Web().Tasks.Export(ctx, web.TaskFilter{Q: "任务"}, &buf); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows(f.GetSheetName(0))
			if err != nil {
				t.Fatal(err)
			}
			got := 0
			for _, r := range rows {
				if len(r) > 1 && strings.HasPrefix(r[1], "任务") {
					got++
				}
			}
			if got != n {
				t.Errorf("exported %d tasks, want %d", got, n)
			}
			if !strings.Contains(rows[1][0], "关键词：任务") {
				t.Errorf("subtitle %q does not name the filter", rows[1][0])
			}
		})
	}
}

// TestReviewUnitLinks: a name linked to a registry unit it does not match
// takes the unit's registered name; a name that matches keeps its words.
func TestReviewUnitLinks(t *testing.T) {
	d, ctx := ledgerDeps(t, "sqlite")
	u, err := d.Store.CreateUnit(ctx, audit.System, store.UnitCreate{Name: "市司法局", Kind: store.UnitDepartment, Aliases: []string{"市法制办"}})
	if err != nil {
		t.Fatal(err)
	}
	links, err := (&plans{d}).unitLinks(ctx, []web.UnitLink{{Name: "市府法制", UnitID: u.ID, Lead: true}, {Name: "市法制办", UnitID: u.ID}, {Name: "未知单位"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.UnitLink{{Name: "市司法局", UnitID: u.ID, Lead: true}, {Name: "市法制办", UnitID: u.ID}, {Name: "未知单位"}}
	if fmt.Sprint(links) != fmt.Sprint(want) {
		t.Errorf("links %v, want %v", links, want)
	}
	if _, err := (&plans{d}).unitLinks(ctx, []web.UnitLink{{Name: "x", UnitID: 999}}); err == nil {
		t.Error("a link to a unit that does not exist was taken")
	}
}
