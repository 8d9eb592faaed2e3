package ledger

import (
	"math"
	"testing"
)

func TestRollUp(t *testing.T) {
	pct := func(v float64) *float64 { return &v }
	tests := []struct {
		name  string
		parts []Part
		want  *float64
	}{
		{"no parts keeps the task's own percent", nil, nil},
		{"equal weights: the mean", []Part{{Weight: 1, Percent: pct(100)}, {Weight: 1, Percent: pct(50)}}, pct(75)},
		{"weights count", []Part{{Weight: 3, Percent: pct(100)}, {Weight: 1, Percent: pct(0)}}, pct(75)},
		{"a closed part is done whatever it reported", []Part{{Weight: 1, Percent: pct(20), Closed: true}, {Weight: 1, Percent: pct(40)}}, pct(70)},
		{"a part never reported is 0", []Part{{Weight: 1}, {Weight: 1, Percent: pct(30)}}, pct(15)},
		{"rounded to one decimal", []Part{{Weight: 1, Percent: pct(100)}, {Weight: 1}, {Weight: 1}}, pct(33.3)},
		{"a weightless part counts for nothing", []Part{{Weight: 0, Percent: pct(0)}, {Weight: 2, Percent: pct(80)}}, pct(80)},
		{"a bad weight counts for nothing", []Part{{Weight: math.NaN(), Percent: pct(0)}, {Weight: math.Inf(1)}, {Weight: -1}, {Weight: 1, Percent: pct(60)}}, pct(60)},
		{"a revoked part is no longer owed", []Part{{Weight: 1, Percent: pct(10), Revoked: true}, {Weight: 1, Percent: pct(60)}}, pct(60)},
		{"nothing weighs: no roll-up", []Part{{Weight: 0, Percent: pct(50)}}, nil},
		{"a percent out of range is clamped", []Part{{Weight: 1, Percent: pct(140)}, {Weight: 1, Percent: pct(-10)}}, pct(50)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := RollUp(tt.parts)
			switch {
			case got == nil && tt.want == nil:
			case got == nil || tt.want == nil:
				t.Fatalf("RollUp = %v, want %v", got, tt.want)
			case *got != *tt.want:
				t.Fatalf("RollUp = %v, want %v", *got, *tt.want)
			}
		})
	}
}
