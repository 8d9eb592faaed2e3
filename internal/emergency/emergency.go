// Package emergency is the disclosure duty after a major incident, from
// the 政务公开 plan: 特别重大、重大突发事件 require authoritative
// information published within 5 hours at the latest and a press
// conference held within 24 hours (“最迟5小时内发布权威信息、24小时内举行
// 新闻发布会”). The clocks count elapsed hours from the incident, not
// working days: an incident on a Saturday night is due on Sunday morning.
// It is pure: times in, clocks out.
package emergency

import (
	"fmt"
	"time"

	"github.com/duban/duban/internal/workday"
)

// Level is the grade of an incident under the national emergency plan.
type Level string

// The four grades.
const (
	Especially Level = "especially_major" // 特别重大 (I级)
	Major      Level = "major"            // 重大 (II级)
	Larger     Level = "larger"           // 较大 (III级)
	General    Level = "general"          // 一般 (IV级)
)

// Levels in order of gravity.
var Levels = []Level{Especially, Major, Larger, General}

// Label is the grade in Chinese.
func (l Level) Label() string {
	return map[Level]string{Especially: "特别重大（I级）", Major: "重大（II级）", Larger: "较大（III级）", General: "一般（IV级）"}[l]
}

// Valid reports whether l is a grade.
func (l Level) Valid() bool { return l.Label() != "" }

// Timed reports whether the statutory clocks apply: to 特别重大 and 重大
// incidents. Lesser ones are tracked without a deadline.
func (l Level) Timed() bool { return l == Especially || l == Major }

// Duty is one thing an incident requires, and the time it allows.
type Duty struct {
	Kind   string
	Label  string
	Within time.Duration
}

// The duties, in the order they fall due.
var Duties = []Duty{
	{Kind: "authoritative", Label: "发布权威信息", Within: 5 * time.Hour},
	{Kind: "press", Label: "举行新闻发布会", Within: 24 * time.Hour},
}

// DutyLabel is a duty's kind in Chinese.
func DutyLabel(kind string) string {
	for _, d := range Duties {
		if d.Kind == kind {
			return d.Label
		}
	}
	return ""
}

// States of a duty's clock.
const (
	Pending = "pending"  // running, more than an hour left
	DueSoon = "due_soon" // running, an hour or less left
	Overdue = "overdue"  // the time passed, not done
	OnTime  = "on_time"  // done within the time
	Late    = "late"     // done after the time
	Untimed = "untimed"  // a lesser incident: no statutory time
)

// StateLabel is a state in Chinese.
func StateLabel(state string) string {
	return map[string]string{Pending: "计时中", DueSoon: "临近时限", Overdue: "已超时", OnTime: "按时完成", Late: "超时完成", Untimed: "不计时"}[state]
}

// SoonBefore is when a running clock turns 临近.
const SoonBefore = time.Hour

// Clock is where one duty stands.
type Clock struct {
	Duty
	Due   time.Time // zero for an untimed incident
	Done  time.Time // zero while not done
	State string
	// Left is the time left while running (negative once overdue), or
	// the margin by which it was done (negative if late).
	Left time.Duration
	Why  string
}

// Clocks are the duties of an incident of level that happened at
// occurred, given when each was done (by kind), as they stand at now.
func Clocks(level Level, occurred time.Time, done map[string]time.Time, now time.Time) []Clock {
	out := make([]Clock, 0, len(Duties))
	for _, d := range Duties {
		c := Clock{Duty: d, Done: done[d.Kind]}
		if !level.Timed() {
			c.State, c.Why = Untimed, fmt.Sprintf("%s事件不适用“5小时、24小时”时限，按预案及时%s。", level.Label(), d.Label)
			if !c.Done.IsZero() {
				c.Why = fmt.Sprintf("%s已于 %s %s。", level.Label(), stamp(c.Done), d.Label)
			}
			out = append(out, c)
			continue
		}
		c.Due = occurred.Add(d.Within)
		switch {
		case !c.Done.IsZero():
			c.Left = c.Due.Sub(c.Done)
			c.State = OnTime
			if c.Left < 0 {
				c.State = Late
			}
		default:
			c.Left = c.Due.Sub(now)
			switch {
			case c.Left < 0:
				c.State = Overdue
			case c.Left <= SoonBefore:
				c.State = DueSoon
			default:
				c.State = Pending
			}
		}
		c.Why = fmt.Sprintf("事件发生于 %s，应在 %d 小时内（%s 前）%s", stamp(occurred), int(d.Within.Hours()), stamp(c.Due), d.Label)
		switch c.State {
		case OnTime:
			c.Why += fmt.Sprintf("；%s 完成，提前 %s。", stamp(c.Done), Span(c.Left))
		case Late:
			c.Why += fmt.Sprintf("；%s 完成，超时 %s。", stamp(c.Done), Span(-c.Left))
		case Overdue:
			c.Why += fmt.Sprintf("；已超时 %s，尚未完成。", Span(-c.Left))
		default:
			c.Why += fmt.Sprintf("；还剩 %s。", Span(c.Left))
		}
		out = append(out, c)
	}
	return out
}

func stamp(t time.Time) string { return t.In(workday.Zone).Format("2006-01-02 15:04") }

// Span writes a duration as people say it: 3小时20分, 45分.
func Span(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	m := int(d.Round(time.Minute).Minutes())
	if m < 60 {
		return fmt.Sprintf("%d分", m)
	}
	if m%60 == 0 {
		return fmt.Sprintf("%d小时", m/60)
	}
	return fmt.Sprintf("%d小时%d分", m/60, m%60)
}
