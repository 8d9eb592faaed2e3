// Package assess turns the ledger and the supervision record into scores:
// an office's published scoring scheme applied to each unit for a month,
// a quarter or a year, ranked, with every point explained by the task,
// notice or record that made it. It is pure: the caller reads the data
// and hands it in.
//
// The scheme follows the seeds' 重点攻坚考绩 + 日常动态考评 + 创新创优激励
// structure, with a public-satisfaction component beside them:
//
//   - 重点攻坚考绩 (KeyWork): the share of the unit's weighted tasks due in
//     the period that it completed — in full when on time, in part when
//     late or still open;
//   - 日常动态考评 (Daily): a base from which each 催办, each 督办单 (by
//     level) and each missed report is deducted;
//   - 创新创优激励 (Incentive): bonuses for recorded 亮点, 创新 and
//     commendations, capped; accountability decisions (问责) deduct;
//   - 公众满意度 (Satisfaction): the unit's satisfaction rate from the
//     hotline's 三率, when there is one.
package assess

import (
	"maps"
	"slices"
	"strings"
)

// Scheme is an office's scoring rules. They are data: the office edits and
// publishes them, and the public page states them in plain Chinese.
type Scheme struct {
	Name string `json:"name"`
	// LeadShare and CoShare weigh a task (and what happens to it) for its
	// lead units (牵头) and its other units (配合).
	LeadShare float64 `json:"lead_share"`
	CoShare   float64 `json:"co_share"`
	// DefaultWeight is the weight of a task the plan gave none.
	DefaultWeight float64 `json:"default_weight"`
	// MinTasks: a unit with fewer tasks due in the period is scored but
	// not ranked, since one task decides too much.
	MinTasks     int          `json:"min_tasks"`
	KeyWork      KeyWork      `json:"key_work"`
	Daily        Daily        `json:"daily"`
	Incentive    Incentive    `json:"incentive"`
	Satisfaction Satisfaction `json:"satisfaction"`
}

// KeyWork is 重点攻坚考绩: Points × the weighted share of credit earned on
// the tasks due in the period (by today, for a period still running).
type KeyWork struct {
	Points float64 `json:"points"`
	// Credit for a task completed by its due date, after it, and for one
	// still open after it — the last multiplied by its reported percent.
	OnTime     float64 `json:"on_time"`
	Late       float64 `json:"late"`
	Unfinished float64 `json:"unfinished"`
}

// Daily is 日常动态考评: Points less the deductions, not below zero. A
// deduction falls on every unit of the task, times its share.
type Daily struct {
	Points        float64            `json:"points"`
	Press         float64            `json:"press"`          // per 催办
	Notice        map[string]float64 `json:"notice"`         // per 督办单, by ladder level (blue, yellow, red, listed)
	ReportMissing float64            `json:"report_missing"` // per missed periodic report
	// ProposalLate and ProposalUnsatisfied are per 建议/提案 the unit
	// answered after its time limit (or has not answered by it), and per
	// answer its representative rated 不满意 (建议提案办理, issue 19); 0
	// leaves the 办理 out of the scores.
	ProposalLate        float64 `json:"proposal_late"`
	ProposalUnsatisfied float64 `json:"proposal_unsatisfied"`
}

// Incentive is 创新创优激励: bonuses per record kind, capped, and the
// deduction per accountability decision, which no cap limits.
type Incentive struct {
	Bonus          map[string]float64 `json:"bonus"` // highlight, innovation, commendation
	Cap            float64            `json:"cap"`
	Accountability float64            `json:"accountability"`
}

// Satisfaction is the public's part: Points × the unit's satisfaction
// rate. A unit the hotline has no rate for gets the average of the units
// that have one (full marks when none has), so that it neither gains nor
// loses by the hotline's coverage.
type Satisfaction struct {
	Points float64 `json:"points"`
}

// The record kinds: bonuses and the accountability decision.
const (
	RecordHighlight      = "highlight"      // 亮点
	RecordInnovation     = "innovation"     // 创新
	RecordCommendation   = "commendation"   // 通报表扬、表彰
	RecordAccountability = "accountability" // 问责、通报批评
)

