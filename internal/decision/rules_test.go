package decision

import (
	"testing"
	"time"
)

var today = time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)

// TestCommentPeriodAtLeast30Days (issue 20): a period of 29 days is
// refused at "to", one of 30 (both ends counted) is taken.
func TestCommentPeriodAtLeast30Days(t *testing.T) {
	for _, c := range []struct {
		from, to string
		ok       bool
	}{
		{"2026-12-06", "2027-01-03", false},
		{"2026-12-06", "2027-01-04", true},
		{"2026-12-07", "2026-11-07", false},
	} {
		r := Check(Read(nil), Step{Kind: StepConsult, From: c.from, To: c.to}, "", today)
		if (r == nil) != c.ok || (r != nil && (r.Field != "to" || r.Key != "decisions.error.period_short" || r.State)) {
			t.Errorf("%s–%s: %+v, want ok=%v", c.from, c.to, r, c.ok)
		}
	}
}

// TestCommentPeriodNotBackdated (issue 20, review): a period that began
// before the day it is recorded is refused at "from", however long it
// is (40 days ending yesterday would be no day of actual comment); one
// starting today or later is taken.
func TestCommentPeriodNotBackdated(t *testing.T) {
	for _, c := range []struct {
		from, to string
		ok       bool
	}{
		{"2026-10-27", "2026-12-05", false},
		{"2026-12-05", "2027-02-05", false},
		{"2026-12-06", "2027-01-04", true},
		{"2026-12-10", "2027-01-31", true},
	} {
		r := Check(Read(nil), Step{Kind: StepConsult, From: c.from, To: c.to}, "", today)
		if (r == nil) != c.ok || (r != nil && (r.Field != "from" || r.Key != "decisions.error.period_past" || r.State)) {
			t.Errorf("%s–%s: %+v, want ok=%v", c.from, c.to, r, c.ok)
		}
	}
}

// TestCollectiveNeedsLegality (issue 20): 集体讨论 is refused, as a
// state refusal naming the gate, while 合法性审查 is not recorded as
// lawful, even with every other gate passed; it is refused naming any
// other gate left, and taken once all are passed or left out with a
// reason.
func TestCollectiveNeedsLegality(t *testing.T) {
	steps := []Step{
		{Kind: StepConsult, From: "2026-10-01", To: "2026-10-31"},
		{Kind: StepFeedback},
		{Kind: StepExpert},
		{Kind: StepRisk, Result: RiskLow},
	}
	meet := Step{Kind: StepCollective, Result: ResultAdopt}
	r := Check(Read(steps), meet, "", today)
	if r == nil || !r.State || r.Field != GateLegality || r.Key != "decisions.error.gate_missing" {
		t.Fatalf("collective before legality: %+v", r)
	}
	failed := append(steps, Step{Kind: StepLegality, Result: ResultFail})
	if r := Check(Read(failed), meet, "", today); r == nil || r.Field != GateLegality {
		t.Fatalf("collective after an unlawful review: %+v", r)
	}
	noRisk := []Step{steps[0], steps[1], steps[2], {Kind: StepLegality, Result: ResultPass}}
	if r := Check(Read(noRisk), meet, "", today); r == nil || r.Field != GateRisk {
		t.Fatalf("collective without 风险评估: %+v", r)
	}
	if r := Check(Read(noRisk), Step{Kind: StepSkip, Gate: GateRisk}, "", today); r == nil || r.Field != "reason" {
		t.Fatalf("a skip without its reason: %+v", r)
	}
	skipped := append(noRisk, Step{Kind: StepSkip, Gate: GateRisk})
	if r := Check(Read(skipped), meet, "", today); r != nil {
		t.Fatalf("collective with every gate: %+v", r)
	}
	st := Read(append(skipped, meet))
	if st.Status() != StatusDecided || st.Current() != GatePublication || !st.Skipped[GateRisk] {
		t.Fatalf("after the meeting: %+v %s", st, st.Status())
	}
	if r := Check(st, Step{Kind: StepPublish}, "", today); r != nil {
		t.Fatalf("publish: %+v", r)
	}
	if got := Read(append(skipped, meet, Step{Kind: StepPublish})).Status(); got != StatusPublished {
		t.Fatalf("status %s", got)
	}
}

// TestGateRules: what the law lets a decision leave out, and the order
// of 公众参与's two steps.
func TestGateRules(t *testing.T) {
	for _, g := range []string{GateLegality, GateCollective, GatePublication} {
		if r := Check(Read(nil), Step{Kind: StepSkip, Gate: g}, "依法", today); r == nil || r.Field != "gate" {
			t.Errorf("skip %s: %+v", g, r)
		}
	}
	if r := Check(Read(nil), Step{Kind: StepFeedback}, "", today); r == nil || !r.State {
		t.Errorf("feedback with no period: %+v", r)
	}
	open := Read([]Step{{Kind: StepConsult, From: "2026-11-20", To: "2026-12-19"}})
	if !open.Commenting(today) || open.Commenting(today.AddDate(0, 0, 14)) {
		t.Errorf("commenting on %s", today)
	}
	if r := Check(open, Step{Kind: StepFeedback}, "", today); r == nil || r.Key != "decisions.error.period_open" {
		t.Errorf("feedback while open: %+v", r)
	}
	if r := Check(open, Step{Kind: StepFeedback}, "", today.AddDate(0, 0, 14)); r != nil {
		t.Errorf("feedback after the period: %+v", r)
	}
	if r := Check(open, Step{Kind: StepPublish}, "", today); r == nil || r.Field != GateCollective {
		t.Errorf("publish before the meeting: %+v", r)
	}
	w := Read([]Step{{Kind: StepWithdraw}})
	if w.Status() != StatusWithdrawn || Check(w, Step{Kind: StepExpert}, "", today) == nil {
		t.Errorf("withdrawn: %+v", w)
	}
}

// TestCommitmentStanding (issue 20): late from the day after the
// deadline, unless fulfilled or broken.
func TestCommitmentStanding(t *testing.T) {
	for _, c := range []struct{ closed, deadline, want string }{
		{"", "2026-12-06", OnTrack},
		{"", "2026-12-05", Late},
		{"", "", OnTrack},
		{ProgressFulfil, "2026-01-01", Fulfilled},
		{ProgressBreak, "2027-01-01", Broken},
	} {
		if got := Standing(c.closed, c.deadline, today); got != c.want {
			t.Errorf("%q %s: %s, want %s", c.closed, c.deadline, got, c.want)
		}
	}
}
