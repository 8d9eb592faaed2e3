package changesvc

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// world is a ledger of one registered task of 市法制办, due 2026-03-31,
// on 2026-03-02, with the office, a leader and two liaisons.
type world struct {
	db                      *store.DB
	s                       *Service
	task                    int64
	unitA, unitB            int64
	office, leader, la, lb  authz.Principal
	officeActor, liaisonAct audit.Actor
}

func newWorld(t *testing.T, kind string) *world {
	t.Helper()
	ctx := context.Background()
	db := storetest.Open(t, kind)
	led := &ledgersvc.Service{Store: db, Calendar: workday.Default(), Rules: ledger.DefaultRules,
		Now: func() time.Time { return time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC) }}
	w := &world{db: db, s: &Service{Store: db, Ledger: led, Intake: &intakesvc.Service{Store: db, Ledger: led}}}
	a, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市法制办", Kind: records.UnitDepartment})
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市财政局", Kind: records.UnitDepartment})
	if err != nil {
		t.Fatal(err)
	}
	w.unitA, w.unitB = a.ID, b.ID
	plan, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("e", 64), Format: "text",
		Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "修订规定", Units: []string{"市法制办"},
			LeadUnits: []string{"市法制办"}, Deadlines: []plandoc.Deadline{{Text: "3月底前", Due: "2026-03-31"}}}}}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := db.FindPlanByID(ctx, plan)
	if err != nil {
		t.Fatal(err)
	}
	w.task = p.Tasks[0].ID
	o, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: "ducha", DisplayName: "督查室", PasswordHash: "x", Role: authz.Office})
	if err != nil {
		t.Fatal(err)
	}
	l, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: "fazhiban", PasswordHash: "x", Role: authz.Liaison, Units: []int64{a.ID}})
	if err != nil {
		t.Fatal(err)
	}
	w.office, w.officeActor = authz.Principal{UserID: o.ID, Username: "ducha", Role: authz.Office}, audit.Actor{ID: o.ID, Username: "ducha"}
	w.la, w.liaisonAct = authz.Principal{UserID: l.ID, Username: "fazhiban", Role: authz.Liaison, Units: []int64{a.ID}}, audit.Actor{ID: l.ID, Username: "fazhiban"}
	w.lb = authz.Principal{UserID: l.ID + 100, Username: "caizheng", Role: authz.Liaison, Units: []int64{b.ID}}
	w.leader = authz.Principal{UserID: o.ID + 200, Username: "lingdao", Role: authz.Leader}
	return w
}

// TestWhoMayChange: only a liaison of the task's unit asks for an
// extension; only the office decides, adjusts and revokes; whoever reads
// the task reads its history, the others are refused.
func TestWhoMayChange(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			w := newWorld(t, kind)
			ctx := context.Background()
			actor := audit.Actor{ID: 1, Username: "x"}
			forbidden := func(what string, err error) {
				t.Helper()
				if !errors.Is(err, fault.ErrForbidden) {
					t.Errorf("%s: %v, want forbidden", what, err)
				}
			}
			for _, p := range []authz.Principal{w.office, w.leader, w.lb} {
				_, err := w.s.RequestExtension(ctx, p, actor, w.task, "2026-04-30", "理由")
				forbidden("request as "+p.Username, err)
			}
			if _, err := w.s.RequestExtension(ctx, w.la, w.liaisonAct, w.task, "2026-04-30", "理由"); err != nil {
				t.Fatalf("the unit's request: %v", err)
			}
			due := "2026-05-31"
			for _, p := range []authz.Principal{w.leader, w.la, w.lb} {
				_, err := w.s.DecideExtension(ctx, p, actor, w.task, true, "")
				forbidden("decide as "+p.Username, err)
				_, err = w.s.Adjust(ctx, p, actor, w.task, AdjustInput{Due: &due, Reason: "理由"})
				forbidden("adjust as "+p.Username, err)
				_, err = w.s.Revoke(ctx, p, actor, w.task, "理由")
				forbidden("revoke as "+p.Username, err)
			}
			for _, p := range []authz.Principal{w.office, w.leader, w.la} {
				if h, err := w.s.History(ctx, p, w.task); err != nil || len(h) != 1 {
					t.Errorf("history as %s: %v %v", p.Username, h, err)
				}
			}
			_, err := w.s.History(ctx, w.lb, w.task)
			forbidden("history as another unit", err)
			if list, err := w.s.OpenExtensions(ctx, w.lb); err != nil || len(list) != 0 {
				t.Errorf("another unit's open requests: %v %v", list, err)
			}
			if list, err := w.s.OpenExtensions(ctx, w.la); err != nil || len(list) != 1 {
				t.Errorf("the unit's open requests: %v %v", list, err)
			}
		})
	}
}

