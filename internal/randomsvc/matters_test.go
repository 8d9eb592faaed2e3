package randomsvc_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/randomsvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

// TestMatters: the office adds to a department's 抽查事项清单 and reads it
// back; a nameless entry and an unknown department are refused; a
// leader reads but may not add; a plan picks its 事项 from the list.
func TestMatters(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d := newDesk(t, kind, time.Date(2026, 12, 1, 10, 0, 0, 0, workday.Zone))
			in := records.RandomMatter{UnitID: d.scj, Name: " 食品经营许可事项检查 ", ObjectType: "食品经营者", Basis: "《食品安全法》第一百一十条", Method: "现场检查"}
			m, err := d.svc.Random.AddMatter(ctx, d.office, actor(d.office), in)
			if err != nil || m.ID == 0 || m.Name != "食品经营许可事项检查" {
				t.Fatalf("add %+v %v", m, err)
			}
			_, err = d.svc.Random.AddMatter(ctx, d.office, actor(d.office), records.RandomMatter{UnitID: d.scj + 100})
			if e := fault.As(err); e == nil || e.Fields["unit_id"] != "random.error.unit" || e.Fields["name"] != "random.error.matter_name" {
				t.Fatalf("refusal %+v", e)
			}
			if _, err := d.svc.Random.AddMatter(ctx, d.leader, actor(d.leader), in); !errors.Is(err, fault.ErrForbidden) {
				t.Fatalf("a leader adds: %v", err)
			}
			all, err := d.svc.Random.Matters(ctx, d.leader)
			if err != nil || len(all) != 1 || all[0] != *m {
				t.Fatalf("list %+v %v", all, err)
			}
			// A plan picks its 事项 from its department's list: the name
			// becomes the plan's matter; another department's is refused.
			d.seed(t, 12)
			in2 := randomsvc.PlanInput{UnitID: d.scj, Title: "事项抽查", Year: 2026, MatterID: m.ID, Count: 2, TeamSize: 2}
			plan, err := d.svc.Random.CreatePlan(ctx, d.office, actor(d.office), in2)
			if err != nil || plan.Matter != "食品经营许可事项检查" {
				t.Fatalf("plan %+v %v", plan, err)
			}
			other, err := d.db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市卫健委", Kind: records.UnitDepartment})
			if err != nil {
				t.Fatal(err)
			}
			in2.UnitID = other.ID
			_, err = d.svc.Random.CreatePlan(ctx, d.office, actor(d.office), in2)
			if e := fault.As(err); e == nil || e.Fields["matter_id"] != "random.error.matter_pick" {
				t.Fatalf("another department's 事项 %+v", e)
			}
		})
	}
}
