package assess

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/duban/duban/internal/ledger"
)

// The parts of a score, as Line.Part names them.
const (
	PartKeyWork      = "key_work"     // 重点攻坚考绩
	PartDaily        = "daily"        // 日常动态考评
	PartIncentive    = "incentive"    // 创新创优激励
	PartSatisfaction = "satisfaction" // 公众满意度
)

// PartLabel is a part in Chinese.
func PartLabel(part string) string {
	return map[string]string{PartKeyWork: "重点攻坚考绩", PartDaily: "日常动态考评", PartIncentive: "创新创优激励",
		PartSatisfaction: "公众满意度"}[part]
}

// Line is one contribution to a score: the task, event or record that
// made it, and its points (negative for a deduction).
type Line struct {
	Part     string  `json:"part"`
	TaskID   int64   `json:"task_id,omitempty"`
	EventKey string  `json:"event_key,omitempty"`
	RecordID int64   `json:"record_id,omitempty"`
	Points   float64 `json:"points"`
	Text     string  `json:"text"`
}

// Score is one unit's score for the period.
type Score struct {
	UnitID       int64   `json:"unit_id"`
	Unit         string  `json:"unit"`
	Tasks        int     `json:"tasks"` // tasks due in the period by the day of computation
	KeyWork      float64 `json:"key_work"`
	Daily        float64 `json:"daily"`
	Incentive    float64 `json:"incentive"`
	Satisfaction float64 `json:"satisfaction"`
	Total        float64 `json:"total"`
	// Rank is the place among the ranked units, equal totals sharing it
	// (1, 2, 2, 4); 0 for a unit with fewer tasks than MinTasks.
	Rank  int    `json:"rank"`
	Lines []Line `json:"lines"`
}

// Result is a period's scores: ranked units first, best first, then the
// units not ranked, by name.
type Result struct {
	Period ledger.Period `json:"period"`
	AsOf   time.Time     `json:"as_of"`
	Scores []Score       `json:"scores"`
}

// Compute scores every unit of in for period p as it stands on asOf: only
// what was due, happened or was decided from the period's first day to
// the earlier of its last day and asOf counts.
func Compute(s Scheme, p ledger.Period, asOf time.Time, in Input) Result {
	limit := p.End
	if asOf.Before(limit) {
		limit = asOf
	}
	within := func(d time.Time) bool { return !d.IsZero() && !d.Before(p.Start) && !d.After(limit) }
	byTask := make(map[int64]*Task, len(in.Tasks))
	for i := range in.Tasks {
		byTask[in.Tasks[i].ID] = &in.Tasks[i]
	}
	res := Result{Period: p, AsOf: asOf}
	for _, u := range in.Units {
		sc := Score{UnitID: u.ID, Unit: u.Name}
		c := scorer{s: s, unit: u.ID, asOf: asOf, sc: &sc}
		c.keyWork(in.Tasks, within)
		c.daily(in.Events, byTask, within)
		c.incentive(in.Records, within)
		c.satisfaction(in.Rates)
		sc.KeyWork, sc.Daily, sc.Incentive, sc.Satisfaction = round2(sc.KeyWork), round2(sc.Daily), round2(sc.Incentive), round2(sc.Satisfaction)
		sc.Total = round2(sc.KeyWork + sc.Daily + sc.Incentive + sc.Satisfaction)
		res.Scores = append(res.Scores, sc)
	}
	rank(res.Scores, s.MinTasks)
	return res
}

// scorer fills one unit's score.
type scorer struct {
	s    Scheme
	unit int64
	asOf time.Time
	sc   *Score
}

// share is the unit's part in a task: LeadShare, CoShare, or 0 when the
// task is not its.
func (c *scorer) share(t *Task) (float64, string) {
	share, role := 0.0, ""
	for _, u := range t.Units {
		switch {
		case u.UnitID == c.unit && u.Lead:
			return c.s.LeadShare, "牵头"
		case u.UnitID == c.unit:
			share, role = c.s.CoShare, "配合"
		}
	}
	return share, role
}

