package hotlinesvc

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

var cstZone = time.FixedZone("CST", 8*3600)

// TestTicketJourney: a property complaint goes to 市住建局 by the 权责清单,
// due 10 working days on; a request without a known category goes to
// triage, is routed, sent back within its window and routed again; the
// unit signs, asks for 5 more days (approved: the deadline moves over the
// weekend), answers, is reopened by a dissatisfied caller, answers again
// and the ticket closes; a step out of turn is refused; the 三率 follow;
// a request for information is redirected to 依申请公开.
func TestTicketJourney(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			clock := time.Date(2026, 3, 2, 9, 0, 0, 0, cstZone) // a Monday
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return clock }
			db := storetest.OpenWith(t, opts)
			zjj, _ := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市住建局", Kind: records.UnitDepartment})
			cgj, _ := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市城管局", Kind: records.UnitDepartment})
			agent := audit.Actor{Username: "jiexian"}
			if err := db.SaveTicketService(ctx, agent, records.TicketService{Code: "cs-wy", Name: "物业管理", Path: "城乡建设/物业管理",
				Type: "complaint", UnitID: zjj.ID, Keywords: "物业", Active: true}); err != nil {
				t.Fatal(err)
			}
			svc := &Service{Store: db, Calendar: workday.Default(), Limits: hotline.Guangdong(), Now: func() time.Time { return clock }}
			a, err := svc.Receive(ctx, agent, Intake{ServiceCode: "cs-wy", Channel: "phone", Description: "小区电梯停运三天，物业不修。",
				Name: "张三", Phone: "13900001111"})
			if err != nil {
				t.Fatal(err)
			}
			if a.State != "assigned" || a.UnitID != zjj.ID || a.Type != "complaint" || !a.DueAt.Equal(time.Date(2026, 3, 17, 0, 0, 0, 0, cstZone)) {
				t.Fatalf("routed ticket %+v (due %s)", a, a.DueAt.In(cstZone))
			}
			if m := a.Masked(); m.CallerName != "张*" || m.CallerPhone != "139****1111" {
				t.Errorf("masked %q %q", m.CallerName, m.CallerPhone)
			}
			if _, err := svc.Receive(ctx, agent, Intake{ServiceCode: "nope", Channel: "web"}); len(fault.As(err).Fields) != 3 {
				t.Errorf("a bad intake: %v", err)
			}

			b, err := svc.Receive(ctx, agent, Intake{Channel: "web", Description: "路灯不亮", Phone: "13800002222"})
			if err != nil || b.State != "triage" {
				t.Fatalf("unclear ticket %+v %v", b, err)
			}
			// A ticket in triage is no unit's yet: none of a liaison's.
			if _, err := svc.Sign(ctx, liaison(zjj.ID), agent, b.ID); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("signed in triage: %v", err)
			}
			step := func(tk *records.Ticket, err error) *records.Ticket {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
				return tk
			}
			step(svc.Assign(ctx, office, agent, b.ID, zjj.ID))
			clock = clock.Add(3 * time.Hour)
			if tk := step(svc.SendBack(ctx, liaison(zjj.ID), audit.Actor{Username: "zjj"}, b.ID, "路灯归城管")); tk.State != "triage" || tk.UnitID != 0 {
				t.Fatalf("sent back %+v", tk)
			}
			step(svc.Assign(ctx, office, agent, b.ID, cgj.ID))
			clock = clock.Add(26 * time.Hour)
			if _, err := svc.SendBack(ctx, liaison(cgj.ID), audit.Actor{Username: "cgj"}, b.ID, "不归我管"); !errors.Is(err, fault.ErrState) {
				t.Errorf("sent back after the window: %v", err)
			}
			step(svc.Sign(ctx, liaison(cgj.ID), audit.Actor{Username: "cgj"}, b.ID))
			step(svc.AskExtension(ctx, liaison(cgj.ID), audit.Actor{Username: "cgj"}, b.ID, 5, "需采购灯具"))
			before := step(db.FindTicket(ctx, b.ID)).DueAt
			if tk := step(svc.DecideExtension(ctx, office, agent, b.ID, true)); !tk.DueAt.After(before) || tk.Extension != 0 {
				t.Errorf("extension: %s → %s", before.In(cstZone), tk.DueAt.In(cstZone))
			}
			step(svc.Answer(ctx, liaison(cgj.ID), audit.Actor{Username: "cgj"}, b.ID, "已更换灯具。"))
			if tk := step(svc.Visit(ctx, office, agent, b.ID, hotline.Dissatisfied, false)); tk.State != "assigned" || tk.Reopened != 1 {
				t.Fatalf("reopened %+v", tk)
			}
			step(svc.Sign(ctx, liaison(cgj.ID), audit.Actor{Username: "cgj"}, b.ID))
			step(svc.Answer(ctx, liaison(cgj.ID), audit.Actor{Username: "cgj"}, b.ID, "已修复线路。"))
			if tk := step(svc.Visit(ctx, office, agent, b.ID, hotline.Satisfied, true)); tk.State != "closed" {
				t.Fatalf("closed %+v", tk)
			}
			events, _ := db.TicketEvents(ctx, b.ID)
			if len(events) != 12 || events[2].Kind != "send_back" || events[2].Note != "路灯归城管" {
				t.Errorf("%d events: %+v", len(events), events)
			}

			c, _ := svc.Receive(ctx, agent, Intake{Channel: "web", Description: "申请公开某项目批复文件", Email: "a@b.cn"})
			if tk := step(svc.Redirect(ctx, office, agent, c.ID, "disclosure")); tk.State != "redirected" || tk.RedirectTo != "disclosure" {
				t.Errorf("redirect %+v", tk)
			}
			rates, err := svc.Rates(ctx, time.Date(2026, 3, 1, 0, 0, 0, 0, cstZone), time.Date(2026, 4, 1, 0, 0, 0, 0, cstZone))
			if err != nil {
				t.Fatal(err)
			}
			// 市城管局: routed at 12:00 and signed 26 hours later (late), but
			// reopened (重办 is a fresh assignment) and signed at once: the
			// response counts the latest assignment. Visited once more,
			// satisfied.
			if r := rates[cgj.ID]; r.Tickets != 1 || r.Response != 1 || r.Satisfaction != 1 || r.Resolution != 1 {
				t.Errorf("市城管局 rates %+v", r)
			}
			if r := rates[zjj.ID]; r.Tickets != 1 || r.Visited != 0 {
				t.Errorf("市住建局 rates %+v", r)
			}
			entries, _, _ := db.FindAudit(ctx, records.AuditFilter{Action: "ticket."})
			if len(entries) < 12 || !strings.HasPrefix(entries[0].Action, "ticket.") {
				t.Errorf("%d ticket audit entries", len(entries))
			}
		})
	}
}

