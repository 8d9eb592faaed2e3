package assess

import "math"

// Number is one number of a scheme as the office edits it: its field (the
// scheme form's and the problems' name for it), the part of the scheme it
// belongs to, the range it must lie in and the catalogue key that says
// so. Numbers is the one table of them: Validate holds a scheme to it and
// the scheme form is built from it.
type Number struct {
	Field, Part string
	Min, Max    float64
	Problem     string // catalogue key: the number is out of its range
	Get         func(*Scheme) float64
	Set         func(*Scheme, float64)
}

// The problems of a scheme's numbers, as catalogue keys.
const (
	problemRatio  = "assess.problem.range_0_1"
	problemPer    = "assess.problem.range_0_100"
	problemPoints = "assess.problem.range_0_1000"
	problemWeight = "assess.problem.range_weight"
)

// The fields of a scheme beside its Numbers.
const (
	FieldName     = "name"
	FieldMinTasks = "min_tasks"
)

// LabelKey is the catalogue key of a field's name on the scheme form.
func LabelKey(field string) string { return "assess.scheme.field." + field }

// PartKey is the catalogue key of a part's name.
func PartKey(part string) string { return "assess.scheme.group." + part }

// holds reports whether v lies in the number's range (NaN does not).
func (n Number) holds(v float64) bool { return v >= n.Min && v <= n.Max && !math.IsNaN(v) }

// plain is a Number over a plain number of the scheme.
func plain(field, part string, lo, hi float64, problem string, at func(*Scheme) *float64) Number {
	return Number{field, part, lo, hi, problem,
		func(s *Scheme) float64 { return *at(s) },
		func(s *Scheme, v float64) { *at(s) = v }}
}

// entry is a Number over an entry of one of the scheme's maps.
func entry(field, part string, lo, hi float64, problem string, of func(*Scheme) *map[string]float64, key string) Number {
	return Number{field, part, lo, hi, problem,
		func(s *Scheme) float64 { return (*of(s))[key] },
		func(s *Scheme, v float64) {
			if *of(s) == nil {
				*of(s) = map[string]float64{}
			}
			(*of(s))[key] = v
		}}
}

func notices(s *Scheme) *map[string]float64 { return &s.Daily.Notice }
func bonuses(s *Scheme) *map[string]float64 { return &s.Incentive.Bonus }

// Numbers are the scheme's numbers in the order of its formula, with their
// ranges.
var Numbers = []Number{
	plain("key_work", PartKeyWork, 0, 1000, problemPoints, func(s *Scheme) *float64 { return &s.KeyWork.Points }),
	plain("on_time", PartKeyWork, 0, 1, problemRatio, func(s *Scheme) *float64 { return &s.KeyWork.OnTime }),
	plain("late", PartKeyWork, 0, 1, problemRatio, func(s *Scheme) *float64 { return &s.KeyWork.Late }),
	plain("unfinished", PartKeyWork, 0, 1, problemRatio, func(s *Scheme) *float64 { return &s.KeyWork.Unfinished }),
	plain("default_weight", PartKeyWork, 0.1, 1000, problemWeight, func(s *Scheme) *float64 { return &s.DefaultWeight }),
	plain("lead_share", PartKeyWork, 0, 1, problemRatio, func(s *Scheme) *float64 { return &s.LeadShare }),
	plain("co_share", PartKeyWork, 0, 1, problemRatio, func(s *Scheme) *float64 { return &s.CoShare }),
	plain("daily", PartDaily, 0, 1000, problemPoints, func(s *Scheme) *float64 { return &s.Daily.Points }),
	plain("press", PartDaily, 0, 100, problemPer, func(s *Scheme) *float64 { return &s.Daily.Press }),
	entry("notice.blue", PartDaily, 0, 100, problemPer, notices, "blue"),
	entry("notice.yellow", PartDaily, 0, 100, problemPer, notices, "yellow"),
	entry("notice.red", PartDaily, 0, 100, problemPer, notices, "red"),
	entry("notice.listed", PartDaily, 0, 100, problemPer, notices, "listed"),
	plain("report_missing", PartDaily, 0, 100, problemPer, func(s *Scheme) *float64 { return &s.Daily.ReportMissing }),
	plain("proposal_late", PartDaily, 0, 100, problemPer, func(s *Scheme) *float64 { return &s.Daily.ProposalLate }),
	plain("proposal_unsatisfied", PartDaily, 0, 100, problemPer, func(s *Scheme) *float64 { return &s.Daily.ProposalUnsatisfied }),
	entry("bonus.highlight", PartIncentive, 0, 100, problemPer, bonuses, RecordHighlight),
	entry("bonus.innovation", PartIncentive, 0, 100, problemPer, bonuses, RecordInnovation),
	entry("bonus.commendation", PartIncentive, 0, 100, problemPer, bonuses, RecordCommendation),
	plain("cap", PartIncentive, 0, 1000, problemPoints, func(s *Scheme) *float64 { return &s.Incentive.Cap }),
	plain("accountability", PartIncentive, 0, 1000, problemPoints, func(s *Scheme) *float64 { return &s.Incentive.Accountability }),
	plain("satisfaction", PartSatisfaction, 0, 1000, problemPoints, func(s *Scheme) *float64 { return &s.Satisfaction.Points }),
}

// minTasks is MinTasks' range, a whole number.
var minTasks = Number{Field: FieldMinTasks, Min: 0, Max: 1000, Problem: problemPoints}