func (c *scorer) keyWork(tasks []Task, within func(time.Time) bool) {
	type item struct {
		t      *Task
		ws     float64
		credit float64
		how    string
		role   string
	}
	var items []item
	var total float64
	for i := range tasks {
		t := &tasks[i]
		share, role := c.share(t)
		if share == 0 || !within(t.Due) {
			continue
		}
		w := t.Weight
		if w <= 0 {
			w = c.s.DefaultWeight
		}
		it := item{t: t, ws: w * share, role: role}
		it.credit, it.how = c.credit(t)
		items = append(items, it)
		total += it.ws
	}
	c.sc.Tasks = len(items)
	if len(items) == 0 || total == 0 {
		c.sc.KeyWork = c.s.KeyWork.Points
		c.add(Line{Part: PartKeyWork, Points: c.s.KeyWork.Points, Text: "本期没有到期的任务，按满分计"})
		return
	}
	for _, it := range items {
		full := c.s.KeyWork.Points * it.ws / total
		got := full * it.credit
		c.sc.KeyWork += got
		w := it.t.Weight
		if w <= 0 {
			w = c.s.DefaultWeight
		}
		c.add(Line{Part: PartKeyWork, TaskID: it.t.ID, Points: got,
			Text: fmt.Sprintf("「%s」（%s，权重 %s）%s：得 %s 分，满分 %s", it.t.Title, it.role, num(w), it.how, num2(got), num2(full))})
	}
}

// credit is what a task due in the period earns: on time, late, or open
// with part credit for its reported percent.
func (c *scorer) credit(t *Task) (float64, string) {
	k := c.s.KeyWork
	switch {
	case !t.Done.IsZero() && !t.Done.After(c.asOf) && !t.Done.After(t.Due):
		return k.OnTime, fmt.Sprintf("%s 按时完成（到期 %s）", day(t.Done), day(t.Due))
	case !t.Done.IsZero() && !t.Done.After(c.asOf):
		return k.Late, fmt.Sprintf("%s 完成，逾期 %d 天（到期 %s），按 %s%% 计", day(t.Done), int(t.Done.Sub(t.Due).Hours()/24), day(t.Due), num(k.Late*100))
	}
	pct := math.Max(0, math.Min(100, t.Percent))
	return k.Unfinished * pct / 100, fmt.Sprintf("到期 %s 未完成，完成比例 %s%%，按其 %s%% 计", day(t.Due), num(pct), num(k.Unfinished*100))
}

func (c *scorer) daily(events []Event, byTask map[int64]*Task, within func(time.Time) bool) {
	d := c.s.Daily
	c.add(Line{Part: PartDaily, Points: d.Points, Text: fmt.Sprintf("基础分 %s", num(d.Points))})
	var lost float64
	for _, e := range events {
		t := byTask[e.TaskID]
		if t == nil || !within(e.On) {
			continue
		}
		share, role := c.share(t)
		if share == 0 {
			continue
		}
		var rate float64
		var what string
		switch e.Kind {
		case "press":
			rate, what = d.Press, "催办"
		case "notice", "escalate", "issued":
			rate, what = d.Notice[e.Level], cmp.Or(e.Label, e.Level)
		case "report_missing":
			rate, what = d.ReportMissing, "缺报"
		}
		if rate == 0 {
			continue
		}
		cost := rate * share
		lost += cost
		c.add(Line{Part: PartDaily, TaskID: t.ID, EventKey: e.Key, Points: -cost,
			Text: fmt.Sprintf("%s %s「%s」（%s）：扣 %s 分", day(e.On), what, t.Title, role, num2(cost))})
	}
	c.sc.Daily = math.Max(0, d.Points-lost)
	if lost > d.Points {
		c.add(Line{Part: PartDaily, Points: lost - d.Points,
			Text: fmt.Sprintf("扣分合计 %s 超过本项分值 %s，本项按 0 分计", num2(lost), num(d.Points))})
	}
}

