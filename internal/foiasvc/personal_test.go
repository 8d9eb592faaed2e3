package foiasvc

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

// TestPersonalDataViewAudited: the office reads a request's applicant
// unmasked and that look is a pii.view entry, once in ten minutes; a
// leader reads the applicant masked and the numbers the applicant wrote
// into the request masked too, and leaves no entry.
func TestPersonalDataViewAudited(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			clock := time.Date(2026, 2, 6, 10, 0, 0, 0, cstZone)
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return clock }
			db := storetest.OpenWith(t, opts)
			svc := &Service{Store: db, Calendar: workday.Default(), Now: func() time.Time { return clock }}
			v, _, err := svc.ReceivePublic(ctx, Intake{Kind: "person", Name: "李四", IDNo: "440101199001011234", Phone: "13900001111",
				Content: "请公开我家（身份证 4401 0119 9001 0112 34）的拆迁补偿标准，回电１３９００００１１１１", Form: "电子"})
			if err != nil {
				t.Fatal(err)
			}
			officeP := authz.Principal{UserID: 1, Username: "gongkai", Role: authz.Office}
			leader := authz.Principal{UserID: 5, Username: "lingdao", Role: authz.Leader}
			for _, step := range []struct {
				p     authz.Principal
				after time.Duration
			}{{officeP, 0}, {officeP, 5 * time.Minute}, {leader, 5 * time.Minute}, {officeP, 10 * time.Minute}} {
				clock = time.Date(2026, 2, 6, 10, 0, 0, 0, cstZone).Add(step.after)
				got, err := svc.Find(ctx, step.p, v.Request.ID)
				if err != nil {
					t.Fatal(err)
				}
				masked := step.p.Role != authz.Office
				if strings.Contains(got.Request.Content, "4401 0119 9001") == masked || strings.Contains(got.Request.Content, "１３９００００１１１１") == masked ||
					(got.Request.ApplicantIDNo == "440101199001011234") == masked {
					t.Errorf("%s reads %q, ID %q", step.p.Username, got.Request.Content, got.Request.ApplicantIDNo)
				}
			}
			entries, _, err := db.FindAudit(ctx, records.AuditFilter{Action: "pii.view"})
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 2 {
				t.Fatalf("%d pii.view entries, want 2: %+v", len(entries), entries)
			}
			for _, e := range entries {
				if e.Actor != "gongkai" || e.ActorID != 1 || e.ObjectType != "foia" || e.ObjectID != "1" {
					t.Errorf("entry %+v", e)
				}
			}
		})
	}
}
