package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/records"
)

// TestDemoProposals (issue 19): the demo, created on two days months
// apart, holds five 建议/提案: one late on the desk, one B-class answer
// whose commitment is a task 市法制办's liaison reads, one waiting for
// 重新办理; the portal publishes two answers, without the phones.
func TestDemoProposals(t *testing.T) {
	for _, today := range []string{"2026-12-06", "2027-05-19"} {
		t.Run(today, func(t *testing.T) {
			app, _ := openDemoOn(t, today)
			ctx := context.Background()
			office := authz.Principal{Username: "ducha", Role: authz.Office}
			list, err := app.Proposals.Proposals(ctx, office, records.ProposalFilter{Year: app.Proposals.Now().Year()})
			if err != nil || len(list) != 5 {
				t.Fatalf("the demo's proposals: %d, %v", len(list), err)
			}
			late, err := app.Proposals.Late(ctx, office)
			if err != nil || len(late) != 1 || late[0].LeadUnit != "市财政局" {
				t.Errorf("late: %+v, %v", late, err)
			}
			var task int64
			redo := 0
			for _, p := range list {
				if p.Class == "B" {
					task = p.TaskID
				}
				if p.Satisfaction == "unsatisfied" && p.State == records.ProposalAnswered {
					redo++
				}
			}
			fz, err := app.Store.FindUserByUsername(ctx, "fazhiban")
			if err != nil {
				t.Fatal(err)
			}
			liaison := authz.Principal{Username: fz.Username, Role: authz.Liaison, Units: fz.Units}
			if _, err := app.Ledger.Readable(ctx, liaison, task); task == 0 || err != nil {
				t.Errorf("the B-class commitment's task %d: %v", task, err)
			}
			if redo != 1 {
				t.Errorf("%d waiting for 重新办理", redo)
			}
			pub, err := app.Proposals.Public(ctx, app.Proposals.Now().Year())
			if err != nil || len(pub) != 2 {
				t.Fatalf("published: %+v, %v", pub, err)
			}
			if s := strings.Join([]string{pub[0].Answer, pub[1].Answer}, ""); strings.Contains(s, "138001380") {
				t.Errorf("a phone is published")
			}
		})
	}
}
