package calendarsvc

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
	"github.com/duban/duban/internal/workday"
)

// TestAdministration: who may change the calendar and read its changes
// is the service's to check, for the page and the API alike; the list's
// length is the caller's (the page shows 50, the API 200: D23); a
// refusal is a catalogue key at its field.
func TestAdministration(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t, "sqlite")
	svc := &Service{Store: db, Base: workday.Default(), Now: func() time.Time { return at("2026-05-04") }}
	if err := svc.Load(ctx); err != nil {
		t.Fatal(err)
	}
	office := authz.Principal{Username: "ducha", Role: authz.Office}
	liaison := authz.Principal{Username: "lly", Role: authz.Liaison, Units: []int64{1}}
	leader := authz.Principal{Username: "lingdao", Role: authz.Leader}

	if _, err := svc.Correct(ctx, leader, audit.System, records.ScopeLocal, "通知", "2026-06-15", SetOff, "地方节日"); !errors.Is(err, fault.ErrForbidden) {
		t.Errorf("a leader changed the calendar: %v", err)
	}
	if _, err := svc.Upload(ctx, liaison, audit.System, records.ScopeNational, "通知", "2027.json", []byte("{}")); !errors.Is(err, fault.ErrForbidden) {
		t.Errorf("a liaison uploaded a schedule: %v", err)
	}
	for _, c := range []struct {
		date, set, name, reason string
		field, key              string
	}{
		{"2026/6/15", SetOff, "节", "通知", "date", "calendar.error.date"},
		{"2026-06-15", SetOff, "", "通知", "name", "calendar.error.off_name"},
		{"2026-06-15", "holiday", "", "通知", "set", "calendar.error.set"},
		{"2026-06-15", SetOff, "节", "", "reason", "calendar.error.reason"},
	} {
		_, err := svc.Correct(ctx, office, audit.System, records.ScopeLocal, c.reason, c.date, c.set, c.name)
		if e := fault.As(err); e == nil || e.Code != fault.Invalid || e.Fields[c.field] != c.key {
			t.Errorf("%+v: %v", c, err)
		}
		if !i18n.Has(c.key) {
			t.Errorf("%s is not in the catalogue", c.key)
		}
	}
	for _, name := range []string{"2027.txt", "2027.json"} {
		_, err := svc.Upload(ctx, office, audit.System, records.ScopeNational, "通知", name, []byte("{"))
		if e := fault.As(err); e == nil || e.Fields["file"] == "" || e.Args["name"] != name {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := svc.Upload(ctx, office, audit.System, records.ScopeNational, "通知", "big.json", make([]byte, MaxScheduleBytes+1)); fault.As(err) == nil ||
		fault.As(err).Fields["file"] != "calendar.error.too_large" {
		t.Errorf("a file too large: %v", err)
	}

	for i, d := range []string{"2026-06-15", "2026-06-16", "2026-06-17"} {
		res, err := svc.Correct(ctx, office, audit.System, records.ScopeLocal, "市政府通知", d, SetOff, "地方节日")
		if err != nil || res.Change.ID == 0 {
			t.Fatalf("change %d: %+v %v", i, res, err)
		}
	}
	if list, err := svc.Changes(ctx, leader, 2); err != nil || len(list) != 2 || list[0].Source != "单日更正 2026-06-17" {
		t.Errorf("the two latest changes: %+v %v", list, err)
	}
	if list, err := svc.Changes(ctx, office, 50); err != nil || len(list) != 3 {
		t.Errorf("the changes: %+v %v", list, err)
	}
	if _, err := svc.Changes(ctx, liaison, 50); !errors.Is(err, fault.ErrForbidden) {
		t.Errorf("a liaison read the changes: %v", err)
	}
	list, _ := svc.Changes(ctx, office, 1)
	if res, err := svc.Change(ctx, leader, list[0].ID); err != nil || res.Change.ID != list[0].ID {
		t.Errorf("one change: %+v %v", res, err)
	}
	if _, err := svc.Change(ctx, office, 999999); !errors.Is(err, fault.ErrNotFound) {
		t.Errorf("no such change: %v", err)
	}
}
