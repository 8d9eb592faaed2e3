package emergencysvc

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestLeadUnitAndVisibility: the lead unit of an incident is one of the
// registry and no group, for the page and the API alike (D17, which each
// checked in its own copy); a liaison reads and fulfils only their units'
// incidents (another's is not found, or forbidden to record), a leader
// reads all and records none, and only the office reports.
func TestLeadUnitAndVisibility(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 3, 2, 10, 0, 0, 0, cst)
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return now }
			db := storetest.OpenWith(t, opts)
			svc := &Service{Store: db, Now: func() time.Time { return now }}
			yjj, _ := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市应急管理局", Kind: records.UnitDepartment})
			cz, _ := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市财政局", Kind: records.UnitDepartment})
			group, _ := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市级有关部门", Kind: records.UnitGroup})
			office := authz.Principal{Username: "ducha", Role: authz.Office}
			own := authz.Principal{Username: "yjj", Role: authz.Liaison, Units: []int64{yjj.ID}}
			other := authz.Principal{Username: "cz", Role: authz.Liaison, Units: []int64{cz.ID}}
			leader := authz.Principal{Username: "lingdao", Role: authz.Leader}
			in := records.Incident{Title: "某路段山体滑坡", Level: "major", OccurredAt: now.Add(-time.Hour)}

			for _, unit := range []int64{group.ID, 999999} {
				in.UnitID = unit
				e := fault.As(func() error { _, err := svc.Report(ctx, office, audit.System, in); return err }())
				if e == nil || e.Code != fault.Invalid || e.Fields["unit_id"] != "emergency.error.unit" || !i18n.Has(e.Fields["unit_id"]) {
					t.Errorf("lead unit %d: %v", unit, e)
				}
			}
			in.UnitID = yjj.ID
			for _, p := range []authz.Principal{own, leader} {
				if _, err := svc.Report(ctx, p, audit.System, in); !errors.Is(err, fault.ErrForbidden) {
					t.Errorf("%s reported: %v", p.Username, err)
				}
			}
			v, err := svc.Report(ctx, office, audit.System, in)
			if err != nil {
				t.Fatal(err)
			}
			if list, err := svc.List(ctx, other, 30); err != nil || len(list) != 0 {
				t.Errorf("another unit lists %v %v", list, err)
			}
			if list, err := svc.List(ctx, own, 30); err != nil || len(list) != 1 {
				t.Errorf("the unit lists %v %v", list, err)
			}
			if _, err := svc.Find(ctx, other, v.ID); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("another unit read it: %v", err)
			}
			if _, err := svc.Find(ctx, authz.Principal{Role: authz.AuditAdmin}, v.ID); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("an administrator read it: %v", err)
			}
			for _, p := range []authz.Principal{other, leader} {
				if _, err := svc.Fulfil(ctx, p, audit.System, v.ID, "authoritative", time.Time{}, "https://x.gov.cn/1"); !errors.Is(err, fault.ErrForbidden) {
					t.Errorf("%s recorded the duty: %v", p.Username, err)
				}
			}
			if !Visible(leader, authz.IncidentRead, yjj.ID) || Visible(leader, authz.IncidentFulfil, yjj.ID) || Visible(other, authz.IncidentRead, yjj.ID) {
				t.Error("Visible is not the rule")
			}
			if _, err := svc.Fulfil(ctx, own, audit.System, v.ID, "authoritative", time.Time{}, "https://x.gov.cn/1"); err != nil {
				t.Fatal(err)
			}
		})
	}
}
