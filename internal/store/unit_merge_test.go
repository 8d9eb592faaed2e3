package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
)

// TestUnitMergeKnowsEveryUnitColumn: the columns a merge moves are
// exactly the columns of the schema that point at a unit (named unit_id
// or with a foreign key to units), so a table added later with a unit in
// it fails here until the merge moves it.
func TestUnitMergeKnowsEveryUnitColumn(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		cols, err := db.unitColumns(context.Background(), db.read)
		if err != nil {
			t.Fatal(err)
		}
		var known []string
		for _, m := range unitMoves {
			known = append(known, m.key())
		}
		slices.Sort(known)
		slices.Sort(cols)
		if !slices.Equal(cols, known) {
			t.Errorf("columns pointing at units:\n schema %v\n merge  %v", cols, known)
		}
		for _, want := range []string{"task_units.unit_id", "user_units.unit_id", "ticket_events.unit_id", "units.parent_id"} {
			if !slices.Contains(cols, want) {
				t.Errorf("the schema query missed %s", want)
			}
		}
	})
}

// TestMergeUnit merges 市发改委 into 市发展改革委: one unit then holds both
// units' tasks, reports, records, liaisons, groups, sub-units and aliases;
// no column of the schema points at 市发改委 any more; the old name is the
// target's alias, so a plan imported afterwards that names 市发改委 is
// matched to 市发展改革委; the merge is audited.
func TestMergeUnit(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		sys := audit.System
		into, err := db.CreateUnit(ctx, sys, UnitCreate{Name: "市发展改革委", Kind: UnitDepartment, Aliases: []string{"市发展和改革委员会"}})
		if err != nil {
			t.Fatal(err)
		}
		from, err := db.CreateUnit(ctx, sys, UnitCreate{Name: "市发改委", Kind: UnitDepartment, Aliases: []string{"发改委"}})
		if err != nil {
			t.Fatal(err)
		}
		child, err := db.CreateUnit(ctx, sys, UnitCreate{Name: "市价格监测中心", Kind: UnitOther, ParentID: from.ID})
		if err != nil {
			t.Fatal(err)
		}
		plan := &plandoc.Plan{Title: "方案", Year: 2026, Tasks: []plandoc.Task{
			{Path: []string{"1"}, Title: "甲", LeadUnits: []string{"市发改委"}, Units: []string{"市发改委"}},
			{Path: []string{"2"}, Title: "乙", LeadUnits: []string{"市发展改革委"}, Units: []string{"市发展改革委"}},
			{Path: []string{"3"}, Title: "丙", LeadUnits: []string{"市发改委"}, Units: []string{"市发改委", "市发展改革委"},
				Deadlines: []plandoc.Deadline{{Text: "3月底前", Due: "2026-03-31"}}},
		}}
		planID, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "p", SourceSHA256: sha("merge-1"), Format: "text", Plan: plan})
		if err != nil {
			t.Fatal(err)
		}
		tasks, _, err := db.FindTasks(ctx, TaskFilter{PlanID: planID})
		if err != nil || len(tasks) != 3 {
			t.Fatalf("tasks %v, %v", tasks, err)
		}
		both, err := db.CreateUser(ctx, sys, UserCreate{Username: "both", PasswordHash: "x", Role: "liaison", Units: []int64{from.ID, into.ID}})
		if err != nil {
			t.Fatal(err)
		}
		old, err := db.CreateUser(ctx, sys, UserCreate{Username: "old", PasswordHash: "x", Role: "liaison", Units: []int64{from.ID}})
		if err != nil {
			t.Fatal(err)
		}
		liaison := audit.Actor{ID: old.ID, Username: old.Username}
		if _, err := db.AddProgress(ctx, liaison, tasks[0].ID, ProgressInput{UnitID: from.ID, Text: "推进中"}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddAssessRecord(ctx, sys, AssessRecord{UnitID: from.ID, Kind: assess.RecordHighlight, Title: "亮点", On: "2026-03-10"}); err != nil {
			t.Fatal(err)
		}
		g, err := db.CreateUnitGroup(ctx, sys, records.GroupInput{Name: "市直部门", Members: []int64{from.ID, into.ID}})
		if err != nil {
			t.Fatal(err)
		}

		m, err := db.MergeUnit(ctx, sys, from.ID, into.ID)
		if err != nil {
			t.Fatal(err)
		}
		if m.Moved["task_units.unit_id"] != 2 || m.Moved["units.parent_id"] != 1 || m.Moved["assessment_records.unit_id"] != 1 {
			t.Errorf("moved %v", m.Moved)
		}
		held, n, err := db.FindTasks(ctx, TaskFilter{UnitID: into.ID})
		if err != nil || n != 3 {
			t.Fatalf("市发展改革委 holds %d tasks (%v), want all three", n, err)
		}
		// 丙 named both: now one unit, it has one share of it, as lead.
		in, err := db.AssessmentInput(ctx, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, tk := range in.Tasks {
			if tk.Title == "丙" {
				found++
				if len(tk.Units) != 1 || tk.Units[0].UnitID != into.ID || !tk.Units[0].Lead {
					t.Errorf("丙's shares after the merge: %+v", tk.Units)
				}
			}
		}
		if found != 1 {
			t.Errorf("丙 is assessed %d times", found)
		}
		for _, tk := range held {
			if len(slices.Compact(tk.UnitIDs)) != 1 || tk.UnitIDs[0] != into.ID {
				t.Errorf("task %s units %v", tk.Title, tk.UnitIDs)
			}
		}
		if _, err := db.FindUnitByID(ctx, from.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("the merged unit is still there: %v", err)
		}
		u, _ := db.FindUnitByID(ctx, into.ID)
		for _, a := range []string{"市发改委", "发改委", "市发展和改革委员会"} {
			if !slices.Contains(u.Aliases, a) {
				t.Errorf("aliases %v lack %s", u.Aliases, a)
			}
		}
		if c, _ := db.FindUnitByID(ctx, child.ID); c.ParentID != into.ID {
			t.Errorf("the sub-unit's parent is %d", c.ParentID)
		}
		for _, id := range []int64{both.ID, old.ID} {
			if got, _ := db.FindUserByID(ctx, id); !slices.Equal(got.Units, []int64{into.ID}) {
				t.Errorf("user %s units %v", got.Username, got.Units)
			}
		}
		if got, _ := db.FindUnitGroupByID(ctx, g.ID); !slices.Equal(got.Members, []int64{into.ID}) {
			t.Errorf("group members %v", got.Members)
		}
		cols, err := db.unitColumns(ctx, db.read)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range cols {
			table, col, _ := strings.Cut(tc, ".")
			var left int
			if err := db.read.QueryRow(db.dialect.rebind(fmt.Sprintf(`SELECT COUNT(*) FROM %s WHERE %s = ?`, table, col)), from.ID).Scan(&left); err != nil {
				t.Fatal(err)
			}
			if left != 0 {
				t.Errorf("%s: %d rows still point at the merged unit", tc, left)
			}
		}
		entries, _, err := db.FindAudit(ctx, AuditFilter{Action: "unit.merge"})
		if err != nil || len(entries) != 1 {
			t.Errorf("audit: %d entries, %v", len(entries), err)
		}

		// The next import names the old unit: it is matched to the target.
		next := &plandoc.Plan{Title: "下一方案", Year: 2026, Tasks: []plandoc.Task{
			{Path: []string{"1"}, Title: "丙", LeadUnits: []string{"市发改委"}, Units: []string{"市发改委"}}}}
		nextID, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "q", SourceSHA256: sha("merge-2"), Format: "text", Plan: next})
		if err != nil {
			t.Fatal(err)
		}
		nt, _, _ := db.FindTasks(ctx, TaskFilter{PlanID: nextID})
		if len(nt) != 1 || !slices.Equal(nt[0].UnitIDs, []int64{into.ID}) {
			t.Errorf("the next import's task units: %+v", nt)
		}
	})
}

