package cli

import (
	"context"
	"testing"

	"github.com/duban/duban/internal/authz"
)

// TestDemoHasAnExtensionWaiting: a fresh demo, on two days months apart,
// has 市财政局's 延期申请 waiting for the office: on the desk's list, for
// one of that unit's tasks, asking for a date after the task's deadline.
func TestDemoHasAnExtensionWaiting(t *testing.T) {
	for _, today := range []string{"2026-12-06", "2027-05-19"} {
		t.Run(today, func(t *testing.T) {
			app, _ := openDemoOn(t, today)
			ctx := context.Background()
			list, err := app.Changes.OpenExtensions(ctx, authz.Principal{Username: "ducha", Role: authz.Office})
			if err != nil || len(list) != 1 {
				t.Fatalf("open requests = %+v, %v; want one", list, err)
			}
			x := list[0]
			if x.UnitName != "市财政局" || x.Reason == "" || x.NewDue <= x.Due || x.Due < today {
				t.Errorf("the demo's request = %+v", x)
			}
		})
	}
}