func (c *scorer) incentive(records []Record, within func(time.Time) bool) {
	inc := c.s.Incentive
	var bonus, penalty float64
	for _, r := range records {
		if r.UnitID != c.unit || !within(r.On) {
			continue
		}
		if r.Kind == RecordAccountability {
			penalty += inc.Accountability
			c.add(Line{Part: PartIncentive, RecordID: r.ID, Points: -inc.Accountability,
				Text: fmt.Sprintf("%s 问责「%s」：扣 %s 分", day(r.On), r.Title, num2(inc.Accountability))})
			continue
		}
		b := inc.Bonus[r.Kind]
		if b == 0 {
			continue
		}
		bonus += b
		c.add(Line{Part: PartIncentive, RecordID: r.ID, Points: b,
			Text: fmt.Sprintf("%s %s「%s」：加 %s 分", day(r.On), RecordLabel(r.Kind), r.Title, num2(b))})
	}
	if bonus > inc.Cap {
		c.add(Line{Part: PartIncentive, Points: inc.Cap - bonus,
			Text: fmt.Sprintf("加分合计 %s 超过上限 %s，按 %s 分计", num2(bonus), num(inc.Cap), num(inc.Cap))})
		bonus = inc.Cap
	}
	c.sc.Incentive = bonus - penalty
}

func (c *scorer) satisfaction(rates map[int64]float64) {
	pts := c.s.Satisfaction.Points
	if pts == 0 {
		return
	}
	if r, ok := rates[c.unit]; ok {
		c.sc.Satisfaction = pts * r
		c.add(Line{Part: PartSatisfaction, Points: c.sc.Satisfaction,
			Text: fmt.Sprintf("满意率 %s%%：得 %s 分，满分 %s", num(round2(r*100)), num2(c.sc.Satisfaction), num(pts))})
		return
	}
	avg, n := 0.0, 0
	for _, r := range rates {
		avg += r
		n++
	}
	if n == 0 {
		c.sc.Satisfaction = pts
		c.add(Line{Part: PartSatisfaction, Points: pts, Text: "本期尚无满意度数据，按满分计"})
		return
	}
	avg /= float64(n)
	c.sc.Satisfaction = pts * avg
	c.add(Line{Part: PartSatisfaction, Points: c.sc.Satisfaction,
		Text: fmt.Sprintf("本单位无满意度数据，按 %d 个单位的平均满意率 %s%% 计：得 %s 分", n, num(round2(avg*100)), num2(c.sc.Satisfaction))})
}

func (c *scorer) add(l Line) {
	l.Points = round2(l.Points)
	c.sc.Lines = append(c.sc.Lines, l)
}

// rank orders the scores and gives the ranked units their places: equal
// totals (to the hundredth shown) share a place and the next place skips,
// 1, 2, 2, 4.
func rank(scores []Score, minTasks int) {
	slices.SortStableFunc(scores, func(a, b Score) int {
		ra, rb := a.Tasks >= minTasks, b.Tasks >= minTasks
		if ra != rb {
			if ra {
				return -1
			}
			return 1
		}
		if ra {
			if c := cmp.Compare(b.Total, a.Total); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.Unit, b.Unit)
	})
	for i := range scores {
		if scores[i].Tasks < minTasks {
			break
		}
		scores[i].Rank = i + 1
		if i > 0 && scores[i].Total == scores[i-1].Total {
			scores[i].Rank = scores[i-1].Rank
		}
	}
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// num writes a number without trailing zeros: 15, 0.5, 62.35.
func num(x float64) string { return fmt.Sprintf("%g", round2(x)) }

// num2 writes points to the hundredth: 12.00.
func num2(x float64) string { return fmt.Sprintf("%.2f", round2(x)) }

func day(t time.Time) string { return t.Format(time.DateOnly) }
