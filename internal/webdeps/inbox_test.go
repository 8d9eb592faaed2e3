package webdeps

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/web"
)

// TestInboxScopesAndResends: a liaison reads their own units' messages
// and nothing of the failures, in their language when the message is kept
// as the catalogue's; the office reads every message (one stored before
// messages were kept, as it was sent) and the failed deliveries, and a
// resend queues one again exactly once.
func TestInboxScopesAndResends(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, office := ledgerDeps(t, kind)
			var unitIDs []int64
			for _, name := range []string{"市法制办", "市财政局"} {
				u, err := d.Store.CreateUnit(office, audit.System, records.UnitCreate{Name: name, Kind: records.UnitDepartment})
				if err != nil {
					t.Fatal(err)
				}
				unitIDs = append(unitIDs, u.ID)
			}
			id, _, err := d.Store.ImportPlan(office, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("e", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "任务", Units: []string{"市法制办", "市财政局"}}}}})
			if err != nil {
				t.Fatal(err)
			}
			list, _, _ := d.Store.FindTasks(office, records.TaskFilter{PlanID: id})
			task := list[0].ID
			day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
			e := supervise.Event{Key: "press-1", TaskID: task, Kind: supervise.KindPress, On: day, Recorded: day}
			notes := func(supervise.Event) []records.Notification {
				return []records.Notification{
					{Key: "press-1/u1", Channel: "inbox", TaskID: task, UnitID: unitIDs[0], Title: "催办：市法制办", Text: "t", Link: "/tasks/1"},
					{Key: "press-1/u2", Channel: "inbox", TaskID: task, UnitID: unitIDs[1], Title: "【催办】任务", Text: "任务：任务\n", Link: "/tasks/1",
						Message: []i18n.Message{{Key: "notify.msg.title", Args: map[string]string{"task": "任务"}, Terms: map[string]string{"label": "supervise.kind.press"}},
							{Key: "notify.msg.task", Args: map[string]string{"task": "任务"}}}},
					{Key: "press-1", Channel: "dingtalk", TaskID: task, Title: "催办", Text: "t", Link: "/tasks/1"},
				}
			}
			if _, err := d.Store.RecordSupervision(office, []supervise.Event{e}, notes); err != nil {
				t.Fatal(err)
			}
			claimed, err := d.Store.ClaimNotifications(office, "dingtalk", time.Now().Add(time.Hour), time.Minute, 10)
			if err != nil || len(claimed) != 1 {
				t.Fatalf("claimed %v, %v", claimed, err)
			}
			robot := claimed[0].ID
			if err := d.Store.FinishNotification(office, robot, false, true, true, time.Time{}, "dingtalk: 310000 keywords not in content"); err != nil {
				t.Fatal(err)
			}

			lu, err := d.Store.CreateUser(office, audit.System, records.UserCreate{Username: "caizheng", PasswordHash: "x", Role: authz.Liaison, Units: []int64{unitIDs[1]}})
			if err != nil {
				t.Fatal(err)
			}
			liaison := web.WithCurrentUser(i18n.WithLocalizer(context.Background(), i18n.New(i18n.ZhTW)),
				web.CurrentUser{ID: lu.ID, Username: lu.Username, Role: "liaison"})
			v, err := d.Web().Inbox.Messages(liaison)
			if err != nil {
				t.Fatal(err)
			}
			if len(v.Messages) != 1 || v.Messages[0].Title != "【催辦】任务" || v.Messages[0].Text != "任務：任务\n" || v.Messages[0].Unit != "市财政局" ||
				v.Failed != nil || v.CanResend {
				t.Errorf("liaison's inbox %+v, want their unit's one message and no failures", v)
			}
			if err := d.Web().Inbox.Resend(liaison, robot); !errors.Is(err, web.ErrForbidden) {
				t.Errorf("a liaison resent a notification: %v", err)
			}

			v, err = d.Web().Inbox.Messages(office)
			if err != nil {
				t.Fatal(err)
			}
			if len(v.Messages) != 2 || len(v.Failed) != 1 || v.Failed[0].ID != robot || !strings.Contains(v.Failed[0].Error, "310000") || !v.CanResend {
				t.Errorf("office's inbox %+v, want both messages and the failed robot message", v)
			}
			for _, m := range v.Messages {
				if m.Title != "【催办】任务" && m.Title != "催办：市法制办" {
					t.Errorf("office's inbox shows %q", m.Title)
				}
			}
			if err := d.Web().Inbox.Resend(office, robot); err != nil {
				t.Fatal(err)
			}
			var ve *web.ValidationError
			if err := d.Web().Inbox.Resend(office, robot); !errors.As(err, &ve) || ve.Fields[""] != "inbox.error.not_dead" {
				t.Errorf("a second resend: %v", err)
			}
			if err := d.Web().Inbox.Resend(office, 9999); !errors.Is(err, web.ErrNotFound) {
				t.Errorf("resending what does not exist: %v", err)
			}
			again, err := d.Store.ClaimNotifications(office, "dingtalk", time.Now().Add(2*time.Hour), time.Minute, 10)
			if err != nil || len(again) != 1 || again[0].ID != robot || again[0].Attempts != 0 {
				t.Errorf("after the resend the robot message is claimed again: %+v, %v", again, err)
			}
		})
	}
}