// TestMergeUnitRefusals: a unit is not merged into itself, into its own
// sub-unit, or while a column the merge does not know still points at
// it; each refusal leaves everything as it was.
func TestMergeUnitRefusals(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		sys := audit.System
		a, _ := db.CreateUnit(ctx, sys, UnitCreate{Name: "市编办", Kind: UnitOffice})
		b, _ := db.CreateUnit(ctx, sys, UnitCreate{Name: "市编委办", Kind: UnitOffice})
		sub, _ := db.CreateUnit(ctx, sys, UnitCreate{Name: "市编办下属", Kind: UnitOther, ParentID: a.ID})
		if _, err := db.MergeUnit(ctx, sys, a.ID, a.ID); !errors.Is(err, ErrInvalid) {
			t.Errorf("into itself: %v", err)
		}
		if _, err := db.MergeUnit(ctx, sys, a.ID, sub.ID); !errors.Is(err, ErrInvalid) {
			t.Errorf("into its sub-unit: %v", err)
		}
		if _, err := db.MergeUnit(ctx, sys, a.ID, 9999); !errors.Is(err, ErrNotFound) {
			t.Errorf("into nothing: %v", err)
		}
		// A table the merge does not know, as a later migration might add.
		if _, err := db.write.Exec(`CREATE TABLE later_things (id INTEGER PRIMARY KEY, unit_id INTEGER)`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.write.Exec(db.dialect.rebind(`INSERT INTO later_things (id, unit_id) VALUES (1, ?)`), a.ID); err != nil {
			t.Fatal(err)
		}
		_, err := db.MergeUnit(ctx, sys, a.ID, b.ID)
		if err == nil || !strings.Contains(err.Error(), "later_things.unit_id") {
			t.Errorf("with an unknown column: %v", err)
		}
		if got, err := db.FindUnitByID(ctx, sub.ID); err != nil || got.ParentID != a.ID {
			t.Errorf("the refused merge moved the sub-unit: %+v, %v", got, err)
		}
		if _, err := db.FindUnitByID(ctx, a.ID); err != nil {
			t.Errorf("the refused merge removed the unit: %v", err)
		}
	})
}
