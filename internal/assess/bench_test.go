package assess

import (
	"fmt"
	"testing"
	"time"

	"github.com/duban/duban/internal/ledger"
)

// provinceInput is province-size data: 2,000 units, 200,000 tasks due
// through the year (each with a lead and a cooperating unit), 100,000
// supervision events and 2,000 records.
func provinceInput() Input {
	var in Input
	for u := int64(1); u <= 2000; u++ {
		in.Units = append(in.Units, Unit{ID: u, Name: fmt.Sprintf("单位%04d", u)})
	}
	start := d("2026-01-01")
	for i := int64(1); i <= 200_000; i++ {
		t := Task{ID: i, Title: "任务", Weight: float64(5 + i%3*5), Due: start.AddDate(0, 0, int(i%365)), Percent: float64(i % 100),
			Units: []Share{{UnitID: i%2000 + 1, Lead: true}, {UnitID: (i*7)%2000 + 1}}}
		if i%3 != 0 {
			t.Done = t.Due.AddDate(0, 0, int(i%5)-2)
		}
		in.Tasks = append(in.Tasks, t)
	}
	kinds := []string{"press", "notice", "escalate", "report_missing"}
	for i := int64(1); i <= 100_000; i++ {
		in.Events = append(in.Events, Event{Key: fmt.Sprint(i), TaskID: i*2 - 1, Kind: kinds[i%4], Level: "blue", On: start.AddDate(0, 0, int(i%365))})
	}
	for i := int64(1); i <= 2000; i++ {
		in.Records = append(in.Records, Record{ID: i, UnitID: i, Kind: RecordKinds[i%4], Title: "记录", On: start.AddDate(0, 0, int(i%365))})
	}
	return in
}

// BenchmarkRankProvinceYear scores and ranks 2,000 units over a year of
// 200,000 tasks in memory (the data read from the database is measured
// in package store).
func BenchmarkRankProvinceYear(b *testing.B) {
	in := provinceInput()
	p, _ := ledger.ParsePeriod("2026")
	asOf := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for b.Loop() {
		res := Compute(Default(), p, asOf, in, nil)
		if len(res.Scores) != 2000 {
			b.Fatal(len(res.Scores))
		}
	}
}
