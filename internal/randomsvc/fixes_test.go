package randomsvc_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/randomsvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

// seedChanged is the store with one plan's seed changed after its
// commitment was published, as someone with the database could.
type seedChanged struct {
	randomsvc.Store
	plan int64
}

func (s seedChanged) FindRandomPlan(ctx context.Context, id int64) (*records.RandomPlan, error) {
	rp, err := s.Store.FindRandomPlan(ctx, id)
	if err == nil && id == s.plan {
		rp.Seed += "0"
	}
	return rp, err
}

// TestDrawChecksTheSeedAgainstItsCommitment: a seed that no longer has
// the published hash is refused, and nothing is drawn.
func TestDrawChecksTheSeedAgainstItsCommitment(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, "sqlite", time.Date(2026, 12, 1, 10, 0, 0, 0, workday.Zone))
	d.seed(t, 30)
	plan := d.plan(t, 3)
	d.svc.Random.Store = seedChanged{Store: d.db, plan: plan.ID}
	_, err := d.svc.Random.Draw(ctx, d.office, actor(d.office), plan.ID)
	var fe *fault.Error
	if fault.CodeOf(err) != fault.State || !errors.As(err, &fe) || fe.Key != "random.error.seed" {
		t.Fatalf("a draw with a changed seed: %v", err)
	}
	if rp, _ := d.db.FindRandomPlan(ctx, plan.ID); rp.DrawnAt != nil {
		t.Fatal("the plan was drawn with a seed not committed to")
	}
	d.svc.Random.Store = d.db
	if _, err := d.svc.Random.Draw(ctx, d.office, actor(d.office), plan.ID); err != nil {
		t.Fatalf("a draw with the committed seed: %v", err)
	}
}

// TestScopedOfficeRandom: a county office (分级督查) plans, draws and
// enters results only for its own departments, and may not import into
// the city-wide directory.
func TestScopedOfficeRandom(t *testing.T) {
	ctx := context.Background()
	d := newDesk(t, "sqlite", time.Date(2026, 12, 4, 10, 0, 0, 0, workday.Zone))
	d.seed(t, 30)
	county, err := d.db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "县市场监管局", Kind: records.UnitDepartment})
	if err != nil {
		t.Fatal(err)
	}
	scoped := d.office
	scoped.Scope = []int64{county.ID}
	outside := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, fault.ErrForbidden) {
			t.Errorf("%s by a county office: %v, want forbidden", what, err)
		}
	}
	_, err = d.svc.Random.ImportEntities(ctx, scoped, actor(scoped), "名录.csv", directoryCSV(3))
	outside("import into the city directory", err)
	in := randomsvc.PlanInput{UnitID: d.scj, Title: "市局抽查", Year: 2026, Matter: "食品经营检查", Count: 2, TeamSize: 2, Qualifications: []string{"食品"}}
	_, err = d.svc.Random.CreatePlan(ctx, scoped, actor(scoped), in)
	outside("a plan of a city department", err)
	in.UnitID, in.JointIDs = county.ID, []int64{d.scj}
	_, err = d.svc.Random.CreatePlan(ctx, scoped, actor(scoped), in)
	outside("a joint plan with a city department", err)
	in.JointIDs = nil
	own, err := d.svc.Random.CreatePlan(ctx, scoped, actor(scoped), in)
	if err != nil {
		t.Fatalf("a plan of the county's own department: %v", err)
	}
	city := d.plan(t, 2)
	_, err = d.svc.Random.Draw(ctx, scoped, actor(scoped), city.ID)
	outside("a draw of a city plan", err)
	if _, err := d.svc.Random.Draw(ctx, scoped, actor(scoped), own.ID); err != nil {
		t.Fatalf("a draw of the county's own plan: %v", err)
	}
	if _, err := d.svc.Random.Draw(ctx, d.office, actor(d.office), city.ID); err != nil {
		t.Fatal(err)
	}
	p, err := d.svc.Random.Plan(ctx, d.office, city.ID)
	if err != nil {
		t.Fatal(err)
	}
	_, err = d.svc.Random.EnterResult(ctx, scoped, actor(scoped), p.Checks[0].ID, randomsvc.ResultInput{CheckedOn: "2026-12-04", Category: randomsvc.CategoryClean})
	outside("a result of a city plan's check", err)
	mine, err := d.svc.Random.Plan(ctx, d.office, own.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.svc.Random.EnterResult(ctx, scoped, actor(scoped), mine.Checks[0].ID, randomsvc.ResultInput{CheckedOn: "2026-12-04", Category: randomsvc.CategoryClean}); err != nil {
		t.Fatalf("a result of the county's own check: %v", err)
	}
}

// TestDoubleSubmitOpensOneTask, on both databases: a second submit of a
// 整改 result arriving while the first is opening its task is refused,
// and one task is opened, the one the check points to; a task that fails
// to open leaves the check as it was, to enter again.
func TestDoubleSubmitOpensOneTask(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			d := newDesk(t, kind, time.Date(2026, 12, 4, 10, 0, 0, 0, workday.Zone))
			d.seed(t, 30)
			plan := d.plan(t, 3)
			if _, err := d.svc.Random.Draw(ctx, d.office, actor(d.office), plan.ID); err != nil {
				t.Fatal(err)
			}
			p, err := d.svc.Random.Plan(ctx, d.office, plan.ID)
			if err != nil {
				t.Fatal(err)
			}
			check := p.Checks[0].ID
			in := randomsvc.ResultInput{CheckedOn: "2026-12-04", Category: randomsvc.CategoryRectify, Findings: "冷库温度记录缺失",
				RectifyDue: "2026-12-20", Publish: true}
			open := d.svc.Random.Open
			fail := true
			d.svc.Random.Open = func(context.Context, authz.Principal, audit.Actor, randomsvc.Problem) (int64, error) {
				return 0, errors.New("the ledger is down")
			}
			if _, err := d.svc.Random.EnterResult(ctx, d.office, actor(d.office), check, in); err == nil {
				t.Fatal("a result whose task failed to open was kept")
			}
			var opened []int64
			var second error
			d.svc.Random.Open = func(ctx context.Context, pr authz.Principal, a audit.Actor, problem randomsvc.Problem) (int64, error) {
				if fail {
					fail = false
					_, second = d.svc.Random.EnterResult(ctx, d.office, actor(d.office), check, in)
				}
				id, err := open(ctx, pr, a, problem)
				if err == nil {
					opened = append(opened, id)
				}
				return id, err
			}
			got, err := d.svc.Random.EnterResult(ctx, d.office, actor(d.office), check, in)
			if err != nil {
				t.Fatal(err)
			}
			if fault.CodeOf(second) != fault.Conflict {
				t.Fatalf("the second submit: %v, want a conflict", second)
			}
			if len(opened) != 1 || got.TaskID != opened[0] {
				t.Fatalf("tasks opened %v, the check points to %d", opened, got.TaskID)
			}
		})
	}
}
