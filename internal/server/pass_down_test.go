package server

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestPassDownAPI is issue 16's must-show for catch-all units through the
// API: 各县（市、区）政府, linked in the registry to the group 县市区 of
// three counties, is given a task by a plan written 各县〔市、区〕政府;
// confirming the plan (挂号) passes the task down as one sub-task per
// county, with the parent's title and deadline. Two counties report (100 %
// and 50 %): the parent's percent, read through the API, is 50 — rolled
// up from its three sub-tasks. Passing down again adds nobody; a county
// liaison may not pass down, nor may a sub-task or a task without a
// catch-all unit be.
func TestPassDownAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			ctx := context.Background()
			sys := audit.System
			all, err := f.db.CreateUnit(ctx, sys, records.UnitCreate{Name: "各县（市、区）政府", Kind: records.UnitGroup, Aliases: []string{"各县（市）区政府"}})
			if err != nil {
				t.Fatal(err)
			}
			var counties []int64
			for i, name := range []string{"甲县政府", "乙区政府", "丙市政府"} {
				u, err := f.db.CreateUnit(ctx, sys, records.UnitCreate{Name: name, Kind: records.UnitCounty})
				if err != nil {
					t.Fatal(err)
				}
				counties = append(counties, u.ID)
				user, err := f.db.CreateUser(ctx, sys, records.UserCreate{Username: fmt.Sprintf("county%d", i), PasswordHash: fixtureHash,
					Role: authz.Liaison, Units: []int64{u.ID}})
				if err != nil {
					t.Fatal(err)
				}
				if f.tokens[user.Username], err = f.services.Signin.Issue(ctx, sys, user.ID, records.SessionAPI, "test", "127.0.0.1"); err != nil {
					t.Fatal(err)
				}
			}
			g, err := f.db.CreateUnitGroup(ctx, sys, records.GroupInput{Name: "县市区", Members: counties})
			if err != nil {
				t.Fatal(err)
			}
			// The office links the catch-all unit to its group (audited).
			var linked records.Unit
			if code := f.do(t, "office", "PATCH", fmt.Sprintf("/api/v1/units/%d", all.ID),
				strings.NewReader(fmt.Sprintf(`{"members_group_id":%d}`, g.ID)), "application/json", &linked); code != http.StatusOK || linked.MembersGroupID != g.ID {
				t.Fatalf("link = %d %+v", code, linked)
			}
			if code := f.call(t, "office", "PATCH", fmt.Sprintf("/api/v1/units/%d", all.ID),
				strings.NewReader(`{"members_group_id":999999}`), "application/json"); code != http.StatusUnprocessableEntity {
				t.Errorf("linking to no group = %d, want 422", code)
			}
			doc := "关于推进某项工作的实施方案\n一、开展农村人居环境整治（各县〔市、区〕政府负责，2026年12月底前完成）\n"
			imp, err := f.services.Intake.Import(ctx, authz.Principal{UserID: f.users["office"], Username: "office", Role: authz.Office},
				sys, intakesvc.Upload{Name: "方案.txt", Data: []byte(doc), Draft: true})
			if err != nil {
				t.Fatal(err)
			}
			if code := f.call(t, "office", "POST", fmt.Sprintf("/api/v1/plans/%d/confirm", imp.ID), nil, ""); code != http.StatusOK {
				t.Fatalf("confirm = %d", code)
			}
			tasks, _, err := f.db.FindTasks(ctx, records.TaskFilter{PlanID: imp.ID})
			if err != nil {
				t.Fatal(err)
			}
			var parent *records.Task
			for i := range tasks {
				if tasks[i].ParentID == 0 {
					parent = &tasks[i]
				}
			}
			if parent == nil || len(parent.UnitIDs) != 1 || parent.UnitIDs[0] != all.ID {
				t.Fatalf("the plan's tasks = %+v", tasks)
			}
			type task struct {
				ID       int64    `json:"id"`
				ParentID int64    `json:"parent_id"`
				Title    string   `json:"title"`
				Due      string   `json:"due"`
				UnitIDs  []int64  `json:"unit_ids"`
				Percent  *float64 `json:"percent"`
			}
			var b struct {
				Subtasks    []task `json:"subtasks"`
				Members     int    `json:"pass_down_members"`
				CanPassDown bool   `json:"can_pass_down"`
			}
			path := fmt.Sprintf("/api/v1/tasks/%d/subtasks", parent.ID)
			if code := f.do(t, "office", "GET", path, nil, "", &b); code != http.StatusOK || len(b.Subtasks) != 3 || b.Members != 3 || b.CanPassDown {
				t.Fatalf("after 挂号 = %d %+v", code, b)
			}
			byUnit := map[int64]task{}
			for _, s := range b.Subtasks {
				if s.ParentID != parent.ID || s.Title != parent.Title || s.Due != "2026-12-31" || len(s.UnitIDs) != 1 {
					t.Errorf("sub-task %+v of %d %q", s, parent.ID, parent.Title)
				}
				if len(s.UnitIDs) == 1 {
					byUnit[s.UnitIDs[0]] = s
				}
			}
			for _, c := range counties {
				if _, ok := byUnit[c]; !ok {
					t.Fatalf("county %d has no sub-task: %+v", c, b.Subtasks)
				}
			}
			// Passing down again adds nobody.
			pass := fmt.Sprintf("/api/v1/tasks/%d/pass-down", parent.ID)
			if code := f.do(t, "office", "POST", pass, nil, "", &b); code != http.StatusOK || len(b.Subtasks) != 3 {
				t.Fatalf("pass down again = %d, %d sub-tasks", code, len(b.Subtasks))
			}
			for i, pct := range []int{100, 50} {
				p := fmt.Sprintf("/api/v1/tasks/%d/progress", byUnit[counties[i]].ID)
				if code := f.call(t, fmt.Sprintf("county%d", i), "POST", p, strings.NewReader(fmt.Sprintf(`{"text":"进展","percent":%d}`, pct)), "application/json"); code != http.StatusCreated {
					t.Fatalf("county %d reports = %d", i, code)
				}
			}
			var got task
			if code := f.do(t, "leader", "GET", fmt.Sprintf("/api/v1/tasks/%d", parent.ID), nil, "", &got); code != http.StatusOK ||
				got.Percent == nil || *got.Percent != 50 {
				t.Fatalf("the parent = %d %+v, want percent 50 = (100+50+0)/3", code, got)
			}
			if code := f.call(t, "county0", "POST", pass, nil, ""); code != http.StatusForbidden {
				t.Errorf("a county liaison passes down = %d, want 403", code)
			}
			if code := f.call(t, "office", "POST", fmt.Sprintf("/api/v1/tasks/%d/pass-down", byUnit[counties[0]].ID), nil, ""); code != http.StatusConflict {
				t.Errorf("passing down a sub-task = %d, want 409", code)
			}
			if code := f.call(t, "office", "POST", fmt.Sprintf("/api/v1/tasks/%d/pass-down", f.taskA), nil, ""); code != http.StatusConflict {
				t.Errorf("passing down a task without a catch-all unit = %d, want 409", code)
			}
		})
	}
}