// TestIntakeProblemsNameFields: each refusal names the field at fault, so
// that the API can point at it; coordinates come in pairs and in range.
func TestIntakeProblemsNameFields(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			db := storetest.Open(t, kind)
			svc := &Service{Store: db, Calendar: workday.Default(), Limits: hotline.Guangdong(), Now: time.Now}
			north, lat, east := 91.0, 22.8, 113.2
			cases := []struct {
				in   Intake
				want []string
			}{
				{Intake{Channel: "phone", Urgency: "now"}, []string{"caller_phone", "description", "urgency"}},
				{Intake{Channel: "phone", Description: "噪音", Phone: "1", Type: "praise", ServiceCode: "nope"}, []string{"service_code", "type"}},
				{Intake{Channel: "phone", Description: "噪音", Email: "a@b.cn", Lat: &east}, []string{"lat"}},
				{Intake{Channel: "phone", Description: "噪音", Email: "a@b.cn", Lat: &north, Lon: &east}, []string{"lat"}},
				{Intake{Channel: "phone", Description: "噪音", Email: "a@b.cn", Name: strings.Repeat("名", 51), Address: strings.Repeat("路", 201)},
					[]string{"address", "caller_name"}},
			}
			for _, c := range cases {
				_, err := svc.Receive(context.Background(), audit.System, c.in)
				bad := fault.As(err)
				if bad == nil || bad.Code != fault.Invalid || strings.Join(slices.Sorted(maps.Keys(bad.Fields)), ",") != strings.Join(c.want, ",") {
					t.Errorf("%+v: %v, want fields %v", c.in, err, c.want)
					continue
				}
				for f, key := range bad.Fields {
					if !i18n.Has(key) {
						t.Errorf("%s: key %s is not in the catalogue", f, key)
					}
				}
			}
			if _, err := svc.Receive(context.Background(), audit.System, Intake{Channel: "phone", Description: "噪音", Email: "a@b.cn",
				Lat: &lat, Lon: &east}); err != nil {
				t.Errorf("a good intake: %v", err)
			}
		})
	}
}
