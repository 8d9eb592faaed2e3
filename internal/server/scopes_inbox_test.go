package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
)

// TestScopesInbox: a 督办单 on a task of a county unit and a city unit
// sends each an inbox message, and an e-mail to the city unit that could
// not be delivered; the county office's inbox holds its county unit's
// message only and no dead letter, its desk the notice counted for the
// county unit only; the city office's holds both messages, the dead
// letter, and the notice under both units.
func TestScopesInbox(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			scopeFixture(t, f)
			ctx := context.Background()
			reg, err := f.db.FindUnits(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var sub int64
			for _, u := range reg {
				if u.Name == "鹿城区发改局" {
					sub = u.ID
				}
			}
			code, body := f.send(t, "office", "POST", "/api/v1/matters", fmt.Sprintf(
				`{"kind":"instruction","title":"两级共办的批示件","source_text":"请研究。","units":[{"unit_id":%d,"lead":true},{"unit_id":%d}],"deadline":"12月31日前"}`, sub, f.unitA))
			if code != http.StatusCreated {
				t.Fatalf("the city office's 督办件 = %d %s", code, body)
			}
			var task struct{ ID int64 }
			if err := json.Unmarshal([]byte(body), &task); err != nil {
				t.Fatal(err)
			}
			day := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
			e := supervise.Event{Key: "notice-scope", TaskID: task.ID, Kind: supervise.KindNotice, Label: "蓝色督办单", On: day, Deadline: day.AddDate(0, 0, 7), Recorded: day}
			notes := func(supervise.Event) []records.Notification {
				return []records.Notification{
					{Key: "n-county", Channel: "inbox", TaskID: task.ID, UnitID: sub, Title: "督办单（县）"},
					{Key: "n-city", Channel: "inbox", TaskID: task.ID, UnitID: f.unitA, Title: "督办单（市）"},
					{Key: "n-mail", Channel: "email", TaskID: task.ID, UnitID: f.unitA, Recipient: "a@example.invalid", Title: "督办单（邮件）"},
				}
			}
			if _, err := f.db.RecordSupervision(ctx, []supervise.Event{e}, notes); err != nil {
				t.Fatal(err)
			}
			mail, err := f.db.FindNotifications(ctx, "email", "", f.unitA, 10)
			if err != nil || len(mail) != 1 {
				t.Fatalf("the e-mail: %v %v", mail, err)
			}
			if err := f.db.FinishNotification(ctx, mail[0].ID, false, true, true, day, "no mailbox"); err != nil {
				t.Fatal(err)
			}
			county, err := f.services.Signin.Principal(ctx, f.users["countyOffice"])
			if err != nil {
				t.Fatal(err)
			}
			if err := f.services.Supervision.Resend(ctx, county, audit.Actor{ID: county.UserID, Username: "countyOffice"}, mail[0].ID); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("the county office resends the city unit's dead letter: %v", err)
			}
			for _, c := range []struct {
				caller   string
				messages []string
				dead     int
				units    []string
			}{
				{"countyOffice", []string{"督办单（县）"}, 0, []string{"鹿城区发改局"}},
				// tied units in pinyin order: lu before shi
				{"office", []string{"督办单（市）", "督办单（县）"}, 1, []string{"鹿城区发改局", "市法制办"}},
			} {
				p, err := f.services.Signin.Principal(ctx, f.users[c.caller])
				if err != nil {
					t.Fatal(err)
				}
				in, err := f.services.Supervision.Inbox(ctx, p)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, m := range in.Messages {
					got = append(got, m.Title)
				}
				if fmt.Sprint(got) != fmt.Sprint(c.messages) || len(in.Failed) != c.dead {
					t.Errorf("%s's inbox: %v, %d dead letters", c.caller, got, len(in.Failed))
				}
				d, err := f.services.Supervision.Desk(ctx, p)
				if err != nil {
					t.Fatal(err)
				}
				var units []string
				for _, u := range d.ByUnit {
					units = append(units, u.Unit)
				}
				if len(d.Notices) != 1 || fmt.Sprint(units) != fmt.Sprint(c.units) {
					t.Errorf("%s's desk: %d notices, units %v", c.caller, len(d.Notices), units)
				}
			}
		})
	}
}
