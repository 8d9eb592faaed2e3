package assess

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/duban/duban/internal/ledger"
)

// randomInput is a year of n tasks over units units, drawn to reach every
// corner the scores turn on: weights none, whole and fractional; percents
// beyond 0–100; tasks done early, on the day, late, after asOf or never;
// units named twice, tasks with no lead unit; events of every kind and
// level, some not costing; records and proposal marks.
func randomInput(r *rand.Rand, units, n int) Input {
	var in Input
	for u := 1; u <= units; u++ {
		in.Units = append(in.Units, Unit{ID: int64(u), Name: fmt.Sprintf("单位%02d", u)})
	}
	start := d("2026-01-01")
	someDay := func() time.Time { return start.AddDate(0, 0, r.IntN(400)) }
	kinds := []string{"press", "notice", "escalate", "issued", "report_missing", "remind"}
	levels := []string{"", "blue", "yellow", "red", "listed", "本局自定"}
	for i := 1; i <= n; i++ {
		t := Task{ID: int64(i), Title: fmt.Sprint("任务", i), Percent: float64(r.IntN(130)-10) + float64(r.IntN(10))/10}
		switch r.IntN(5) {
		case 0:
			t.Weight = 0
		case 1:
			t.Weight = float64(r.IntN(20))
		case 2:
			t.Weight = float64(r.IntN(2000)) / 100
		case 3:
			t.Weight = []float64{0.0001, 6e10, 1.23456}[r.IntN(3)] // below, beyond and finer than the thousandths
		default:
			t.Weight = -1
		}
		if r.IntN(10) > 0 {
			t.Due = someDay()
		}
		if r.IntN(2) == 0 {
			t.Done = t.Due.AddDate(0, 0, r.IntN(60)-30)
			if t.Due.IsZero() {
				t.Done = someDay()
			}
		}
		for k := r.IntN(4); k >= 0; k-- {
			t.Units = append(t.Units, Share{UnitID: int64(r.IntN(units) + 1), Lead: r.IntN(3) == 0})
		}
		in.Tasks = append(in.Tasks, t)
		for k := r.IntN(3); k > 0; k-- {
			in.Events = append(in.Events, Event{Key: fmt.Sprint(i, "/", k), TaskID: t.ID, Kind: kinds[r.IntN(len(kinds))],
				Level: levels[r.IntN(len(levels))], On: someDay()})
		}
	}
	for i := 1; i <= units; i++ {
		in.Records = append(in.Records, Record{ID: int64(i), UnitID: int64(r.IntN(units) + 1), Kind: RecordKinds[r.IntN(len(RecordKinds))], On: someDay()})
		in.Proposals = append(in.Proposals, ProposalMark{ProposalID: int64(i), UnitID: int64(r.IntN(units) + 1), Kind: "late", On: someDay()})
	}
	return in
}

// tallied is in with its tasks and events summed by Parts into tallies
// for the days from..to, as the store keeps them, and only its records,
// proposal marks and rates left to read.
func tallied(in Input, from, to, asOf time.Time) Input {
	out := Input{Units: in.Units, Records: in.Records, Proposals: in.Proposals, Rates: in.Rates, Tallies: map[int64]*Tally{}}
	events := map[int64][]Event{}
	for _, e := range in.Events {
		events[e.TaskID] = append(events[e.TaskID], e)
	}
	for i := range in.Tasks {
		for _, p := range Parts(nil, &in.Tasks[i], events[in.Tasks[i].ID], asOf) {
			if p.Day.Before(from) || p.Day.After(to) {
				continue
			}
			if out.Tallies[p.Unit] == nil {
				out.Tallies[p.Unit] = &Tally{}
			}
			out.Tallies[p.Unit].Add(p, 1)
		}
	}
	return out
}

// TestTalliedEqualsCounted holds the store's way of scoring — tallies
// summed in advance — to Compute counting every task and event: the same
// scores, totals and ranks to the last bit, over random years, schemes
// and periods.
func TestTalliedEqualsCounted(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 2026))
	schemes := []Scheme{Default()}
	s := Default()
	s.CoShare, s.MinTasks, s.DefaultWeight = 0, 3, 7.5
	s.Daily.Press, s.Daily.ProposalLate = 0.3, 0.7
	schemes = append(schemes, s)
	for round := range 40 {
		in := randomInput(r, 2+r.IntN(12), r.IntN(300))
		in.Rates = map[int64]float64{1: 0.9, 2: 0.75}
		for _, key := range []string{"2026", "2026-Q1", "2026-H2", "2026-03"} {
			p, _ := ledger.ParsePeriod(key)
			asOf := d("2026-01-01").AddDate(0, 0, r.IntN(420))
			limit := p.End
			if asOf.Before(limit) {
				limit = asOf
			}
			for _, s := range schemes {
				want := Compute(s, p, asOf, in, nil)
				got := Compute(s, p, asOf, tallied(in, p.Start, limit, asOf), nil)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("round %d, %s as of %s: tallied\n%+v\ncounted\n%+v", round, key, day(asOf), got.Scores, want.Scores)
				}
			}
		}
	}
}

// TestTallyAddTakesBack: a part added and taken back leaves nothing, so
// the store can replace what a task added before it changed.
func TestTallyAddTakesBack(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	in := randomInput(r, 5, 200)
	asOf := d("2026-07-01")
	var tally Tally
	events := map[int64][]Event{}
	for _, e := range in.Events {
		events[e.TaskID] = append(events[e.TaskID], e)
	}
	var parts []Part
	for i := range in.Tasks {
		parts = Parts(parts, &in.Tasks[i], events[in.Tasks[i].ID], asOf)
	}
	for _, p := range parts {
		tally.Add(p, 1)
	}
	var merged Tally
	merged.Merge(tally.Clone())
	if !reflect.DeepEqual(merged, tally) {
		t.Fatalf("merged %+v, want %+v", merged, tally)
	}
	for _, p := range parts {
		tally.Add(p, -1)
	}
	if !reflect.DeepEqual(tally, Tally{Events: map[EventCount]int64{}}) {
		t.Fatalf("left %+v", tally)
	}
}
