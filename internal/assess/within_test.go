package assess

import (
	"slices"
	"testing"
)

// TestResultWithin: a group's ranking holds its members only, placed
// 1..n among themselves with ties shared, unranked members last and
// unplaced; their scores are the whole ranking's.
func TestResultWithin(t *testing.T) {
	all := Result{Scores: []Score{
		{UnitID: 1, Unit: "甲", Total: 90, Rank: 1},
		{UnitID: 2, Unit: "乙", Total: 85, Rank: 2},
		{UnitID: 3, Unit: "丙", Total: 80, Rank: 3},
		{UnitID: 4, Unit: "丁", Total: 80, Rank: 3},
		{UnitID: 5, Unit: "戊", Total: 70, Rank: 5},
		{UnitID: 6, Unit: "己", Total: 0, Rank: 0},
	}}
	group := []int64{2, 3, 4, 5, 6}
	got := all.Within(func(id int64) bool { return slices.Contains(group, id) })
	type place struct {
		id    int64
		rank  int
		total float64
	}
	var places []place
	for _, s := range got.Scores {
		places = append(places, place{s.UnitID, s.Rank, s.Total})
	}
	want := []place{{2, 1, 85}, {3, 2, 80}, {4, 2, 80}, {5, 4, 70}, {6, 0, 0}}
	if !slices.Equal(places, want) {
		t.Errorf("group ranking %v, want %v", places, want)
	}
	if all.Scores[1].Rank != 2 {
		t.Error("Within changed the whole ranking")
	}
	if none := all.Within(func(int64) bool { return false }); none.Scores == nil || len(none.Scores) != 0 {
		t.Errorf("an empty group: %v", none.Scores)
	}
}

// TestInputWithin: a group's input keeps its units, the tasks they share
// in and those tasks' events, and their records and rates.
func TestInputWithin(t *testing.T) {
	in := Input{
		Units:   []Unit{{1, "甲"}, {2, "乙"}},
		Tasks:   []Task{{ID: 10, Units: []Share{{UnitID: 1, Lead: true}}}, {ID: 11, Units: []Share{{UnitID: 2}, {UnitID: 1}}}, {ID: 12, Units: []Share{{UnitID: 2}}}},
		Events:  []Event{{Key: "a", TaskID: 10}, {Key: "b", TaskID: 12}},
		Records: []Record{{ID: 1, UnitID: 1}, {ID: 2, UnitID: 2}},
		Rates:   map[int64]float64{1: 0.9, 2: 0.8},
	}
	got := in.Within(func(id int64) bool { return id == 1 })
	var tasks []int64
	for _, t := range got.Tasks {
		tasks = append(tasks, t.ID)
	}
	if len(got.Units) != 1 || !slices.Equal(tasks, []int64{10, 11}) || len(got.Events) != 1 || got.Events[0].Key != "a" ||
		len(got.Records) != 1 || got.Records[0].ID != 1 || len(got.Rates) != 1 || got.RateBasis != nil {
		t.Errorf("within: %+v", got)
	}
}
