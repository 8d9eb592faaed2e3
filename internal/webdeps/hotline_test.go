package webdeps

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/web"
)

// TestPersonalDataOnPages: who sees a 12345 caller and an 依申请公开
// applicant unmasked on the pages, one role at a time: the office alone
// (authz.SeesPersonalData); a leader and the liaison of the ticket's
// unit see them masked; another unit's liaison and an administrator see
// nothing; the request form filled from a redirected ticket copies the
// caller for the office only. The API's side of the same matrix is
// server's TestPersonalDataOverAPI.
func TestPersonalDataOnPages(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, office := ledgerDeps(t, kind)
			as := func(name string, role authz.Role, units ...int64) context.Context {
				u, err := d.Store.CreateUser(office, audit.System, records.UserCreate{Username: name, PasswordHash: "x", Role: role, Units: units})
				if err != nil {
					t.Fatal(err)
				}
				return web.WithCurrentUser(context.Background(), web.CurrentUser{ID: u.ID, Username: u.Username, Role: string(role)})
			}
			fzb, _ := d.Store.CreateUnit(office, audit.System, records.UnitCreate{Name: "市法制办", Kind: records.UnitDepartment})
			cz, _ := d.Store.CreateUnit(office, audit.System, records.UnitCreate{Name: "市财政局", Kind: records.UnitDepartment})
			if err := d.Store.SaveTicketService(office, audit.System, records.TicketService{Code: "fz", Name: "行政执法", Path: "法治政府/行政执法",
				Type: "complaint", UnitID: fzb.ID, Active: true}); err != nil {
				t.Fatal(err)
			}
			tk, err := d.Hotline.Receive(office, audit.System, hotlinesvc.Intake{ServiceCode: "fz", Channel: "web", Description: "执法态度粗暴",
				Name: "张三", Phone: "13900001111", Email: "zhang@example.cn"})
			if err != nil {
				t.Fatal(err)
			}
			officeP := authz.Principal{Username: "office", Role: authz.Office}
			req, err := d.FOIA.Receive(office, officeP, audit.System, foiasvc.Intake{Kind: string(foia.Person), Name: "李四", Phone: "13900002222",
				Channel: string(foia.InPerson), Content: "2025年财政预算"})
			if err != nil {
				t.Fatal(err)
			}
			const shown, masked, none = "shown", "masked", "none"
			roles := []struct {
				name            string
				ctx             context.Context
				ticket, request string
			}{
				{"office", office, shown, shown},
				{"leader", as("lingdao", authz.Leader), masked, masked},
				{"own liaison", as("fzb", authz.Liaison, fzb.ID), masked, none},
				{"other liaison", as("cz", authz.Liaison, cz.ID), none, none},
				{"sysadmin", as("sys", authz.SysAdmin), none, none},
			}
			w := d.Web()
			for _, r := range roles {
				v, err := w.Hotline.Get(r.ctx, tk.ID)
				switch {
				case r.ticket == none:
					if !errors.Is(err, web.ErrNotFound) && !errors.Is(err, web.ErrForbidden) {
						t.Errorf("%s read the ticket: %+v %v", r.name, v, err)
					}
				case err != nil:
					t.Errorf("%s: %v", r.name, err)
				case r.ticket == shown && v.Caller != "张三 13900001111 zhang@example.cn":
					t.Errorf("%s sees the caller as %q", r.name, v.Caller)
				case r.ticket == masked && (strings.Contains(v.Caller, "张三") || strings.Contains(v.Caller, "13900001111") ||
					strings.Contains(v.Caller, "zhang@") || !strings.Contains(v.Caller, "139****1111")):
					t.Errorf("%s sees the caller as %q", r.name, v.Caller)
				}

				g, err := w.Disclosure.Get(r.ctx, req.Request.ID)
				l, lerr := w.Disclosure.List(r.ctx)
				switch {
				case r.request == none:
					if !errors.Is(err, web.ErrForbidden) || !errors.Is(lerr, web.ErrForbidden) {
						t.Errorf("%s read the request: %v %v", r.name, err, lerr)
					}
				case err != nil || lerr != nil || len(l.Open) != 1:
					t.Errorf("%s: %v %v %+v", r.name, err, lerr, l)
				case r.request == shown && (g.Applicant != "李四" || g.Contact != "13900002222" || l.Open[0].Applicant != "李四"):
					t.Errorf("%s sees the applicant as %q %q, listed %q", r.name, g.Applicant, g.Contact, l.Open[0].Applicant)
				case r.request == masked && (g.Applicant != "李*" || strings.Contains(g.Contact, "13900002222") || l.Open[0].Applicant != "李*"):
					t.Errorf("%s sees the applicant as %q %q, listed %q", r.name, g.Applicant, g.Contact, l.Open[0].Applicant)
				}

				in, err := w.Disclosure.FromTicket(r.ctx, tk.ID)
				switch {
				case r.ticket == shown:
					if err != nil || in.Name != "张三" || in.Phone != "13900001111" {
						t.Errorf("%s: the form from the ticket %+v %v", r.name, in, err)
					}
				case !errors.Is(err, web.ErrForbidden) || in.Name != "" || in.Phone != "":
					t.Errorf("%s filled the form from the ticket: %+v %v", r.name, in, err)
				}
			}
		})
	}
}
