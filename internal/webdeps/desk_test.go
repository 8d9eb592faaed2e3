package webdeps

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/scheduler"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/web"
)

// TestDeskShowsOpenNotices: the desk lists the notices not yet answered,
// earliest deadline first, marks those past their deadline, counts them
// by unit, and shows a liaison only their units' notices.
func TestDeskShowsOpenNotices(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, office := ledgerDeps(t, kind) // today is 2026-03-02
			var units []int64
			for _, name := range []string{"市法制办", "市财政局"} {
				u, err := d.Store.CreateUnit(office, audit.System, records.UnitCreate{Name: name, Kind: records.UnitDepartment})
				if err != nil {
					t.Fatal(err)
				}
				units = append(units, u.ID)
			}
			id, _, err := d.Store.ImportPlan(office, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("f", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{
					{Path: []string{"1"}, Title: "甲", LeadUnits: []string{"市法制办"}, Units: []string{"市法制办", "市财政局"}},
					{Path: []string{"2"}, Title: "乙", Units: []string{"市财政局"}}}}})
			if err != nil {
				t.Fatal(err)
			}
			tasks, _, _ := d.Store.FindTasks(office, records.TaskFilter{PlanID: id})
			a, b := tasks[0].ID, tasks[1].ID
			day := func(s string) time.Time { v, _ := time.Parse(time.DateOnly, s); return v }
			notice := func(key string, task int64, on, deadline string) supervise.Event {
				return supervise.Event{Key: key, TaskID: task, Kind: supervise.KindNotice, Label: "蓝色督办单", On: day(on), Deadline: day(deadline), Recorded: day(on)}
			}
			events := []supervise.Event{notice("a1", a, "2026-02-09", "2026-02-26"), notice("b1", b, "2026-02-20", "2026-03-09"), notice("b0", b, "2026-02-01", "2026-02-10"),
				{Key: "a-press", TaskID: a, Kind: supervise.KindPress, On: day("2026-02-02"), Recorded: day("2026-02-02")}}
			if _, err := d.Store.RecordSupervision(office, events, func(supervise.Event) []records.Notification { return nil }); err != nil {
				t.Fatal(err)
			}
			if err := d.Store.AnswerSupervision(office, audit.System, b, "b0", "已整改", nil); err != nil {
				t.Fatal(err)
			}

			v, err := d.Web().Desk.Open(office)
			if err != nil {
				t.Fatal(err)
			}
			if len(v.Notices) != 2 || v.Notices[0].Key != "a1" || !v.Notices[0].Overdue || v.Notices[1].Key != "b1" || v.Notices[1].Overdue || v.Overdue != 1 {
				t.Fatalf("open notices %+v", v.Notices)
			}
			if v.Notices[0].Units != "市法制办（牵头）、市财政局" || v.Notices[0].TaskTitle != "甲" || v.Notices[0].PlanTitle != "方案" {
				t.Errorf("first notice %+v", v.Notices[0])
			}
			want := []web.UnitNotices{{Unit: "市法制办", Open: 1, Overdue: 1}, {Unit: "市财政局", Open: 2, Overdue: 1}}
			if len(v.ByUnit) != 2 || v.ByUnit[0] != want[1] || v.ByUnit[1] != want[0] {
				t.Errorf("by unit %+v, want %+v", v.ByUnit, want)
			}

			lu, err := d.Store.CreateUser(office, audit.System, records.UserCreate{Username: "fazhiban", PasswordHash: "x", Role: authz.Liaison, Units: []int64{units[0]}})
			if err != nil {
				t.Fatal(err)
			}
			liaison := web.WithCurrentUser(context.Background(), web.CurrentUser{ID: lu.ID, Username: lu.Username, Role: "liaison"})
			v, err = d.Web().Desk.Open(liaison)
			if err != nil {
				t.Fatal(err)
			}
			if len(v.Notices) != 1 || v.Notices[0].Key != "a1" {
				t.Errorf("liaison of 市法制办 sees %+v", v.Notices)
			}
		})
	}
}

// TestIssueNoticeByHand: the office issues a 督办单 from the task page; it
// reaches the task's record, the desk and the units' inboxes, once a day;
// a liaison cannot issue one.
func TestIssueNoticeByHand(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, office := ledgerDeps(t, kind)
			u, err := d.Store.CreateUnit(office, audit.System, records.UnitCreate{Name: "市法制办", Kind: records.UnitDepartment})
			if err != nil {
				t.Fatal(err)
			}
			id, _, err := d.Store.ImportPlan(office, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("9", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "甲", Units: []string{"市法制办"}}}}})
			if err != nil {
				t.Fatal(err)
			}
			tasks, _, _ := d.Store.FindTasks(office, records.TaskFilter{PlanID: id})
			task := tasks[0].ID
			if got, err := d.Web().Tasks.Get(office, task); err != nil || got.CanIssue {
				t.Fatalf("without a sender the office is offered to issue: %v", err)
			}
			d.Supervision.Notices = &scheduler.Scheduler{Store: d.Store, Calendar: d.Calendar, Rules: supervise.Default()}

			if got, err := d.Web().Tasks.Get(office, task); err != nil || !got.CanIssue {
				t.Fatalf("the office may not issue: %v", err)
			}
			if err := d.Web().Tasks.IssueNotice(office, task); err != nil {
				t.Fatal(err)
			}
			var ve *web.ValidationError
			if err := d.Web().Tasks.IssueNotice(office, task); !errors.As(err, &ve) || ve.Fields[""] != "error.issued_today" {
				t.Errorf("a second notice the same day: %v", err)
			}
			lu, err := d.Store.CreateUser(office, audit.System, records.UserCreate{Username: "fazhiban", PasswordHash: "x", Role: authz.Liaison, Units: []int64{u.ID}})
			if err != nil {
				t.Fatal(err)
			}
			liaison := web.WithCurrentUser(context.Background(), web.CurrentUser{ID: lu.ID, Username: lu.Username, Role: "liaison"})
			if err := d.Web().Tasks.IssueNotice(liaison, task); !errors.Is(err, web.ErrForbidden) {
				t.Errorf("a liaison issued a notice: %v", err)
			}

			got, err := d.Web().Tasks.Get(liaison, task)
			if err != nil {
				t.Fatal(err)
			}
			rules := supervise.Default()
			want := d.Calendar.Current().AddWorkdays(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), rules.Ladder[0].RectifyWorkdays)
			if len(got.Supervision) != 1 || got.Supervision[0].Kind != "issued" || got.Supervision[0].Title != rules.Ladder[0].Label || !got.Supervision[0].Deadline.Equal(want) {
				t.Fatalf("record %+v", got.Supervision)
			}
			if desk, err := d.Web().Desk.Open(liaison); err != nil || len(desk.Notices) != 1 {
				t.Errorf("desk %+v, %v", desk, err)
			}
			if box, err := d.Web().Inbox.Messages(liaison); err != nil || len(box.Messages) != 1 || !strings.Contains(box.Messages[0].Title, "甲") {
				t.Errorf("inbox %+v, %v", box, err)
			}
			entries, _, _ := d.Store.FindAudit(office, records.AuditFilter{Action: "supervise.issued"})
			if len(entries) != 1 || entries[0].Actor != "office" {
				t.Errorf("audit %+v", entries)
			}
		})
	}
}
