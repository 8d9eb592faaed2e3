package workday

import "time"

// Day is one entry of a schedule: a date that is a day off, or a working
// day, and the holiday it belongs to. It is what the notices list, what
// ParseNotice and ParseICS return and what New and With take.
type Day struct {
	// Date is the civil date (see the package comment).
	Date time.Time
	// Name is the holiday the day belongs to, such as 春节 or 国庆节、中秋节;
	// empty for a correction that puts a day back under the plain rule.
	Name string
	// Off is true for a day off. False marks a working day: on a weekend
	// that is 调休上班.
	Off bool
	// NoticeYear is the year whose official schedule lists the day — a
	// December date can belong to the next year's notice, as 2018-12-29
	// belongs to 2019's — and 0 for an administrator's single-day
	// correction. Coverage reads it: a year is covered once any day of its
	// schedule is loaded.
	NoticeYear int
}

// Ordinary returns the correction that puts d back under the plain rule —
// a working day from Monday to Friday, a weekend day otherwise — for an
// administrator undoing a day that a notice or an earlier correction got
// wrong.
func Ordinary(d time.Time) Day {
	return Day{Date: DateOf(d), Off: isWeekend(dayOf(d))}
}

// Kind is what a date is on the calendar.
type Kind uint8

// The kinds of day.
const (
	Workday         Kind = iota // an ordinary working day, Monday to Friday
	Weekend                     // an ordinary Saturday or Sunday
	Holiday                     // a day off by notice (法定节假日 and the days added to it)
	AdjustedWorkday             // a weekend day worked to pay for a holiday (调休上班)
)

// String returns the kind in Chinese, as Explanation prints it.
func (k Kind) String() string {
	switch k {
	case Workday:
		return "工作日"
	case Weekend:
		return "周末"
	case Holiday:
		return "节假日"
	case AdjustedWorkday:
		return "调休上班"
	}
	return "未知"
}

// Working reports whether a day of this kind is a working day.
func (k Kind) Working() bool { return k == Workday || k == AdjustedWorkday }

// DayInfo is what the calendar says about one date.
type DayInfo struct {
	Date time.Time
	Kind Kind
	// Name is the holiday a Holiday or an AdjustedWorkday belongs to (the
	// latter's is the holiday it pays for); empty for other kinds.
	Name string
}

// code names the kind for the catalogue (workday.kind.*).
func (k Kind) code() string {
	switch k {
	case Workday:
		return "workday"
	case Weekend:
		return "weekend"
	case Holiday:
		return "holiday"
	case AdjustedWorkday:
		return "adjusted"
	}
	return "unknown"
}
