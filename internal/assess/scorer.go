package assess

import (
	"cmp"
	"math"
	"strconv"
	"time"

	"github.com/duban/duban/internal/supervise"
)

// scorer adds up one unit's score as the tasks, events and records come,
// and writes the lines when the unit is explained.
type scorer struct {
	s       Scheme
	asOf    time.Time
	sc      Score
	explain bool

	tally   *Tally  // the tasks due and the events, counted
	summed  bool    // the tally was given (Input.Tallies): tasks and events are not counted again
	items   []held  // the tasks due, kept only to explain them
	lost    float64 // deductions other than the events'
	bonus   float64
	penalty float64
	lines   map[string][]Line // by part, kept only to explain
	touched bool              // a record or a 建议/提案 mark of the period concerned the unit
}

// How a task due in the period ended, for its credit.
const (
	onTime = iota
	late
	unfinished
)

func (c *scorer) task(h held) {
	c.tally.Add(duePart(h, c.asOf), 1)
	if c.explain && c.s.share(h.co) != 0 {
		c.items = append(c.items, h)
	}
}

// weight is a task's weight, the scheme's default when it has none, as
// its tally counts it.
func (c *scorer) weight(t *Task) float64 {
	if w := thousandths(t.Weight); w > 0 {
		return float64(w) / 1000
	}
	return c.s.DefaultWeight
}

// credit is what a task due in the period earns: on time, late, or open
// with part credit for its reported percent.
func (c *scorer) credit(t *Task) (float64, int) {
	k := c.s.KeyWork
	switch how := outcome(t, c.asOf); how {
	case onTime:
		return k.OnTime, how
	case late:
		return k.Late, how
	}
	return k.Unfinished * math.Max(0, math.Min(100, t.Percent)) / 100, unfinished
}

// creditLine says how a task earned its credit: the line's key and the
// arguments of its own, to which the caller adds the task's.
func (c *scorer) creditLine(t *Task, how int) (string, map[string]string) {
	k := c.s.KeyWork
	switch how {
	case onTime:
		return "assess.line.on_time", map[string]string{"done": day(t.Done), "due": day(t.Due)}
	case late:
		return "assess.line.late", map[string]string{"done": day(t.Done), "days": strconv.Itoa(int(t.Done.Sub(t.Due).Hours() / 24)),
			"due": day(t.Due), "rate": num(k.Late * 100)}
	}
	return "assess.line.unfinished", map[string]string{"due": day(t.Due), "percent": num(math.Max(0, math.Min(100, t.Percent))),
		"rate": num(k.Unfinished * 100)}
}

func (c *scorer) event(h held, e *Event) {
	c.tally.Add(eventPart(h, e), 1)
	cost := c.s.Daily.rate(e.Kind, e.Level) * c.s.share(h.co)
	if !c.explain || cost == 0 {
		return
	}
	l := Line{Part: PartDaily, TaskID: h.t.ID, EventKey: e.Key, Points: -cost, Key: "assess.line.deduction",
		Args:  map[string]string{"on": day(e.On), "title": h.t.Title, "points": num2(cost)},
		Terms: map[string]string{"role": h.role()}}
	switch key, ok := supervise.LevelKey(e.Level, e.Label); {
	case e.Kind == "press" || e.Kind == "report_missing":
		l.Terms["what"] = "assess.line.what." + e.Kind
	case ok:
		l.Terms["what"] = key
	default: // the office's own ladder: its label as it wrote it
		l.Args["what"] = cmp.Or(e.Label, e.Level)
	}
	c.line(l)
}

// proposal deducts a 建议/提案 mark from the daily part, in full: the
// unit was its 主办.
func (c *scorer) proposal(m *ProposalMark) {
	cost := c.s.Daily.ProposalLate
	if m.Kind == "unsatisfied" {
		cost = c.s.Daily.ProposalUnsatisfied
	}
	if cost == 0 {
		return
	}
	c.touched = true
	c.lost += cost
	if c.explain {
		c.line(Line{Part: PartDaily, Points: -cost, Key: "assess.line.proposal_" + m.Kind,
			Args: map[string]string{"on": day(m.On), "title": m.Title, "points": num2(cost)}})
	}
}

func (c *scorer) record(r *Record) {
	c.touched = true // even a kind the scheme gives nothing
	inc := c.s.Incentive
	if r.Kind == RecordAccountability {
		c.penalty += inc.Accountability
		if c.explain {
			c.line(Line{Part: PartIncentive, RecordID: r.ID, Points: -inc.Accountability, Key: "assess.line.accountability",
				Args: map[string]string{"on": day(r.On), "title": r.Title, "points": num2(inc.Accountability)}})
		}
		return
	}
	b := inc.Bonus[r.Kind]
	if b == 0 {
		return
	}
	c.bonus += b
	if c.explain {
		c.line(Line{Part: PartIncentive, RecordID: r.ID, Points: b, Key: "assess.line.bonus",
			Args:  map[string]string{"on": day(r.On), "title": r.Title, "points": num2(b)},
			Terms: map[string]string{"kind": "assess.record." + r.Kind}})
	}
}

