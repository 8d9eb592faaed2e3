package scheduler

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/emergency"
	"github.com/duban/duban/internal/emergencysvc"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/notify"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

// TestIncidentAlerts: a major incident 4 h 30 min ago is 30 minutes from
// its 5-hour deadline; a tick sends one 临近 alert to the responsible
// unit's inbox and to the webhook peer on loopback, a second tick sends
// nothing more; an hour later the clock has run out and one 超时 alert
// follows; once the information is published nothing else goes out.
func TestIncidentAlerts(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 10, 3, 14, 0, 0, 0, time.UTC)
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return now }
			db := storetest.OpenWith(t, opts)
			unit, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市应急管理局", Kind: records.UnitDepartment})
			if err != nil {
				t.Fatal(err)
			}
			incidents := &emergencysvc.Service{Store: db, Now: func() time.Time { return now }}
			inc, err := incidents.Report(ctx, authz.Principal{Role: authz.Office}, audit.System, records.Incident{Title: "某隧道坍塌", Level: string(emergency.Major),
				OccurredAt: now.Add(-270 * time.Minute), UnitID: unit.ID})
			if err != nil {
				t.Fatal(err)
			}
			pr := &peer{keys: map[string]int{}}
			srv := httptest.NewServer(pr)
			defer srv.Close()
			hook, err := notify.NewWebhook(srv.URL, "s3cret")
			if err != nil {
				t.Fatal(err)
			}
			s := &Scheduler{Store: db, Calendar: workday.Default(), Rules: supervise.Default(),
				Channels: map[string]notify.Channel{"webhook": hook}, Limiters: map[string]*notify.Limiter{},
				Now: func() time.Time { return now }, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
				Alerts: []AlertSource{func(ctx context.Context) ([]Alert, error) {
					list, err := incidents.Alerts(ctx)
					var out []Alert
					for _, a := range list {
						out = append(out, Alert{Key: a.Key, Entity: "incident", ID: a.IncidentID, UnitID: a.UnitID, Title: a.Title, Text: a.Text,
							Path: fmt.Sprintf("/incidents/%d", a.IncidentID)})
					}
					return out, err
				}}}
			tick := func() {
				t.Helper()
				if _, err := s.Tick(ctx); err != nil {
					t.Fatal(err)
				}
			}
			tick()
			tick()
			soon := fmt.Sprintf("incident/%d/authoritative/due_soon", inc.ID)
			if len(pr.keys) != 1 || pr.keys[soon] != 1 {
				t.Fatalf("after two ticks the peer has %v", pr.keys)
			}
			inbox, _ := db.FindNotifications(ctx, "inbox", "", unit.ID, 10)
			if len(inbox) != 1 || inbox[0].Title != "【临近时限】某隧道坍塌：发布权威信息还剩30分" {
				t.Fatalf("inbox %+v", inbox)
			}
			now = now.Add(time.Hour)
			tick()
			if pr.keys[fmt.Sprintf("incident/%d/authoritative/overdue", inc.ID)] != 1 || len(pr.keys) != 2 {
				t.Errorf("after the deadline the peer has %v", pr.keys)
			}
			if _, err := incidents.Fulfil(ctx, authz.Principal{Role: authz.Office}, audit.System, inc.ID, "authoritative", time.Time{}, "https://x.gov.cn/1"); err != nil {
				t.Fatal(err)
			}
			tick()
			if len(pr.keys) != 2 || pr.bad != 0 {
				t.Errorf("after publishing the peer has %v (%d bad)", pr.keys, pr.bad)
			}
		})
	}
}

// TestAlertMessage: an alert its source words as messages of the
// catalogue is kept with them, sent in zh-CN, and a repeated tick queues
// it no more.
func TestAlertMessage(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.Open(t, kind)
			unit, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市应急管理局", Kind: records.UnitDepartment})
			if err != nil {
				t.Fatal(err)
			}
			msg := []i18n.Message{{Key: "notify.msg.title", Args: map[string]string{"task": "某隧道坍塌"}, Terms: map[string]string{"label": "supervise.kind.press"}},
				{Key: "notify.msg.units", Args: map[string]string{"units": "市应急管理局"}}}
			s := &Scheduler{Store: db, Calendar: workday.Default(), Rules: supervise.Default(), Limiters: map[string]*notify.Limiter{},
				Now: time.Now, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
				Alerts: []AlertSource{func(context.Context) ([]Alert, error) {
					return []Alert{{Key: "x/1", Entity: "incident", ID: 1, UnitID: unit.ID, Message: msg, Path: "/incidents/1"}}, nil
				}}}
			for range 2 {
				if _, err := s.Tick(ctx); err != nil {
					t.Fatal(err)
				}
			}
			inbox, _ := db.FindNotifications(ctx, "inbox", "", unit.ID, 10)
			if len(inbox) != 1 || inbox[0].Title != "【催办】某隧道坍塌" || inbox[0].Text != "责任单位：市应急管理局\n" || len(inbox[0].Message) != 2 {
				t.Fatalf("inbox %+v", inbox)
			}
			if got := i18n.New(i18n.ZhTW).Render(inbox[0].Message[0]); got != "【催辦】某隧道坍塌" {
				t.Errorf("zh-TW title %q", got)
			}
		})
	}
}
