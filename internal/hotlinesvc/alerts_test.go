package hotlinesvc

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

// TestAlerts on both databases: three hours after intake, the ticket left
// in triage is chased for routing (to no unit: the office's own queue)
// and the one routed to 市住建局 but not signed for is chased for
// signing; once signed and a day before its deadline it is 临期, after
// the deadline 超期; answered, it is not chased.
func TestAlerts(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			clock := time.Date(2026, 3, 2, 9, 0, 0, 0, cstZone)
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return clock }
			db := storetest.OpenWith(t, opts)
			zjj, _ := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市住建局", Kind: records.UnitDepartment})
			if err := db.SaveTicketService(ctx, audit.System, records.TicketService{Code: "cs-wy", Name: "物业管理", Path: "城乡建设/物业管理",
				Type: "complaint", UnitID: zjj.ID, Active: true}); err != nil {
				t.Fatal(err)
			}
			svc := &Service{Store: db, Calendar: workday.Default(), Limits: hotline.Guangdong(), Now: func() time.Time { return clock }}
			agent := audit.Actor{Username: "jiexian"}
			routed, err := svc.Receive(ctx, agent, Intake{ServiceCode: "cs-wy", Channel: "phone", Description: "电梯停运", Phone: "13900001111"})
			if err != nil {
				t.Fatal(err)
			}
			triage, err := svc.Receive(ctx, agent, Intake{Channel: "phone", Description: "路灯不亮", Phone: "13900002222"})
			if err != nil {
				t.Fatal(err)
			}
			keys := func() string {
				t.Helper()
				list, err := svc.Alerts(ctx)
				if err != nil {
					t.Fatal(err)
				}
				var k []string
				for _, a := range list {
					k = append(k, fmt.Sprintf("%d:%s:u%d", a.TicketID, strings.Split(a.Key, "/")[2], a.UnitID))
				}
				sort.Strings(k)
				return strings.Join(k, " ")
			}
			if got := keys(); got != "" {
				t.Errorf("at intake: %s", got)
			}
			clock = clock.Add(3 * time.Hour)
			if got, want := keys(), fmt.Sprintf("%d:sign_late:u%d %d:triage_waiting:u0", routed.ID, zjj.ID, triage.ID); got != want {
				t.Errorf("three hours on: %s, want %s", got, want)
			}
			if _, err := svc.Sign(ctx, liaison(zjj.ID), agent, routed.ID); err != nil {
				t.Fatal(err)
			}
			clock = routed.DueAt.Add(-20 * time.Hour)
			if got := keys(); !strings.Contains(got, fmt.Sprintf("%d:due_soon:u%d", routed.ID, zjj.ID)) || strings.Contains(got, "sign_late") {
				t.Errorf("a day before the deadline: %s", got)
			}
			clock = routed.DueAt.Add(time.Hour)
			if got := keys(); !strings.Contains(got, fmt.Sprintf("%d:overdue:u%d", routed.ID, zjj.ID)) {
				t.Errorf("after the deadline: %s", got)
			}
			// The dashboard's count in SQL agrees, on either database, an
			// hour either side of the deadline (stored in UTC, compared as
			// text on SQLite).
			for due, want := range map[time.Time]int{routed.DueAt.Add(time.Hour).In(cstZone): 1, routed.DueAt.Add(-time.Hour).In(cstZone): 0} {
				if n, err := db.CountTickets(ctx, records.TicketFilter{State: "accepted", DueBefore: due}); err != nil || n != want {
					t.Errorf("due before %s: %d %v, want %d", due, n, err, want)
				}
			}
			if _, err := svc.Answer(ctx, liaison(zjj.ID), agent, routed.ID, "已修复"); err != nil {
				t.Fatal(err)
			}
			if got := keys(); strings.Contains(got, fmt.Sprintf("%d:", routed.ID)) {
				t.Errorf("answered: %s", got)
			}
		})
	}
}
