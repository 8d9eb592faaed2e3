package hotlinesvc

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

// TestPersonalDataViewAudited: the office's look at a ticket's caller is
// a pii.view entry naming who and which ticket, once in ten minutes for
// the same user and ticket; another user, another ticket or a look ten
// minutes after the first is recorded again; a liaison, who sees the caller masked
// and the numbers in the text masked too, leaves no entry.
func TestPersonalDataViewAudited(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			svc, clock, zjj, _ := desk(t, kind)
			ctx := context.Background()
			db := svc.Store.(*store.DB)
			in := Intake{ServiceCode: "cs-wy", Description: "物业不修电梯，我的手机１３８００１３８０００，身份证 3303 0219 9001 0112 34",
				Name: "张三", Phone: "13900001111"}
			a, err := svc.Record(ctx, office, audit.System, in)
			if err != nil {
				t.Fatal(err)
			}
			b, err := svc.Record(ctx, office, audit.System, in)
			if err != nil {
				t.Fatal(err)
			}
			other := authz.Principal{UserID: 9, Username: "zhiban", Role: authz.Office}
			looks := []struct {
				p     authz.Principal
				id    int64
				after time.Duration
			}{{office, a.ID, 0}, {office, a.ID, time.Minute}, {office, a.ID, 9 * time.Minute}, {other, a.ID, 9 * time.Minute}, {office, b.ID, 9 * time.Minute},
				{liaison(zjj), a.ID, 9 * time.Minute}, {office, a.ID, 10 * time.Minute}}
			start := *clock
			for _, l := range looks {
				*clock = start.Add(l.after)
				d, err := svc.Get(ctx, l.p, l.id)
				if err != nil {
					t.Fatal(err)
				}
				masked := l.p.Role == authz.Liaison
				if d.CallerMasked != masked || strings.Contains(d.Ticket.Description, "１３８００１３８０００") == masked ||
					strings.Contains(d.Ticket.Description, "3303 0219") == masked {
					t.Errorf("%s sees %q (masked %v)", l.p.Username, d.Ticket.Description, d.CallerMasked)
				}
			}
			entries, _, err := db.FindAudit(ctx, records.AuditFilter{Action: "pii.view"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range entries {
				got = append(got, e.Actor+" "+e.ObjectType+" "+e.ObjectID)
			}
			want := []string{"jiexian ticket " + strconv.FormatInt(a.ID, 10), "zhiban ticket " + strconv.FormatInt(a.ID, 10),
				"jiexian ticket " + strconv.FormatInt(b.ID, 10), "jiexian ticket " + strconv.FormatInt(a.ID, 10)}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("pii.view entries %v, want %v", got, want)
			}
		})
	}
}
