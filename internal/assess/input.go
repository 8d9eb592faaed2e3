package assess

import "time"

// Unit is a unit being assessed.
type Unit struct {
	ID   int64
	Name string
}

// Share is one of a task's units: lead (牵头) or not (配合).
type Share struct {
	UnitID int64
	Lead   bool
}

// Task is what assessment needs of a ledger task.
type Task struct {
	ID     int64
	Title  string
	Weight float64   // 0: the scheme's default
	Due    time.Time // the final due date; zero: none, not assessed on completion
	// Done is when the task was completed — the day its accepted 销号
	// application was made — and zero while it is open.
	Done    time.Time
	Percent float64 // the latest reported 完成比例, 0–100
	Units   []Share
}

// Event is a supervision event that costs points: a 催办, a 督办单 at a
// level, a missed report.
type Event struct {
	Key    string
	TaskID int64
	Kind   string // press, notice, escalate, issued, report_missing
	Level  string // the notice's ladder level
	Label  string // 蓝色督办单…, for the explanation
	On     time.Time
}

// Record is a 激励 or 问责 decision about a unit.
type Record struct {
	ID     int64
	UnitID int64
	Kind   string // RecordHighlight, RecordInnovation, RecordCommendation, RecordAccountability
	Title  string
	On     time.Time
}

// ProposalMark is a mark against a 主办 unit's 建议/提案 办理: Kind
// "late" (answered after the time limit, or not answered by it) or
// "unsatisfied" (an answer rated 不满意), on the day it happened.
type ProposalMark struct {
	ProposalID int64
	UnitID     int64
	Kind       string
	Title      string
	On         time.Time
}

// Input is everything one computation reads. Rates are the units'
// satisfaction rates (0–1) for the period, from the hotline; a unit
// missing from it has none. RateBasis, when given, says what each unit's
// rate rests on, so that its explanation can name the tickets: the rate
// of a handful of calls should read as such. Tallies, when given, are
// units' tasks and events already summed (see Tally): a unit with one is
// scored from it alone, and no line explains it; Tasks and Events count
// for the units without.
type Input struct {
	Units     []Unit
	Tasks     []Task
	Events    []Event
	Records   []Record
	Rates     map[int64]float64
	RateBasis map[int64]RateBasis
	Proposals []ProposalMark
	Tallies   map[int64]*Tally
}

// RateBasis is what a unit's satisfaction rate rests on: the 12345
// tickets routed to it in the period and those of them whose callers were
// visited (回访), the rate's denominator.
type RateBasis struct {
	Tickets, Visited int
}