// finish works out the parts and, for an explained unit, puts the lines
// in the order of the parts; touched is false when nothing of the period
// concerned the unit (no task due, no event that costs, no record).
func (c *scorer) finish(rates map[int64]float64, basis map[int64]RateBasis, avg rate) (sc Score, touched bool) {
	total, earned, tasks := c.tally.keyWork(c.s)
	lost, costly := c.tally.deductions(c.s)
	if tasks == 0 && !costly && !c.touched {
		return Score{}, false
	}
	c.sc.Tasks = tasks
	c.lost += lost
	c.finishKeyWork(total, earned)
	c.finishDaily()
	c.finishIncentive()
	c.finishSatisfaction(rates, basis, avg)
	s := &c.sc
	s.KeyWork, s.Daily, s.Incentive, s.Satisfaction = round2(s.KeyWork), round2(s.Daily), round2(s.Incentive), round2(s.Satisfaction)
	s.Total = round2(s.KeyWork + s.Daily + s.Incentive + s.Satisfaction)
	for _, part := range []string{PartKeyWork, PartDaily, PartIncentive, PartSatisfaction} {
		s.Lines = append(s.Lines, c.lines[part]...)
	}
	return *s, true
}

// finishKeyWork scores the tasks due from their weighted total and the
// credit earned; an explained unit gets a line a task.
func (c *scorer) finishKeyWork(total, earned float64) {
	k := c.s.KeyWork
	if c.sc.Tasks == 0 || total == 0 {
		c.sc.KeyWork = k.Points
		c.line(Line{Part: PartKeyWork, Points: k.Points, Key: "assess.line.no_tasks"})
		return
	}
	c.sc.KeyWork = k.Points * earned / total
	for _, h := range c.items {
		w := c.weight(h.t)
		full := k.Points * (w * c.s.share(h.co)) / total // as before the tallies: the task's weighted share of the total
		credit, how := c.credit(h.t)
		key, args := c.creditLine(h.t, how)
		args["title"], args["weight"], args["points"], args["full"] = h.t.Title, num(w), num2(full*credit), num2(full)
		c.line(Line{Part: PartKeyWork, TaskID: h.t.ID, Points: full * credit, Key: key, Args: args, Terms: map[string]string{"role": h.role()}})
	}
}

func (c *scorer) finishDaily() {
	d := c.s.Daily
	c.sc.Daily = math.Max(0, d.Points-c.lost)
	if !c.explain {
		return
	}
	base := Line{Part: PartDaily, Points: d.Points, Key: "assess.line.base", Args: map[string]string{"points": num(d.Points)}}
	c.lines[PartDaily] = append([]Line{base}, c.lines[PartDaily]...)
	if c.lost > d.Points {
		c.line(Line{Part: PartDaily, Points: c.lost - d.Points, Key: "assess.line.daily_floor",
			Args: map[string]string{"lost": num2(c.lost), "points": num(d.Points)}})
	}
}

func (c *scorer) finishIncentive() {
	inc := c.s.Incentive
	bonus := c.bonus
	if bonus > inc.Cap {
		c.line(Line{Part: PartIncentive, Points: inc.Cap - bonus, Key: "assess.line.bonus_cap",
			Args: map[string]string{"bonus": num2(bonus), "cap": num(inc.Cap)}})
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
		l := Line{Part: PartSatisfaction, Points: c.sc.Satisfaction, Key: "assess.line.rate",
			Args: map[string]string{"rate": num(round2(r * 100)), "got": num2(c.sc.Satisfaction), "points": num(pts)}}
		if known {
			l.Key = "assess.line.rate_tickets"
			l.Args["tickets"], l.Args["visited"] = strconv.Itoa(b.Tickets), strconv.Itoa(b.Visited)
		}
		c.line(l)
		return
	}
	// A unit whose tickets were not yet visited has no rate either, but
	// the line says so rather than that it had no tickets.
	unvisited := known && b.Tickets > 0
	if avg.units == 0 {
		c.sc.Satisfaction = pts
		l := Line{Part: PartSatisfaction, Points: pts, Key: "assess.line.no_rate_full"}
		if unvisited {
			l.Key, l.Args = "assess.line.unvisited_full", map[string]string{"tickets": strconv.Itoa(b.Tickets)}
		}
		c.line(l)
		return
	}
	c.sc.Satisfaction = pts * avg.value
	l := Line{Part: PartSatisfaction, Points: c.sc.Satisfaction, Key: "assess.line.no_rate_average",
		Args: map[string]string{"units": strconv.Itoa(avg.units), "rate": num(round2(avg.value * 100)), "got": num2(c.sc.Satisfaction)}}
	if unvisited {
		l.Key, l.Args["tickets"] = "assess.line.unvisited_average", strconv.Itoa(b.Tickets)
	}
	c.line(l)
}

// line keeps a line of an explained unit. Callers in the per-task and
// per-event paths check explain first, so that the lines are not made
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
