package supervisionsvc

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// inboxOnly sends each event to the task's units' inboxes, as the
// scheduler does with no other channel configured.
type inboxOnly struct{ asked int }

func (n *inboxOnly) Notifications(context.Context) (func(supervise.Event, *records.Task) []records.Notification, error) {
	n.asked++
	return func(e supervise.Event, t *records.Task) []records.Notification {
		var out []records.Notification
		for _, u := range t.UnitIDs {
			out = append(out, records.Notification{Key: e.Key + "/u" + strconv.FormatInt(u, 10), Channel: "inbox", TaskID: t.ID, UnitID: u,
				Title: e.Label + " " + t.Title})
		}
		return out
	}, nil
}

// TestIssueByHand: the office issues a 督办单 by hand at the ladder's
// first level with its deadline in working days, queued to the units'
// inboxes and audited in its name, once a day; who may not supervise
// cannot issue (the check is the service's, not the page's: drift D21);
// a task waiting for its 销号 is refused in its state; with no sender
// configured nothing is issued. The desk then shows the notice to the
// office and to the unit's liaison, and not to another unit's.
func TestIssueByHand(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.Open(t, kind)
			var units []int64
			for _, name := range []string{"市法制办", "市财政局"} {
				u, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: name, Kind: records.UnitDepartment})
				if err != nil {
					t.Fatal(err)
				}
				units = append(units, u.ID)
			}
			plan, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("9", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "甲", Units: []string{"市法制办"}},
					{Path: []string{"2"}, Title: "乙", Units: []string{"市法制办"}}}}})
			if err != nil {
				t.Fatal(err)
			}
			tasks, _, err := db.FindTasks(ctx, records.TaskFilter{PlanID: plan})
			if err != nil || len(tasks) != 2 {
				t.Fatalf("tasks %v", err)
			}
			today := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
			s := &Service{Store: db, RulesBase: supervise.Default(), Calendar: workday.Default(),
				Now: func() time.Time { return time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC) }}
			actor := audit.Actor{ID: office.UserID, Username: office.Username}
			lu, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: "fazhiban", PasswordHash: "x", Role: authz.Liaison, Units: []int64{units[0]}})
			if err != nil {
				t.Fatal(err)
			}
			own := lu.Principal()
			other := authz.Principal{UserID: 5, Username: "caizheng", Role: authz.Liaison, Units: []int64{units[1]}}

			if _, err := s.Issue(ctx, office, actor, tasks[0].ID); !errors.Is(err, fault.ErrNotFound) || s.Issuing() {
				t.Errorf("issued with no sender: %v", err)
			}
			n := &inboxOnly{}
			s.Notices = n
			if _, err := s.Issue(ctx, own, audit.Actor{ID: own.UserID, Username: own.Username}, tasks[0].ID); !errors.Is(err, fault.ErrForbidden) || n.asked != 0 {
				t.Errorf("a liaison issued a notice: %v", err)
			}
			e, err := s.Issue(ctx, office, actor, tasks[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			first := supervise.Default().Ladder[0]
			if e.TaskID != tasks[0].ID || e.Label != first.Label || !e.Deadline.Equal(workday.Default().AddWorkdays(today, first.RectifyWorkdays)) {
				t.Errorf("event %+v", e)
			}
			if _, err := s.Issue(ctx, office, actor, tasks[0].ID); !errors.Is(err, fault.New(fault.Conflict, "error.issued_today")) {
				t.Errorf("a second notice the same day: %v", err)
			}
			box, err := db.FindNotifications(ctx, "inbox", "", units[0], 10)
			if err != nil || len(box) != 1 || !strings.Contains(box[0].Title, "甲") {
				t.Errorf("inbox %+v %v", box, err)
			}
			entries, _, err := db.FindAudit(ctx, records.AuditFilter{Action: "supervise.issued"})
			if err != nil || len(entries) != 1 || entries[0].Actor != "office" {
				t.Errorf("audit %+v %v", entries, err)
			}

			if _, err := db.RequestClose(ctx, audit.Actor{ID: own.UserID, Username: own.Username}, tasks[1].ID, units[0], "已完成", nil); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Issue(ctx, office, actor, tasks[1].ID); !errors.Is(err, fault.New(fault.State, "error.task_state")) {
				t.Errorf("a notice on a task waiting for its 销号: %v", err)
			}
			if _, err := s.Issue(ctx, office, actor, 999999); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("a notice on no task: %v", err)
			}

			for _, c := range []struct {
				who  authz.Principal
				want int
			}{{office, 1}, {own, 1}, {other, 0}} {
				d, err := s.Desk(ctx, c.who)
				if err != nil || len(d.Notices) != c.want || d.Overdue != 0 {
					t.Errorf("%s's desk %+v %v", c.who.Username, d, err)
				}
			}
			if _, err := s.Desk(ctx, admin); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("an administrator opened the desk: %v", err)
			}
		})
	}
}

// TestIssueRefusedWithoutUnit (issue 14, defect 2): a 督办单 on a task
// with no responsible unit would be addressed to nobody; the office's
// issue is refused in the task's state with the reason, and nothing is
// asked of the sender.
func TestIssueRefusedWithoutUnit(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.Open(t, kind)
			plan, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("8", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "无单位"}}}})
			if err != nil {
				t.Fatal(err)
			}
			tasks, _, err := db.FindTasks(ctx, records.TaskFilter{PlanID: plan})
			if err != nil || len(tasks) != 1 {
				t.Fatalf("tasks %v", err)
			}
			n := &inboxOnly{}
			s := &Service{Store: db, RulesBase: supervise.Default(), Calendar: workday.Default(), Notices: n,
				Now: func() time.Time { return time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC) }}
			_, err = s.Issue(ctx, office, audit.Actor{ID: office.UserID, Username: office.Username}, tasks[0].ID)
			if !errors.Is(err, fault.New(fault.State, "error.notice_no_unit")) || n.asked != 0 {
				t.Errorf("issued on a task without a unit: %v", err)
			}
			if h, _ := db.SupervisionHistory(ctx, []int64{tasks[0].ID}); len(h[tasks[0].ID]) != 0 {
				t.Errorf("recorded %+v", h)
			}
		})
	}
}
