// Package hotline is the 12345 hotline's ticket (工单) as the rules of a
// province see it: the time limits per type, category and urgency, in
// working days or in hours, as configuration (provinces differ); the
// ticket's life — 统一接收、按责转办、限时办结、统一督办、评价反馈 — as a state
// machine that refuses a step out of turn; and the 三率 (响应率、解决率、
// 满意率) of each unit, which assessment takes in. It is pure.
package hotline

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/workday"
)

// Type is what the caller wants.
type Type string

// The ticket types.
const (
	Consult   Type = "consult"   // 咨询
	Help      Type = "help"      // 求助
	Complaint Type = "complaint" // 投诉
	Report    Type = "report"    // 举报
	Suggest   Type = "suggest"   // 建议
)

// Types lists them in the order the forms offer them.
var Types = []Type{Consult, Help, Complaint, Report, Suggest}

// Label is the type in Chinese.
func (t Type) Label() string {
	return map[Type]string{Consult: "咨询", Help: "求助", Complaint: "投诉", Report: "举报", Suggest: "建议"}[t]
}

// Urgency of a ticket.
const (
	Normal    = "normal"    // 一般
	Urgent    = "urgent"    // 紧急
	Emergency = "emergency" // 特急
)

// Limit is one rule of the time limits: for tickets of Type (required),
// of a category under Category (a path prefix, "" for any) and of
// Urgency ("" for any), the ticket must be concluded within Workdays
// working days or, when Hours is set, within that many hours. SignHours
// is the time the unit has to sign for it (签收), ReturnHours the window
// in which it may send it back (退单).
type Limit struct {
	Type        Type   `json:"type"`
	Category    string `json:"category,omitempty"`
	Urgency     string `json:"urgency,omitempty"`
	Workdays    int    `json:"workdays,omitempty"`
	Hours       int    `json:"hours,omitempty"`
	SignHours   int    `json:"sign_hours"`
	ReturnHours int    `json:"return_hours"`
}

// Limits are a province's rules; the most specific that matches applies.
type Limits []Limit

// Guangdong is an example set in the shape of Guangdong's rules: 咨询 2
// working days, 求助 and 投诉 10, 举报 15, 建议 15; 紧急 tickets within 24
// hours and 特急 within 4; signed for within 2 hours (1 for the urgent and
// the most urgent) and sent back within 24 hours of assignment (2 and 1).
func Guangdong() Limits {
	days := map[Type]int{Consult: 2, Help: 10, Complaint: 10, Report: 15, Suggest: 15}
	var ls Limits
	for _, t := range Types {
		ls = append(ls, Limit{Type: t, Workdays: days[t], SignHours: 2, ReturnHours: 24})
		ls = append(ls, Limit{Type: t, Urgency: Urgent, Hours: 24, SignHours: 1, ReturnHours: 2})
		ls = append(ls, Limit{Type: t, Urgency: Emergency, Hours: 4, SignHours: 1, ReturnHours: 1})
	}
	return ls
}

// Validate reports every rule that cannot apply.
func (ls Limits) Validate() error {
	var errs []error
	for i, l := range ls {
		at := fmt.Sprintf("时限第 %d 条（%s）", i+1, l.Type.Label())
		switch {
		case l.Type.Label() == "":
			errs = append(errs, fmt.Errorf("时限第 %d 条：类型 %q 应为 consult、help、complaint、report 或 suggest", i+1, l.Type))
		case (l.Workdays > 0) == (l.Hours > 0):
			errs = append(errs, fmt.Errorf("%s：应在工作日与小时中恰好给出一种", at))
		case l.SignHours < 1 || l.ReturnHours < 0:
			errs = append(errs, fmt.Errorf("%s：签收时限至少 1 小时，退单窗口不能为负", at))
		}
		if l.Urgency != "" && l.Urgency != Normal && l.Urgency != Urgent && l.Urgency != Emergency {
			errs = append(errs, fmt.Errorf("%s：紧急程度 %q 应为 normal、urgent 或 emergency", at, l.Urgency))
		}
	}
	return errors.Join(errs...)
}

// ErrNoLimit is a ticket no rule covers.
var ErrNoLimit = errors.New("hotline: no time limit applies")

// For returns the rule for a ticket: of its type, a rule of its urgency
// before one for any urgency — an urgent ticket keeps its hours whatever
// its category — and among those the one whose category is the longest
// prefix of the ticket's.
func (ls Limits) For(t Type, category, urgency string) (Limit, error) {
	best, score := Limit{}, -1
	for _, l := range ls {
		if l.Type != t || !underCategory(category, l.Category) || (l.Urgency != "" && l.Urgency != urgency) {
			continue
		}
		s := len(l.Category)
		if l.Urgency != "" {
			s += 1 << 16
		}
		if s > score {
			best, score = l, s
		}
	}
	if score < 0 {
		return Limit{}, fmt.Errorf("%w: %s, category %q, urgency %q", ErrNoLimit, t.Label(), category, urgency)
	}
	return best, nil
}

// Due is when a ticket received at received must be concluded under l: the
// end (24:00, China time) of the Workdays-th working day after the day
// of receipt, or received plus Hours.
func (l Limit) Due(cal *workday.Calendar, received time.Time) time.Time {
	if l.Hours > 0 {
		return received.Add(time.Duration(l.Hours) * time.Hour)
	}
	y, m, d := received.In(workday.Zone).Date()
	last := cal.AddWorkdays(time.Date(y, m, d, 0, 0, 0, 0, time.UTC), l.Workdays)
	return time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, workday.Zone).AddDate(0, 0, 1)
}

// underCategory reports whether the path category lies under rule, a
// path prefix that ends at a level: 城乡建设/物业 does not cover
// 城乡建设/物业管理.
func underCategory(category, rule string) bool {
	return rule == "" || category == rule || strings.HasPrefix(category, strings.TrimSuffix(rule, "/")+"/")
}