// RecordKinds lists the kinds in display order.
var RecordKinds = []string{RecordHighlight, RecordInnovation, RecordCommendation, RecordAccountability}

// RecordLabel is a record kind in Chinese.
func RecordLabel(kind string) string {
	return map[string]string{RecordHighlight: "亮点", RecordInnovation: "创新", RecordCommendation: "表扬",
		RecordAccountability: "问责"}[kind]
}

// defaultName is the default scheme's name as it is stored; pages name it
// through the catalogue (NameIn).
const defaultName = "重点攻坚考绩 + 日常动态考评 + 创新创优激励"

// Default is duban's scheme: 重点攻坚考绩 60, 日常动态考评 30, 公众满意度 10,
// and up to 5 bonus points; lead units carry a task in full, the others at
// half; a task completed late earns 60%, an open one 30% of its reported
// percent; a 催办 costs 0.5, a notice 1 (blue), 2 (yellow), 3 (red) or 5
// (挂牌督办), a missed report 0.5; 亮点 2, 创新 3, a commendation 2; an
// accountability decision costs 5. Three tasks make a unit rankable.
func Default() Scheme {
	return Scheme{
		Name: defaultName, LeadShare: 1, CoShare: 0.5, DefaultWeight: 10, MinTasks: 3,
		KeyWork: KeyWork{Points: 60, OnTime: 1, Late: 0.6, Unfinished: 0.3},
		Daily: Daily{Points: 30, Press: 0.5, ReportMissing: 0.5,
			Notice: map[string]float64{"blue": 1, "yellow": 2, "red": 3, "listed": 5}},
		Incentive: Incentive{Bonus: map[string]float64{RecordHighlight: 2, RecordInnovation: 3, RecordCommendation: 2},
			Cap: 5, Accountability: 5},
		Satisfaction: Satisfaction{Points: 10},
	}
}

// Validate reports every problem at once (Problems), so that an office
// fixes its scheme in one pass: a name left empty, each number out of its
// range (Numbers) named as the scheme form names it, with its part; an
// office's own notice level out of 0–100 and a bonus for what is no
// bonus, each listed at its map; and, for the whole, a scheme worth
// nothing.
func (s Scheme) Validate() error {
	var ps Problems
	if strings.TrimSpace(s.Name) == "" {
		ps = append(ps, Problem{Field: FieldName, Label: LabelKey(FieldName), Key: "error.required"})
	}
	if !minTasks.holds(float64(s.MinTasks)) {
		ps = append(ps, Problem{Field: FieldMinTasks, Label: LabelKey(FieldMinTasks), Key: minTasks.Problem})
	}
	for _, n := range Numbers {
		if !n.holds(n.Get(&s)) {
			ps = append(ps, Problem{Field: n.Field, Label: LabelKey(n.Field), Group: PartKey(n.Part), Key: n.Problem})
		}
	}
	// Levels and kinds the form has no field for: named in the message,
	// all of them in one problem at their map.
	var levels, kinds []string
	for _, level := range slices.Sorted(maps.Keys(s.Daily.Notice)) {
		if v := s.Daily.Notice[level]; !defaultLevels[level] && !(v >= 0 && v <= 100) {
			levels = append(levels, level)
		}
	}
	for _, kind := range slices.Sorted(maps.Keys(s.Incentive.Bonus)) {
		if RecordLabel(kind) == "" || kind == RecordAccountability {
			kinds = append(kinds, kind)
		}
	}
	if len(levels) > 0 {
		ps = append(ps, Problem{Field: "notice", Key: "assess.problem.notice_level", Args: map[string]string{"level": strings.Join(levels, "、")}})
	}
	if len(kinds) > 0 {
		ps = append(ps, Problem{Field: "bonus", Key: "assess.problem.bonus_kind", Args: map[string]string{"kind": strings.Join(kinds, "、")}})
	}
	if !(s.KeyWork.Points+s.Daily.Points+s.Satisfaction.Points > 0) {
		ps = append(ps, Problem{Key: "assess.problem.all_zero"})
	}
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// FullMarks is the total a unit reaches without bonuses.
func (s Scheme) FullMarks() float64 {
	return s.KeyWork.Points + s.Daily.Points + s.Satisfaction.Points
}
