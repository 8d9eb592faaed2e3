package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestScopesTickets: of a 12345 ticket routed to a county unit, one to a
// city unit and one in triage, the county office lists and reads the
// county's only (the others are not found), and may not route the one in
// triage (the city's); the city office lists all three.
func TestScopesTickets(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			scopeFixture(t, f)
			ctx := context.Background()
			reg, err := f.db.FindUnits(ctx)
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]int64{}
			for _, u := range reg {
				ids[u.Name] = u.ID
			}
			sub := ids["鹿城区发改局"]
			for code, unit := range map[string]int64{"lc-fg": sub, "fz-zf": f.unitA} {
				if err := f.db.SaveTicketService(ctx, audit.System, records.TicketService{Code: code, Name: "事项" + code,
					Path: "事项/" + code, Type: "complaint", UnitID: unit, Active: true}); err != nil {
					t.Fatal(err)
				}
			}
			intake := func(body string) int64 {
				var tk apiTicket
				if code := f.do(t, "office", "POST", "/api/v1/tickets", strings.NewReader(body), "application/json", &tk); code != http.StatusCreated {
					t.Fatalf("intake %s = %d", body, code)
				}
				return tk.ID
			}
			county := intake(`{"service_code":"lc-fg","description":"县里的投诉","caller_name":"张三","caller_phone":"13900001111"}`)
			city := intake(`{"service_code":"fz-zf","description":"市里的投诉","caller_name":"李四","caller_phone":"13900002222"}`)
			triage := intake(`{"description":"路灯不亮","caller_email":"li@example.cn","channel":"wechat"}`)
			listed := func(caller string) []int64 {
				var l struct {
					Items []apiTicket `json:"items"`
					Total int         `json:"total"`
				}
				if code := f.do(t, caller, "GET", "/api/v1/tickets", nil, "", &l); code != http.StatusOK || l.Total != len(l.Items) {
					t.Fatalf("GET /api/v1/tickets as %s = %d (total %d)", caller, code, l.Total)
				}
				var out []int64
				for _, tk := range l.Items {
					out = append(out, tk.ID)
				}
				return out
			}
			if got := listed("countyOffice"); fmt.Sprint(got) != fmt.Sprint([]int64{county}) {
				t.Errorf("the county office lists tickets %v, want [%d]", got, county)
			}
			if got := listed("countyLeader"); fmt.Sprint(got) != fmt.Sprint([]int64{county}) {
				t.Errorf("the county leader lists tickets %v, want [%d]", got, county)
			}
			if got := listed("office"); len(got) != 3 {
				t.Errorf("the city office lists tickets %v", got)
			}
			for id, want := range map[int64]int{county: http.StatusOK, city: http.StatusNotFound, triage: http.StatusNotFound} {
				if code := f.call(t, "countyOffice", "GET", fmt.Sprintf("/api/v1/tickets/%d", id), nil, ""); code != want {
					t.Errorf("the county office reads ticket %d = %d, want %d", id, code, want)
				}
			}
			p, err := f.services.Signin.Principal(ctx, f.users["countyOffice"])
			if err != nil {
				t.Fatal(err)
			}
			actor := audit.Actor{ID: p.UserID, Username: "countyOffice"}
			if _, err := f.services.Hotline.Assign(ctx, p, actor, triage, sub); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("the county office routes a ticket in triage: %v", err)
			}
			if _, err := f.services.Hotline.Visit(ctx, p, actor, city, hotline.Satisfied, true); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("the county office's 回访 of a city ticket: %v", err)
			}
			from, to := time.Now().AddDate(0, 0, -1), time.Now().AddDate(0, 0, 1)
			sum, rates, err := f.services.Hotline.Stats(ctx, p, from, to)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rates {
				if r.UnitID != sub && r.UnitID != ids["鹿城区政府"] {
					t.Errorf("the county office sees the 三率 of %s", r.Unit)
				}
			}
			city0, err := f.services.Signin.Principal(ctx, f.users["office"])
			if err != nil {
				t.Fatal(err)
			}
			all, _, err := f.services.Hotline.Stats(ctx, city0, from, to)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Received != 1 || all.Received != 3 {
				t.Errorf("received: the county office's %d, the city's %d", sum.Received, all.Received)
			}
		})
	}
}
