package supervise

import (
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/workday"
)

func keys(events []Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.Key + "@" + day(e.On)
	}
	return out
}

// task1 is due Fri 2026-02-13, just before 春节; see wantYear for its dates.
func task1() Task {
	return Task{ID: 1, NextDue: d("2026-02-13"), Workflow: ledger.InProgress, RegisteredAt: d("2026-01-05")}
}

func TestDueCatchUpInOrder(t *testing.T) {
	got, err := Due(Default(), workday.Default(), task1(), nil, d("2026-03-20"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"t1/remind/2026-02-13@2026-02-10",
		"t1/press/2026-02-13@2026-02-14",
		"t1/notice/blue/2026-02-13@2026-02-25",
		"t1/notice/yellow/2026-02-13@2026-03-04",
		"t1/notice/red/2026-02-13@2026-03-10",
		"t1/notice/listed/2026-02-13@2026-03-13",
	}
	if strings.Join(keys(got), "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(keys(got), "\n"), strings.Join(want, "\n"))
	}
	if got[2].Kind != KindNotice || got[3].Kind != KindEscalate || got[2].Label != "蓝色督办单" {
		t.Errorf("kinds %s/%s label %q", got[2].Kind, got[3].Kind, got[2].Label)
	}
	if day(got[2].Deadline) != "2026-03-03" {
		t.Errorf("blue deadline %s, want 2026-03-03", day(got[2].Deadline))
	}
	// Recording them makes the next call return nothing: idempotent.
	again, _ := Due(Default(), workday.Default(), task1(), got, d("2026-03-20"))
	if len(again) != 0 {
		t.Errorf("second call returned %v", keys(again))
	}
}

func TestDueStops(t *testing.T) {
	cal, rules := workday.Default(), Default()
	blue := Event{Key: "t1/notice/blue/2026-02-13", TaskID: 1, Kind: KindNotice, Level: "blue",
		Due: d("2026-02-13"), On: d("2026-02-25"), Deadline: d("2026-03-03")}
	recorded := []Event{
		{Key: "t1/remind/2026-02-13", Kind: KindRemind},
		{Key: "t1/press/2026-02-13", Kind: KindPress},
		blue,
	}
	answered := append([]Event(nil), recorded...)
	answered[2].Answered = true
	// A later deadline recorded by hand is what the unit was told: the
	// ladder counts from it.
	extended := append([]Event(nil), recorded...)
	extended[2].Deadline = d("2026-03-31")

	tests := []struct {
		name     string
		workflow ledger.Workflow
		nextDue  time.Time
		history  []Event
		want     []string
	}{
		{"unanswered escalates", ledger.InProgress, d("2026-02-13"), recorded, []string{
			"t1/notice/yellow/2026-02-13@2026-03-04", "t1/notice/red/2026-02-13@2026-03-10", "t1/notice/listed/2026-02-13@2026-03-13"}},
		{"answered stops", ledger.InProgress, d("2026-02-13"), answered, nil},
		{"deadline extended", ledger.InProgress, d("2026-02-13"), extended, nil},
		{"closed", ledger.Closed, d("2026-02-13"), recorded, nil},
		{"pending 销号", ledger.Pending, d("2026-02-13"), recorded, nil},
		{"draft", ledger.Draft, d("2026-02-13"), nil, nil},
		{"due date met and moved on", ledger.InProgress, d("2026-06-30"), recorded, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			task := task1()
			task.Workflow, task.NextDue = tt.workflow, tt.nextDue
			got, err := Due(rules, cal, task, tt.history, d("2026-03-20"))
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(keys(got), ",") != strings.Join(tt.want, ",") {
				t.Errorf("got %v, want %v", keys(got), tt.want)
			}
		})
	}
}

func TestDueRegisteredLate(t *testing.T) {
	// Registered Thu 2026-02-26 with a due date already past: no reminder
	// (it was owed before the task existed), 催办 on the day it came in.
	task := Task{ID: 7, NextDue: d("2026-02-13"), Workflow: ledger.Registered, RegisteredAt: d("2026-02-26")}
	got, err := Due(Default(), workday.Default(), task, nil, d("2026-02-26"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "t7/press/2026-02-13@2026-02-26"; len(got) != 1 || keys(got)[0] != want {
		t.Fatalf("got %v, want [%s]", keys(got), want)
	}
	if !got[0].OnTime() {
		t.Error("pressed on its day but not on time")
	}
}

func TestDueNoPressStillLadders(t *testing.T) {
	rules := Default()
	rules.PressAfterMissed = false
	got, _ := Due(rules, workday.Default(), task1(), nil, d("2026-02-25"))
	want := "t1/remind/2026-02-13@2026-02-10,t1/notice/blue/2026-02-13@2026-02-25"
	if strings.Join(keys(got), ",") != want {
		t.Errorf("got %v, want %s", keys(got), want)
	}
}

func TestDueBadCadence(t *testing.T) {
	task := Task{ID: 8, Every: "fortnight", Workflow: ledger.InProgress, RegisteredAt: d("2026-01-05")}
	if _, err := Due(Default(), workday.Default(), task, nil, d("2026-03-01")); err == nil {
		t.Error("an unknown cadence should be an error")
	}
	task.Every, task.RegisteredAt = "month", time.Time{}
	if _, err := Due(Default(), workday.Default(), task, nil, d("2026-03-01")); err == nil {
		t.Error("periodic reports without a registration date should be an error")
	}
}
