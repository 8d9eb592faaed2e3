package workday

import "time"

// The counting conventions follow the Civil Code on periods (民法典 第二百
// 零一条、第二百零三条): the day a period starts is not counted, and a
// period that would end on a day off ends on the next working day. So
// "within 3 working days of 2026-02-13" ends on AddWorkdays(2026-02-13, 3).

// AddWorkdays returns the n-th working day after d, d itself not counted:
// for n ≥ 1 the result is after d and exactly n working days lie in
// (d, result]. For n = 0 it returns d if d is a working day, else the next
// working day — the rule for a due date that falls on a day off. A negative
// n counts backwards: AddWorkdays(d, -n) is SubWorkdays(d, n).
//
// It is the function for 限期整改 "within n working days" and for any
// deadline counted in working days; it takes constant time, whatever n.
func (c *Calendar) AddWorkdays(d time.Time, n int) time.Time {
	if n < 0 {
		return timeOf(c.sub(dayOf(d), -n))
	}
	return timeOf(c.add(dayOf(d), n))
}

// SubWorkdays returns the n-th working day before d, d itself not counted:
// for n ≥ 1 the result is before d and n working days lie in [result, d).
// For n = 0 it returns d if d is a working day, else the previous working
// day. A negative n counts forwards. A reminder due "n working days before"
// a deadline falls on SubWorkdays(deadline, n).
func (c *Calendar) SubWorkdays(d time.Time, n int) time.Time {
	if n < 0 {
		return timeOf(c.add(dayOf(d), -n))
	}
	return timeOf(c.sub(dayOf(d), n))
}

func (c *Calendar) add(x, n int) int {
	if n == 0 {
		return c.idx.selectK(c.idx.rank(x))
	}
	return c.idx.selectK(c.idx.rank(x+1) + n - 1)
}

func (c *Calendar) sub(x, n int) int {
	if n == 0 {
		return c.idx.selectK(c.idx.rank(x+1) - 1)
	}
	return c.idx.selectK(c.idx.rank(x) - n)
}

// WorkdaysBetween returns the number of working days in (a, b]: a is not
// counted, b is. It is negative when b is before a, counting (b, a], so that
// WorkdaysBetween(d, AddWorkdays(d, n)) == n for every d and n ≥ 1 — the
// number of working days a task has left, or is overdue by.
func (c *Calendar) WorkdaysBetween(a, b time.Time) int {
	return c.idx.rank(dayOf(b)+1) - c.idx.rank(dayOf(a)+1)
}

// NextWorkday returns the first working day strictly after d — where a
// 催办 falls when d was a missed due date.
func (c *Calendar) NextWorkday(d time.Time) time.Time { return c.AddWorkdays(d, 1) }

// PrevWorkday returns the last working day strictly before d.
func (c *Calendar) PrevWorkday(d time.Time) time.Time { return c.SubWorkdays(d, 1) }
