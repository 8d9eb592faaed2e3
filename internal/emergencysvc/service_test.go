package emergencysvc

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/emergency"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

var cst = time.FixedZone("CST", 8*3600)

// TestIncidentClocks on both databases: a major incident at 21:30 on a
// holiday Saturday; at 01:45 the 5-hour clock is 临近; the information
// goes out at 02:10 (on time), the press conference the next night at
// 23:00 (late by 90 minutes); a second record of the same duty, a time
// before the incident and evidence that is not a web address are
// refused; the lists show it.
func TestIncidentClocks(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 10, 3, 21, 50, 0, 0, cst)
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return now }
			db := storetest.OpenWith(t, opts)
			unit, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市应急管理局", Kind: records.UnitDepartment})
			if err != nil {
				t.Fatal(err)
			}
			svc := &Service{Store: db, Now: func() time.Time { return now }}
			office := audit.Actor{Username: "ducha"}
			officeP := authz.Principal{UserID: 1, Username: office.Username, Role: authz.Office}
			yjj := authz.Principal{UserID: 2, Username: "yjj", Role: authz.Liaison, Units: []int64{unit.ID}}
			var bad *fault.Error
			if _, err := svc.Report(ctx, officeP, office, records.Incident{Level: "huge"}); !errors.As(err, &bad) || len(bad.Fields) != 3 {
				t.Errorf("a bad incident: %v", err)
			}
			occurred := time.Date(2026, 10, 3, 21, 30, 0, 0, cst)
			v, err := svc.Report(ctx, officeP, office, records.Incident{Title: "某化工园区爆炸事故", Level: string(emergency.Major), OccurredAt: occurred,
				UnitID: unit.ID, Summary: "<b>伤亡情况正在核实</b>"})
			if err != nil {
				t.Fatal(err)
			}
			if v.Unit != "市应急管理局" || len(v.Clocks) != 2 || v.Clocks[0].State != emergency.Pending {
				t.Fatalf("reported %+v", v)
			}
			now = time.Date(2026, 10, 4, 1, 45, 0, 0, cst)
			if v, _ := svc.Find(ctx, officeP, v.ID); v.Clocks[0].State != emergency.DueSoon {
				t.Errorf("at 01:45: %+v", v.Clocks[0])
			}
			if _, err := svc.Fulfil(ctx, officeP, office, v.ID, "authoritative", occurred.Add(-time.Hour), "https://www.example.gov.cn/a"); !errors.As(err, &bad) {
				t.Errorf("before the incident: %v", err)
			}
			if _, err := svc.Fulfil(ctx, officeP, office, v.ID, "authoritative", time.Time{}, "javascript://x"); !errors.As(err, &bad) {
				t.Errorf("a script as evidence: %v", err)
			}
			now = time.Date(2026, 10, 4, 2, 10, 0, 0, cst)
			if v, err = svc.Fulfil(ctx, yjj, audit.Actor{Username: "yjj"}, v.ID, "authoritative", time.Time{}, "https://www.example.gov.cn/xwfb/1.html"); err != nil {
				t.Fatal(err)
			}
			if v.Clocks[0].State != emergency.OnTime || v.Duties["authoritative"].Actor != "yjj" {
				t.Errorf("fulfilled %+v %+v", v.Clocks[0], v.Duties)
			}
			if _, err := svc.Fulfil(ctx, officeP, office, v.ID, "authoritative", time.Time{}, "again"); !errors.Is(err, fault.ErrConflict) {
				t.Errorf("twice: %v", err)
			}
			now = time.Date(2026, 10, 5, 9, 0, 0, 0, cst)
			if v, err = svc.Fulfil(ctx, officeP, office, v.ID, "press", time.Date(2026, 10, 4, 23, 0, 0, 0, cst), "第一场新闻发布会，市长出席"); err != nil {
				t.Fatal(err)
			}
			if v.Clocks[1].State != emergency.Late {
				t.Errorf("press %+v", v.Clocks[1])
			}
			// 31 days before now less 3 hours, written in China time: out
			// of a 30-day window on both databases.
			if _, err := svc.Report(ctx, officeP, office, records.Incident{Title: "旧事件", Level: string(emergency.General),
				OccurredAt: now.AddDate(0, 0, -30).Add(-3 * time.Hour)}); err != nil {
				t.Fatal(err)
			}
			list, err := svc.Recent(ctx, 30)
			if err != nil || len(list) != 1 || list[0].Clocks[1].State != emergency.Late {
				t.Fatalf("recent %+v %v", list, err)
			}
		})
	}
}
