package workday

import (
	"testing"
	"time"
)

// benchTasks are 100,000 deadlines such as a list page computes: starts
// spread over 2024–2026, 1 to 60 working days each.
func benchTasks() ([]time.Time, []int) {
	starts, ns := make([]time.Time, 100_000), make([]int, 100_000)
	for i := range starts {
		starts[i] = Date(2024, 1, 1).AddDate(0, 0, (i*7919)%1096)
		ns[i] = 1 + i%60
	}
	return starts, ns
}

var sinkTime time.Time
var sinkInt int

// BenchmarkAddWorkdays reports the cost of one AddWorkdays call.
func BenchmarkAddWorkdays(b *testing.B) {
	cal := Default()
	starts, ns := benchTasks()
	i := 0
	for b.Loop() {
		sinkTime = cal.AddWorkdays(starts[i], ns[i])
		if i++; i == len(starts) {
			i = 0
		}
	}
}

// BenchmarkAddWorkdays100k is a whole list page: 100,000 deadlines.
func BenchmarkAddWorkdays100k(b *testing.B) {
	cal := Default()
	starts, ns := benchTasks()
	for b.Loop() {
		for i := range starts {
			sinkTime = cal.AddWorkdays(starts[i], ns[i])
		}
	}
}

func BenchmarkWorkdaysBetween(b *testing.B) {
	cal := Default()
	starts, _ := benchTasks()
	today := Date(2025, 6, 16)
	i := 0
	for b.Loop() {
		sinkInt = cal.WorkdaysBetween(today, starts[i])
		if i++; i == len(starts) {
			i = 0
		}
	}
}

// BenchmarkWith is the cost of an administrator's correction: a new calendar.
func BenchmarkWith(b *testing.B) {
	cal := Default()
	d := Day{Date: Date(2026, 3, 3), Name: "地方节日", Off: true}
	for b.Loop() {
		_ = cal.With(d)
	}
}
