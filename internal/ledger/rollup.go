package ledger

import "math"

// Part is what the roll-up needs of one sub-task (分解子任务): its weight
// among its siblings, its last reported percent (nil: never reported),
// whether it is closed (已销号) and whether the office revoked it (撤销).
type Part struct {
	Weight  float64
	Percent *float64
	Closed  bool
	Revoked bool
}

// RollUp is the completion of a task split into parts: the weighted mean
// of the parts' percents, a closed part counting 100 % and a part never
// reported 0 %, rounded to one decimal. A weight that is not positive
// counts for nothing; nil when no part weighs anything (no parts), so
// that a task without sub-tasks keeps its own reported percent.
//
// It is the one rule: the store applies it whenever a sub-task's percent
// or state changes and keeps the result as the parent's percent, which
// every list, page, export and score then reads.
func RollUp(parts []Part) *float64 {
	var sum, total float64
	for _, p := range parts {
		// A revoked part is no longer owed, so it weighs nothing: the
		// parent is judged on the work still asked of it.
		if p.Revoked || !(p.Weight > 0) || math.IsInf(p.Weight, 0) {
			continue
		}
		pct := 0.0
		switch {
		case p.Closed:
			pct = 100
		case p.Percent != nil:
			pct = math.Max(0, math.Min(100, *p.Percent))
		}
		sum += p.Weight * pct
		total += p.Weight
	}
	if total == 0 {
		return nil
	}
	v := math.Round(sum/total*10) / 10
	return &v
}
