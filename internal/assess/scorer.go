package assess

import (
	"cmp"
	"fmt"
	"math"
	"time"
)

// scorer adds up one unit's score as the tasks, events and records come,
// and writes the lines when the unit is explained.
type scorer struct {
	s       Scheme
	asOf    time.Time
	sc      Score
	explain bool

	total, earned float64 // weighted shares of the tasks due, and of the credit earned
	items         []item  // the tasks due, kept only to explain them
	lost          float64 // daily deductions
	bonus         float64
	penalty       float64
	lines         map[string][]Line // by part, kept only to explain
	touched       bool              // a task, event or record of the period concerned the unit
}

// item is a task due, as its explanation needs it.
type item struct {
	held
	ws, credit float64
	how        int
}

// How a task due in the period ended, for its credit.
const (
	onTime = iota
	late
	unfinished
)

func (c *scorer) task(h held) {
	if h.share == 0 {
		return
	}
	w := h.t.Weight
	if w <= 0 {
		w = c.s.DefaultWeight
	}
	c.touched = true
	credit, how := c.credit(h.t)
	ws := w * h.share
	c.total += ws
	c.earned += ws * credit
	c.sc.Tasks++
	if c.explain {
		c.items = append(c.items, item{held: h, ws: ws, credit: credit, how: how})
	}
}

// credit is what a task due in the period earns: on time, late, or open
// with part credit for its reported percent.
func (c *scorer) credit(t *Task) (float64, int) {
	k := c.s.KeyWork
	switch {
	case !t.Done.IsZero() && !t.Done.After(c.asOf) && !t.Done.After(t.Due):
		return k.OnTime, onTime
	case !t.Done.IsZero() && !t.Done.After(c.asOf):
		return k.Late, late
	}
	return k.Unfinished * math.Max(0, math.Min(100, t.Percent)) / 100, unfinished
}

// creditText says how a task earned its credit.
func (c *scorer) creditText(t *Task, how int) string {
	k := c.s.KeyWork
	switch how {
	case onTime:
		return fmt.Sprintf("%s 按时完成（到期 %s）", day(t.Done), day(t.Due))
	case late:
		return fmt.Sprintf("%s 完成，逾期 %d 天（到期 %s），按 %s%% 计", day(t.Done), int(t.Done.Sub(t.Due).Hours()/24), day(t.Due), num(k.Late*100))
	}
	return fmt.Sprintf("到期 %s 未完成，完成比例 %s%%，按其 %s%% 计", day(t.Due), num(math.Max(0, math.Min(100, t.Percent))), num(k.Unfinished*100))
}

func (c *scorer) event(h held, e *Event) {
	d := c.s.Daily
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
	cost := rate * h.share
	if cost == 0 {
		return
	}
	c.touched = true
	c.lost += cost
	if c.explain {
		c.line(Line{Part: PartDaily, TaskID: h.t.ID, EventKey: e.Key, Points: -cost,
			Text: fmt.Sprintf("%s %s「%s」（%s）：扣 %s 分", day(e.On), what, h.t.Title, h.role, num2(cost))})
	}
}

func (c *scorer) record(r *Record) {
	c.touched = true
	inc := c.s.Incentive
	if r.Kind == RecordAccountability {
		c.penalty += inc.Accountability
		if c.explain {
			c.line(Line{Part: PartIncentive, RecordID: r.ID, Points: -inc.Accountability,
				Text: fmt.Sprintf("%s 问责「%s」：扣 %s 分", day(r.On), r.Title, num2(inc.Accountability))})
		}
		return
	}
	b := inc.Bonus[r.Kind]
	if b == 0 {
		return
	}
	c.bonus += b
	if c.explain {
		c.line(Line{Part: PartIncentive, RecordID: r.ID, Points: b,
			Text: fmt.Sprintf("%s %s「%s」：加 %s 分", day(r.On), RecordLabel(r.Kind), r.Title, num2(b))})
	}
}

// finish works out the parts and, for an explained unit, puts the lines
// in the order of the parts.
func (c *scorer) finish(rates map[int64]float64, basis map[int64]RateBasis, avg rate) Score {
	c.finishKeyWork()
	c.finishDaily()
	c.finishIncentive()
	c.finishSatisfaction(rates, basis, avg)
	sc := &c.sc
	sc.KeyWork, sc.Daily, sc.Incentive, sc.Satisfaction = round2(sc.KeyWork), round2(sc.Daily), round2(sc.Incentive), round2(sc.Satisfaction)
	sc.Total = round2(sc.KeyWork + sc.Daily + sc.Incentive + sc.Satisfaction)
	for _, part := range []string{PartKeyWork, PartDaily, PartIncentive, PartSatisfaction} {
		sc.Lines = append(sc.Lines, c.lines[part]...)
	}
	return *sc
}

