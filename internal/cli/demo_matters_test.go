package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
)

// TestDemoMatters (issue 15): the demo, created on two days months apart,
// holds 督办件 beside its plans, dated around that day: a 领导批示 that 市财政局's
// liaison reads and whose 办理结果 report the office downloads, a
// meeting's three 议定事项 (one already overdue, red) and two 交办件 (one a
// B-class answer's commitment, issue 19).
func TestDemoMatters(t *testing.T) {
	for _, today := range []string{"2026-12-06", "2027-05-19"} {
		t.Run(today, func(t *testing.T) {
			app, _ := openDemoOn(t, today)
			ctx := context.Background()
			office := authz.Principal{Username: "ducha", Role: authz.Office}
			count := map[string]int{}
			red := 0
			for _, src := range []string{records.SourceInstruction, records.SourceMeeting, records.SourceAssignment} {
				tasks, _, err := app.Ledger.List(ctx, office, records.TaskFilter{Source: src})
				if err != nil {
					t.Fatal(err)
				}
				count[src] = len(tasks)
				for _, tk := range tasks {
					if tk.Light == string(ledger.Red) {
						red++
					}
				}
			}
			if count[records.SourceInstruction] != 1 || count[records.SourceMeeting] != 3 || count[records.SourceAssignment] != 2 || red != 1 {
				t.Fatalf("the demo's 督办件: %v, %d red", count, red)
			}
			cz, err := app.Store.FindUserByUsername(ctx, "caizheng")
			if err != nil {
				t.Fatal(err)
			}
			liaison := authz.Principal{UserID: cz.ID, Username: cz.Username, Role: authz.Liaison, Units: cz.Units}
			mine, _, err := app.Ledger.List(ctx, liaison, records.TaskFilter{Source: records.SourceInstruction})
			if err != nil || len(mine) != 1 || mine[0].Due <= today {
				t.Fatalf("市财政局's 批示: %+v %v", mine, err)
			}
			data, _, err := app.Matters.Report(ctx, office, audit.Actor{Username: "ducha"}, mine[0].ID)
			if err != nil || len(data) == 0 {
				t.Fatalf("the 办理结果 report: %v", err)
			}
			if !strings.HasPrefix(string(data), "PK") {
				t.Error("the report is not a .docx")
			}
		})
	}
}
