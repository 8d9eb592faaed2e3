package decision

import (
	"time"
)

// The gates of the procedure, in the law's order. Publication closes it.
const (
	GateParticipation = "participation" // 公众参与 (第十四至十八条)
	GateExpert        = "expert"        // 专家论证 (第十九至二十一条)
	GateRisk          = "risk"          // 风险评估 (第二十二至二十四条)
	GateLegality      = "legality"      // 合法性审查 (第二十五至二十八条)
	GateCollective    = "collective"    // 集体讨论决定 (第二十九至三十一条)
	GatePublication   = "publication"   // 决策公布 and its 政策解读 (第三十二条)
)

// Gates are the gates in order.
var Gates = []string{GateParticipation, GateExpert, GateRisk, GateLegality, GateCollective, GatePublication}

// Step kinds: what the office records against a decision.
const (
	StepConsult    = "consult"    // opens the public comment period (from, to; 听证 if chosen)
	StepFeedback   = "feedback"   // the 采纳情况, after the period: 公众参与 done
	StepExpert     = "expert"     // experts and their opinions: 专家论证 done
	StepRisk       = "risk"       // the report and the risk level: 风险评估 done
	StepLegality   = "legality"   // the 司法 unit's review and its result
	StepCollective = "collective" // the meeting and its result
	StepPublish    = "publish"    // the decision published with its 解读
	StepSkip       = "skip"       // a gate left out, with the legal reason
	StepWithdraw   = "withdraw"   // taken out of the catalogue (an adjustment)
	// StepInterpret is the drafting unit's 政策解读 (谁起草谁解读), before
	// or after publication; it changes no gate.
	StepInterpret = "interpret"
)

// Steps are the step kinds.
var Steps = []string{StepConsult, StepFeedback, StepExpert, StepRisk, StepLegality, StepCollective, StepPublish, StepSkip, StepWithdraw, StepInterpret}

// Statuses of a decision, as the catalogue shows them.
const (
	StatusPlanned    = "planned" // in the catalogue, no gate passed
	StatusInProgress = "in_progress"
	StatusDecided    = "decided"   // 集体讨论 adopted it; awaiting publication
	StatusRejected   = "rejected"  // 集体讨论 did not adopt it
	StatusPublished  = "published" // published with its 解读
	StatusWithdrawn  = "withdrawn"
)

// Results of the review and of the meeting.
const (
	ResultPass    = "pass"   // 合法性审查: lawful
	ResultFail    = "fail"   // 合法性审查: not lawful as drafted
	ResultAdopt   = "adopt"  // 集体讨论: adopted
	ResultReject  = "reject" // 集体讨论: not adopted
	ResultDefer   = "defer"  // 集体讨论: deferred (再次讨论)
	RiskLow       = "low"
	RiskMedium    = "medium"
	RiskHigh      = "high"
	MinCommentDay = 30 // 征求意见期限一般不少于30日 (第十五条)
)

// Skippable says which gates the law lets a decision leave out, each
// with a reason recorded: 公众参与 for a matter not to be disclosed by
// law (第十四条 "除依法不予公开的决策事项外"), 专家论证 where the matter
// is not 专业性、技术性较强 (第十九条), 风险评估 where it cannot affect
// social stability, public safety and the like (第二十二条). The review
// of legality and the collective decision are never left out
// (第二十五条、第三十条).
var Skippable = map[string]bool{GateParticipation: true, GateExpert: true, GateRisk: true}

// Step is one recorded step, as the decision's history keeps it.
type Step struct {
	Kind   string
	Gate   string // for StepSkip: the gate left out
	From   string // StepConsult: the comment period, ISO dates
	To     string
	Result string // legality, collective: the result; risk: the level
	At     time.Time
}

// State is where a decision stands, read from its steps.
type State struct {
	Done         map[string]bool // gates passed (or left out with a reason)
	Skipped      map[string]bool
	CommentsFrom string // the comment period, when one was opened
	CommentsTo   string
	Withdrawn    bool
	Rejected     bool
}

// Read folds a decision's steps, oldest first, into its State.
func Read(steps []Step) State {
	st := State{Done: map[string]bool{}, Skipped: map[string]bool{}}
	for _, s := range steps {
		switch s.Kind {
		case StepConsult:
			st.CommentsFrom, st.CommentsTo = s.From, s.To
		case StepFeedback:
			st.Done[GateParticipation] = true
		case StepExpert:
			st.Done[GateExpert] = true
		case StepRisk:
			st.Done[GateRisk] = true
		case StepLegality:
			st.Done[GateLegality] = s.Result == ResultPass
		case StepCollective:
			st.Done[GateCollective] = s.Result == ResultAdopt
			st.Rejected = s.Result == ResultReject
		case StepPublish:
			st.Done[GatePublication] = true
		case StepSkip:
			st.Done[s.Gate], st.Skipped[s.Gate] = true, true
		case StepWithdraw:
			st.Withdrawn = true
		}
	}
	return st
}

// Status is the decision's status for the catalogue.
func (st State) Status() string {
	switch {
	case st.Withdrawn:
		return StatusWithdrawn
	case st.Done[GatePublication]:
		return StatusPublished
	case st.Rejected:
		return StatusRejected
	case st.Done[GateCollective]:
		return StatusDecided
	case len(st.Done) > 0 || st.CommentsFrom != "":
		return StatusInProgress
	}
	return StatusPlanned
}

// Current is the first gate not yet passed, "" when published.
func (st State) Current() string {
	for _, g := range Gates {
		if !st.Done[g] {
			return g
		}
	}
	return ""
}

// Commenting says whether the public comment period is open on day.
func (st State) Commenting(day time.Time) bool {
	if st.CommentsFrom == "" || st.Done[GateParticipation] || st.Withdrawn {
		return false
	}
	d := day.Format(time.DateOnly)
	return d >= st.CommentsFrom && d <= st.CommentsTo
}
