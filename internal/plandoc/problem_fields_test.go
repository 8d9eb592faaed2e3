package plandoc

import "testing"

// The figures of a problem field are facts, not targets; those of the
// measures are.
func TestProblemFieldFiguresAreNoTargets(t *testing.T) {
	ts := targetsOf("问题：37户低保对象未及时复核。整改措施：全面复核，复核率达到100%。责任单位：镇民政办。")
	if len(ts) != 1 || ts[0].Value != 100 || ts[0].Unit != "%" {
		t.Errorf("targets = %+v, want only 100%%", ts)
	}
}