// TestAdjustRefusals: an adjustment without a reason, with an empty
// title, a unit not in the registry or nothing changed is refused at its
// field; a revoked task takes no adjustment.
func TestAdjustRefusals(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			w := newWorld(t, kind)
			ctx := context.Background()
			str := func(s string) *string { return &s }
			units := func(names ...string) *[]records.UnitLink {
				var out []records.UnitLink
				for i, n := range names {
					out = append(out, records.UnitLink{Name: n, Lead: i == 0})
				}
				return &out
			}
			for _, c := range []struct {
				name       string
				in         AdjustInput
				field, key string
			}{
				{"no reason", AdjustInput{Requirement: str("按月报送")}, "reason", "error.required"},
				{"empty title", AdjustInput{Title: str(" "), Reason: "理由"}, "title", "error.required"},
				{"unknown unit", AdjustInput{Units: units("市不存在局"), Reason: "理由"}, "units", "plans.error.unit_unregistered"},
				{"no unit", AdjustInput{Units: units(), Reason: "理由"}, "units", "error.required"},
				{"bad date", AdjustInput{Due: str("2026-13-01"), Reason: "理由"}, "due", "error.date_invalid"},
				{"nothing changed", AdjustInput{Title: str("修订规定"), Units: units("市法制办"), Due: str("2026-03-31"), Reason: "理由"}, "", "adjust.error.nothing"},
			} {
				_, err := w.s.Adjust(ctx, w.office, w.officeActor, w.task, c.in)
				e := fault.As(err)
				got := ""
				if e != nil {
					got = e.Key
					if c.field != "" {
						got = e.Fields[c.field]
					}
				}
				if got != c.key {
					t.Errorf("%s: %v, want %s at %q", c.name, err, c.key, c.field)
				}
			}
			if _, err := w.s.Revoke(ctx, w.office, w.officeActor, w.task, "取消"); err != nil {
				t.Fatal(err)
			}
			_, err := w.s.Adjust(ctx, w.office, w.officeActor, w.task, AdjustInput{Requirement: str("按月报送"), Reason: "理由"})
			if e := fault.As(err); e == nil || e.Key != "error.task_revoked" {
				t.Errorf("adjusting a revoked task: %v", err)
			}
		})
	}
}

// TestExtensionOfTheDeadlineNotTheMilestone: a task whose next date is a
// milestone before its deadline: a request must be after the deadline,
// and its approval moves the deadline, not the milestone.
func TestExtensionOfTheDeadlineNotTheMilestone(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			w := newWorld(t, kind)
			ctx := context.Background()
			ms := []plandoc.Milestone{{Text: "形成送审稿", Due: "2026-03-10"}}
			if _, err := w.db.UpdateTask(ctx, audit.System, w.task, records.TaskUpdate{Milestones: &ms}); err != nil {
				t.Fatal(err)
			}
			_, err := w.s.RequestExtension(ctx, w.la, w.liaisonAct, w.task, "2026-03-20", "理由")
			if e := fault.As(err); e == nil || e.Fields["new_due"] != "extension.error.not_later" {
				t.Errorf("a date before the deadline: %v", err)
			}
			if _, err := w.s.RequestExtension(ctx, w.la, w.liaisonAct, w.task, "2026-04-30", "理由"); err != nil {
				t.Fatal(err)
			}
			if _, err := w.s.DecideExtension(ctx, w.office, w.officeActor, w.task, true, ""); err != nil {
				t.Fatal(err)
			}
			got, err := w.db.FindTaskByID(ctx, w.task)
			if err != nil || got.Due != "2026-04-30" || got.NextDue != "2026-03-10" || got.Milestones[0].Due != "2026-03-10" {
				t.Errorf("after approval: due %s, next %s, milestones %+v, %v", got.Due, got.NextDue, got.Milestones, err)
			}
		})
	}
}
