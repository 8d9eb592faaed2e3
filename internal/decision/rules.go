package decision

import (
	"time"
)

// Refusal is why a step may not be taken: Field names what is wrong (a
// gate's name for a gate not passed), Key the catalogue key, State true
// when it is the decision's state that refuses it (HTTP 409) rather than
// the input (422).
type Refusal struct {
	Field, Key string
	State      bool
}

func (r *Refusal) Error() string { return r.Field + ": " + r.Key }

func invalid(field, key string) *Refusal { return &Refusal{Field: field, Key: key} }
func blocked(field, key string) *Refusal { return &Refusal{Field: field, Key: key, State: true} }

// Check says whether step s may follow the decision's state on day
// today, nil when it may. It holds the law's rules: a comment period of
// at least MinCommentDay days, its 采纳情况 only after it ends; the
// review of legality before the collective decision, and the other
// gates passed or left out with a reason; publication only of a decision
// adopted; a gate left out only where Skippable allows it, with a
// reason; nothing after withdrawal or publication.
func Check(st State, s Step, reason string, today time.Time) *Refusal {
	if st.Withdrawn {
		return blocked("kind", "decisions.error.withdrawn")
	}
	if s.Kind == StepInterpret {
		return nil
	}
	if st.Done[GatePublication] {
		return blocked("kind", "decisions.error.published")
	}
	day := today.Format(time.DateOnly)
	switch s.Kind {
	case StepConsult:
		if st.Done[GateParticipation] {
			return blocked(GateParticipation, "decisions.error.gate_done")
		}
		from, err1 := time.Parse(time.DateOnly, s.From)
		to, err2 := time.Parse(time.DateOnly, s.To)
		if err1 != nil {
			return invalid("from", "decisions.error.date")
		}
		if err2 != nil {
			return invalid("to", "decisions.error.date")
		}
		// The period runs on the portal from the day it is recorded: one
		// that began earlier counts days nobody could comment on.
		if s.From < day {
			return invalid("from", "decisions.error.period_past")
		}
		if days := int(to.Sub(from).Hours()/24) + 1; days < MinCommentDay {
			return invalid("to", "decisions.error.period_short")
		}
	case StepFeedback:
		if st.Done[GateParticipation] {
			return blocked(GateParticipation, "decisions.error.gate_done")
		}
		if st.CommentsTo == "" {
			return blocked(GateParticipation, "decisions.error.no_period")
		}
		if day <= st.CommentsTo {
			return blocked(GateParticipation, "decisions.error.period_open")
		}
	case StepExpert, StepRisk, StepLegality:
		g := map[string]string{StepExpert: GateExpert, StepRisk: GateRisk, StepLegality: GateLegality}[s.Kind]
		if st.Done[GateCollective] || st.Rejected {
			return blocked("kind", "decisions.error.decided")
		}
		if st.Done[g] {
			return blocked(g, "decisions.error.gate_done")
		}
		if s.Kind == StepRisk && s.Result != RiskLow && s.Result != RiskMedium && s.Result != RiskHigh {
			return invalid("result", "decisions.error.risk_level")
		}
		if s.Kind == StepLegality && s.Result != ResultPass && s.Result != ResultFail {
			return invalid("result", "decisions.error.result")
		}
	case StepCollective:
		if st.Done[GateCollective] || st.Rejected {
			return blocked(GateCollective, "decisions.error.gate_done")
		}
		// 合法性审查 first: the law names it alone (第二十五条), so it is
		// the gate a refusal names before any other.
		for _, g := range []string{GateLegality, GateParticipation, GateExpert, GateRisk} {
			if !st.Done[g] {
				return blocked(g, "decisions.error.gate_missing")
			}
		}
		if s.Result != ResultAdopt && s.Result != ResultReject && s.Result != ResultDefer {
			return invalid("result", "decisions.error.result")
		}
	case StepPublish:
		if !st.Done[GateCollective] {
			return blocked(GateCollective, "decisions.error.gate_missing")
		}
	case StepSkip:
		if !Skippable[s.Gate] {
			return invalid("gate", "decisions.error.not_skippable")
		}
		if st.Done[s.Gate] {
			return blocked(s.Gate, "decisions.error.gate_done")
		}
		if s.Gate == GateParticipation && st.CommentsFrom != "" {
			return blocked(s.Gate, "decisions.error.period_opened")
		}
		if reason == "" {
			return invalid("reason", "decisions.error.reason")
		}
	case StepWithdraw:
		if reason == "" {
			return invalid("reason", "decisions.error.reason")
		}
	default:
		return invalid("kind", "decisions.error.kind")
	}
	return nil
}
