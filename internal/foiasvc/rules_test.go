package foiasvc

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

// TestWhoReadsWhat: the office records and reads requests with the
// applicant; a leader reads them masked and gets no letter, which names
// the applicant; a liaison and the administrators read none. The annual
// table is public (Annual) and inside for readers of requests
// (AnnualFor); a year without a report is refused, never swapped for
// this year (D19). The form from a 12345 ticket is the office's.
func TestWhoReadsWhat(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			clock := time.Date(2026, 3, 2, 10, 0, 0, 0, cstZone)
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return clock }
			db := storetest.OpenWith(t, opts)
			svc := &Service{Store: db, Calendar: workday.Default(), Now: func() time.Time { return clock }}
			office := authz.Principal{Username: "gongkai", Role: authz.Office}
			leader := authz.Principal{Username: "lingdao", Role: authz.Leader}
			liaison := authz.Principal{Username: "lly", Role: authz.Liaison, Units: []int64{1}}
			in := Intake{Kind: string(foia.Person), Name: "李四", IDNo: "440101199001011234", Phone: "13900002222", Address: "某路1号",
				Channel: string(foia.InPerson), Content: "2025年财政预算"}

			if _, err := svc.Receive(ctx, leader, audit.System, in); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("a leader recorded a request: %v", err)
			}
			v, err := svc.Receive(ctx, office, audit.System, in)
			if err != nil || v.Request.ApplicantName != "李四" {
				t.Fatalf("received %+v %v", v, err)
			}
			id := v.Request.ID
			if g, err := svc.Find(ctx, office, id); err != nil || g.Request.ApplicantPhone != "13900002222" || g.Request.ApplicantIDNo != in.IDNo {
				t.Errorf("the office reads %+v %v", g, err)
			}
			g, err := svc.Find(ctx, leader, id)
			if err != nil || g.Request.ApplicantName != "李*" || g.Request.ApplicantPhone == "13900002222" || g.Request.ApplicantIDNo == in.IDNo ||
				g.Request.ApplicantAddr != "***" {
				t.Errorf("a leader reads %+v %v", g, err)
			}
			open, _, err := svc.Requests(ctx, leader, 10)
			if err != nil || len(open) != 1 || open[0].Request.ApplicantName != "李*" {
				t.Errorf("a leader lists %+v %v", open, err)
			}
			if open, _, _ := svc.List(ctx, 10); len(open) != 1 || open[0].Request.ApplicantName != "李*" {
				t.Errorf("the public figures' list carries %+v", open)
			}
			for _, p := range []authz.Principal{liaison, {Role: authz.SysAdmin}} {
				if _, err := svc.Find(ctx, p, id); !errors.Is(err, fault.ErrForbidden) {
					t.Errorf("%s read a request: %v", p.Role, err)
				}
				if _, _, err := svc.Requests(ctx, p, 10); !errors.Is(err, fault.ErrForbidden) {
					t.Errorf("%s listed requests: %v", p.Role, err)
				}
			}
			if _, err := svc.Reply(ctx, office, audit.System, id, ReplyInput{Type: foia.NotHeld}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := svc.Letter(ctx, leader, audit.System, id); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("a leader got the letter: %v", err)
			}
			if _, _, err := svc.Letter(ctx, office, audit.System, id); err != nil {
				t.Errorf("the office's letter: %v", err)
			}

			for _, year := range []int{2007, 2027} {
				if _, _, err := svc.Annual(ctx, year); fault.As(err) == nil || fault.As(err).Key != "foia.error.year" {
					t.Errorf("the table of %d: %v", year, err)
				}
			}
			if year, rows, err := svc.Annual(ctx, 0); err != nil || year != 2026 || len(rows) == 0 {
				t.Errorf("this year's table: %d %v", year, err)
			}
			if _, _, err := svc.AnnualFor(ctx, leader, 2025); err != nil {
				t.Errorf("a leader's table: %v", err)
			}
			if _, _, err := svc.AnnualFor(ctx, liaison, 2025); !errors.Is(err, fault.ErrForbidden) {
				t.Errorf("a liaison's table inside: %v", err)
			}

			hl := &hotlinesvc.Service{Store: db, Calendar: workday.Default(), Limits: hotline.Guangdong(), Now: func() time.Time { return clock }}
			tk, err := hl.Receive(ctx, audit.System, hotlinesvc.Intake{Channel: "phone", Description: "要求公开环评报告", Name: "孙八", Phone: "13500006666"})
			if err != nil {
				t.Fatal(err)
			}
			if in, err := svc.FromTicket(ctx, office, tk.ID); err != nil || in.Name != "孙八" || in.Phone != "13500006666" || in.Channel != "" ||
				in.Kind != string(foia.Person) {
				t.Errorf("the form from the ticket: %+v %v", in, err)
			}
			if in, err := svc.FromTicket(ctx, leader, tk.ID); !errors.Is(err, fault.ErrForbidden) || in.Name != "" {
				t.Errorf("a leader filled the form: %+v %v", in, err)
			}
			if _, err := svc.FromTicket(ctx, office, 999999); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("no such ticket: %v", err)
			}
		})
	}
}