func (c *scorer) finishKeyWork() {
	k := c.s.KeyWork
	if c.sc.Tasks == 0 || c.total == 0 {
		c.sc.KeyWork = k.Points
		c.line(Line{Part: PartKeyWork, Points: k.Points, Text: "本期没有到期的任务，按满分计"})
		return
	}
	c.sc.KeyWork = k.Points * c.earned / c.total
	for _, it := range c.items {
		full := k.Points * it.ws / c.total
		got := full * it.credit
		w := it.t.Weight
		if w <= 0 {
			w = c.s.DefaultWeight
		}
		c.line(Line{Part: PartKeyWork, TaskID: it.t.ID, Points: got,
			Text: fmt.Sprintf("「%s」（%s，权重 %s）%s：得 %s 分，满分 %s", it.t.Title, it.role, num(w), c.creditText(it.t, it.how), num2(got), num2(full))})
	}
}

func (c *scorer) finishDaily() {
	d := c.s.Daily
	c.sc.Daily = math.Max(0, d.Points-c.lost)
	if !c.explain {
		return
	}
	base := Line{Part: PartDaily, Points: d.Points, Text: fmt.Sprintf("基础分 %s", num(d.Points))}
	c.lines[PartDaily] = append([]Line{base}, c.lines[PartDaily]...)
	if c.lost > d.Points {
		c.line(Line{Part: PartDaily, Points: c.lost - d.Points,
			Text: fmt.Sprintf("扣分合计 %s 超过本项分值 %s，本项按 0 分计", num2(c.lost), num(d.Points))})
	}
}

func (c *scorer) finishIncentive() {
	inc := c.s.Incentive
	bonus := c.bonus
	if bonus > inc.Cap {
		c.line(Line{Part: PartIncentive, Points: inc.Cap - bonus,
			Text: fmt.Sprintf("加分合计 %s 超过上限 %s，按 %s 分计", num2(bonus), num(inc.Cap), num(inc.Cap))})
		bonus = inc.Cap
	}
	c.sc.Incentive = bonus - c.penalty
}

// finishSatisfaction scores the public's part. The line names where the
// rate comes from when the caller said (RateBasis): the 12345 tickets and
// how many callers were visited.
func (c *scorer) finishSatisfaction(rates map[int64]float64, basis map[int64]RateBasis, avg rate) {
	pts := c.s.Satisfaction.Points
	if pts == 0 {
		return
	}
	b, known := basis[c.sc.UnitID]
	if r, ok := rates[c.sc.UnitID]; ok {
		c.sc.Satisfaction = pts * r
		text := fmt.Sprintf("满意率 %s%%：得 %s 分，满分 %s", num(round2(r*100)), num2(c.sc.Satisfaction), num(pts))
		if known {
			text = fmt.Sprintf("12345 工单满意率 %s%%（工单 %d 件，回访 %d 件）：得 %s 分，满分 %s",
				num(round2(r*100)), b.Tickets, b.Visited, num2(c.sc.Satisfaction), num(pts))
		}
		c.line(Line{Part: PartSatisfaction, Points: c.sc.Satisfaction, Text: text})
		return
	}
	// A unit whose tickets were not yet visited has no rate either, but
	// the line says so rather than that it had no tickets.
	why := "本单位无满意度数据"
	if known && b.Tickets > 0 {
		why = fmt.Sprintf("本期 12345 工单 %d 件尚无回访", b.Tickets)
	}
	if avg.units == 0 {
		c.sc.Satisfaction = pts
		text := "本期尚无满意度数据，按满分计"
		if known && b.Tickets > 0 {
			text = why + "，各单位均无满意度数据，按满分计"
		}
		c.line(Line{Part: PartSatisfaction, Points: pts, Text: text})
		return
	}
	c.sc.Satisfaction = pts * avg.value
	c.line(Line{Part: PartSatisfaction, Points: c.sc.Satisfaction,
		Text: fmt.Sprintf("%s，按 %d 个单位的平均满意率 %s%% 计：得 %s 分", why, avg.units, num(round2(avg.value*100)), num2(c.sc.Satisfaction))})
}

// line keeps a line of an explained unit. Callers in the per-task and
// per-event paths check explain first, so that the text is not written
// for the thousands of units nobody opens.
func (c *scorer) line(l Line) {
	if !c.explain {
		return
	}
	if c.lines == nil {
		c.lines = map[string][]Line{}
	}
	l.Points = round2(l.Points)
	c.lines[l.Part] = append(c.lines[l.Part], l)
}
