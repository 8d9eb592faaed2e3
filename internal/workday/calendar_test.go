package workday

import (
	"slices"
	"testing"
	"time"
)

// day parses a test date, failing the test on a typo.
func day(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The expectations below were worked out by hand from the notices in data/
// (2026: 国务院办公厅 2025-11, content_7047091) with a wall calendar; the
// weekday of each date is written beside it.
func TestKnownSchedules(t *testing.T) {
	cal := Default()
	kinds := []struct {
		date string
		kind Kind
		name string
	}{
		{"2026-02-13", Workday, ""},           // Fri, last day before 春节
		{"2026-02-14", AdjustedWorkday, "春节"}, // Sat, 调休上班
		{"2026-02-15", Holiday, "春节"},         // Sun, first day off
		{"2026-02-23", Holiday, "春节"},         // Mon, last day off
		{"2026-02-24", Workday, ""},           // Tue
		{"2026-02-28", AdjustedWorkday, "春节"}, // Sat, 调休上班
		{"2026-03-01", Weekend, ""},           // Sun, an ordinary weekend
		{"2026-01-04", AdjustedWorkday, "元旦"}, // Sun
		{"2026-09-20", AdjustedWorkday, "国庆节"},
		{"2026-09-25", Holiday, "中秋节"}, // Fri
		{"2026-10-07", Holiday, "国庆节"}, // Wed
		{"2026-10-10", AdjustedWorkday, "国庆节"},
		{"2025-10-08", Holiday, "国庆节、中秋节"},
		{"2025-10-11", AdjustedWorkday, "国庆节、中秋节"},
		{"2018-12-29", AdjustedWorkday, "元旦"}, // listed by 2019's notice
		{"2020-02-03", Workday, ""},           // Mon: listed as a working day, which it already was
	}
	for _, k := range kinds {
		got := cal.Day(day(t, k.date))
		if got.Kind != k.kind || got.Name != k.name || !got.Date.Equal(day(t, k.date)) {
			t.Errorf("Day(%s) = %v %q, want %v %q", k.date, got.Kind, got.Name, k.kind, k.name)
		}
		if cal.IsWorkday(got.Date) != k.kind.Working() {
			t.Errorf("IsWorkday(%s) disagrees with Day", k.date)
		}
	}

	adds := []struct {
		from string
		n    int
		want string
	}{
		{"2026-02-12", 1, "2026-02-13"},
		{"2026-02-13", 1, "2026-02-14"}, // the 调休 Saturday counts
		{"2026-02-13", 3, "2026-02-25"}, // 02-14, then 02-24, 02-25
		{"2026-02-14", 1, "2026-02-24"}, // over the whole holiday
		{"2026-02-15", 0, "2026-02-24"}, // n = 0 on a day off: the next working day
		{"2026-02-24", 0, "2026-02-24"}, // n = 0 on a working day: itself
		{"2025-12-31", 1, "2026-01-04"}, // Wed → Sun (调休) across the year
		{"2025-12-31", 2, "2026-01-05"},
		{"2026-09-18", 1, "2026-09-20"}, // Fri → Sun (调休)
		{"2026-09-30", 1, "2026-10-08"},
		{"2026-09-30", 3, "2026-10-10"}, // 10-08, 10-09, Sat 10-10 (调休)
		{"2026-09-30", 4, "2026-10-12"},
		{"2025-09-30", 1, "2025-10-09"},
		{"2025-09-30", 3, "2025-10-11"},
		{"2025-09-30", 4, "2025-10-13"},
		{"2020-01-23", 1, "2020-02-03"}, // 春节 extended to 02-02 by the notice of 2020-01-27
		{"2019-04-30", 1, "2019-05-05"}, // 劳动节 as amended in 2019-03: Sun 05-05 worked
		{"2026-03-06", 1, "2026-03-09"},
	}
	for _, a := range adds {
		if got := cal.AddWorkdays(day(t, a.from), a.n); !got.Equal(day(t, a.want)) {
			t.Errorf("AddWorkdays(%s, %d) = %s, want %s", a.from, a.n, got.Format(time.DateOnly), a.want)
		}
	}

	subs := []struct {
		from string
		n    int
		want string
	}{
		{"2026-02-24", 1, "2026-02-14"},
		{"2026-02-25", 3, "2026-02-13"},
		{"2026-02-20", 0, "2026-02-14"}, // n = 0 on a day off: the previous working day
		{"2025-10-09", 1, "2025-09-30"},
		{"2025-09-29", 1, "2025-09-28"},
		{"2026-10-08", 1, "2026-09-30"},
	}
	for _, s := range subs {
		if got := cal.SubWorkdays(day(t, s.from), s.n); !got.Equal(day(t, s.want)) {
			t.Errorf("SubWorkdays(%s, %d) = %s, want %s", s.from, s.n, got.Format(time.DateOnly), s.want)
		}
	}

	// (02-13, 02-28]: 02-14, 02-24, 02-25, 02-26, 02-27, 02-28.
	if got := cal.WorkdaysBetween(day(t, "2026-02-13"), day(t, "2026-02-28")); got != 6 {
		t.Errorf("WorkdaysBetween(2026-02-13, 2026-02-28) = %d, want 6", got)
	}
	if got := cal.WorkdaysBetween(day(t, "2026-02-28"), day(t, "2026-02-13")); got != -6 {
		t.Errorf("WorkdaysBetween reversed = %d, want -6", got)
	}
	// (09-26, 10-12]: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11.
	if got := cal.WorkdaysBetween(day(t, "2025-09-26"), day(t, "2025-10-12")); got != 6 {
		t.Errorf("WorkdaysBetween(2025-09-26, 2025-10-12) = %d, want 6", got)
	}
	if got := cal.NextWorkday(day(t, "2026-02-14")); !got.Equal(day(t, "2026-02-24")) {
		t.Errorf("NextWorkday(2026-02-14) = %s", got)
	}
	if got := cal.PrevWorkday(day(t, "2026-02-24")); !got.Equal(day(t, "2026-02-14")) {
		t.Errorf("PrevWorkday(2026-02-24) = %s", got)
	}
	if got := cal.AddWorkdays(day(t, "2026-02-25"), -3); !got.Equal(day(t, "2026-02-13")) {
		t.Errorf("AddWorkdays(2026-02-25, -3) = %s, want 2026-02-13", got)
	}
}

func TestOverrides(t *testing.T) {
	base := Default()
	local := base.With(Day{Date: day(t, "2026-03-03"), Name: "地方节日", Off: true})
	if got := local.AddWorkdays(day(t, "2026-03-02"), 1); !got.Equal(day(t, "2026-03-04")) {
		t.Errorf("with a local holiday on 03-03: AddWorkdays(03-02, 1) = %s, want 2026-03-04", got)
	}
	if got := base.AddWorkdays(day(t, "2026-03-02"), 1); !got.Equal(day(t, "2026-03-03")) {
		t.Errorf("the base calendar changed: AddWorkdays(03-02, 1) = %s, want 2026-03-03", got)
	}
	if got := local.Day(day(t, "2026-03-03")); got.Kind != Holiday || got.Name != "地方节日" {
		t.Errorf("Day(03-03) = %+v", got)
	}
	// A deadline 20 working days after 02-27 moves by one day.
	if a, b := base.AddWorkdays(day(t, "2026-02-27"), 20), local.AddWorkdays(day(t, "2026-02-27"), 20); b.Sub(a) != 24*time.Hour {
		t.Errorf("20 working days from 02-27: base %s, local %s", a, b)
	}

	// An administrator undoes the 调休 Saturday: it becomes an ordinary weekend.
	fixed := base.With(Ordinary(day(t, "2026-02-14")))
	if got := fixed.Day(day(t, "2026-02-14")); got.Kind != Weekend {
		t.Errorf("Ordinary(02-14): Day = %+v, want a weekend", got)
	}
	if got := fixed.AddWorkdays(day(t, "2026-02-13"), 1); !got.Equal(day(t, "2026-02-24")) {
		t.Errorf("Ordinary(02-14): AddWorkdays(02-13, 1) = %s, want 2026-02-24", got)
	}
	// ...and a holiday weekday back to a working day.
	if got := base.With(Ordinary(day(t, "2026-02-16"))).Day(day(t, "2026-02-16")); got.Kind != Workday {
		t.Errorf("Ordinary(02-16): Day = %+v, want a working day", got)
	}

	// Corrections far from the data (another century) work the same way.
	far := New(nil).With(Day{Date: day(t, "2101-01-03"), Name: "测试", Off: true})
	if got := far.AddWorkdays(day(t, "2101-01-02"), 1); !got.Equal(day(t, "2101-01-04")) {
		t.Errorf("far override: AddWorkdays = %s, want 2101-01-04", got)
	}

	// Corrections thousands of years apart make the lookup tables too big;
	// the index falls back to searching, with the same answers.
	wide := base.With(Day{Date: Date(-20000, 1, 3), Off: true}, Day{Date: Date(12000, 1, 4), Off: true})
	if wide.idx.byDay != nil {
		t.Error("the lookup tables were built for a 32,000-year span")
	}
	for _, s := range []string{"2026-02-13", "2026-09-30", "2025-12-31"} {
		for n := 0; n < 30; n++ {
			if a, b := wide.AddWorkdays(day(t, s), n), base.AddWorkdays(day(t, s), n); !a.Equal(b) {
				t.Fatalf("wide: AddWorkdays(%s, %d) = %s, want %s", s, n, a, b)
			}
		}
	}
	if got := wide.AddWorkdays(Date(-20000, 1, 2), 1); wide.IsWorkday(Date(-20000, 1, 3)) || !got.After(Date(-20000, 1, 3)) {
		t.Errorf("wide: AddWorkdays(-20000-01-02, 1) = %v", got)
	}

	// Later overrides win, also within one call.
	twice := base.With(Day{Date: day(t, "2026-03-03"), Off: true, Name: "甲"}, Day{Date: day(t, "2026-03-03"), Off: false})
	if !twice.IsWorkday(day(t, "2026-03-03")) {
		t.Error("the later of two overrides did not win")
	}
}

func TestCoverage(t *testing.T) {
	cal := Default()
	for y := 2007; y <= 2026; y++ {
		if !cal.Coverage(y) {
			t.Errorf("Coverage(%d) = false", y)
		}
	}
	// 2006 has two days in 2007's notice but no notice of its own; 2027's is not out.
	for _, y := range []int{2006, 2027, 2028} {
		if cal.Coverage(y) {
			t.Errorf("Coverage(%d) = true", y)
		}
	}
	if got := cal.MissingYears(2025, 2027); !slices.Equal(got, []int{2027}) {
		t.Errorf("MissingYears(2025, 2027) = %v, want [2027]", got)
	}
	if got := cal.MissingYears(2010, 2026); got != nil {
		t.Errorf("MissingYears(2010, 2026) = %v, want none", got)
	}
	if got := cal.CoveredYears(); len(got) != 20 || got[0] != 2007 || got[19] != 2026 {
		t.Errorf("CoveredYears = %v", got)
	}
	// A correction is not a schedule.
	if cal.With(Day{Date: day(t, "2027-01-01"), Off: true, Name: "元旦"}).Coverage(2027) {
		t.Error("a single-day correction covered 2027")
	}
}

func TestDays(t *testing.T) {
	days := Default().Days()
	if !slices.IsSortedFunc(days, func(a, b Day) int { return a.Date.Compare(b.Date) }) {
		t.Error("Days is not in date order")
	}
	if len(days) < 600 {
		t.Errorf("Days has %d entries", len(days))
	}
	again := New(days)
	for d := day(t, "2006-01-01"); d.Year() < 2028; d = d.AddDate(0, 0, 1) {
		if again.Day(d) != Default().Day(d) {
			t.Fatalf("New(Default().Days()) differs on %s", d.Format(time.DateOnly))
		}
	}
}

func TestDates(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	if got := DateOf(time.Date(2026, 2, 15, 0, 30, 0, 0, shanghai)); !got.Equal(Date(2026, 2, 15)) || got.Location() != time.UTC {
		t.Errorf("DateOf(00:30 in Shanghai) = %v, want 2026-02-15 UTC", got)
	}
	if got := Default().AddWorkdays(time.Date(2026, 2, 13, 23, 59, 0, 0, shanghai), 1); !got.Equal(Date(2026, 2, 14)) {
		t.Errorf("AddWorkdays from a Shanghai clock reading = %v", got)
	}
	if got := DateOf(Date(1969, 12, 31)); !got.Equal(Date(1969, 12, 31)) {
		t.Errorf("DateOf before 1970 = %v", got)
	}
	for _, bad := range []string{"", "2026-2-15", "2026-02-30", "2026/02/15", "2026-02-15T00:00:00Z", " 2026-02-15"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) succeeded", bad)
		}
	}
	if d, err := ParseDate("2026-02-15"); err != nil || !d.Equal(Date(2026, 2, 15)) {
		t.Errorf("ParseDate = %v, %v", d, err)
	}
	for d, want := range map[int]time.Weekday{0: time.Thursday, -1: time.Wednesday, -3: time.Monday, 4: time.Monday} {
		if got := time.Weekday((weekdayIndex(d) + 1) % 7); got != want {
			t.Errorf("weekdayIndex(%d) means %v, want %v", d, got, want)
		}
	}
}

// Calendars are shared by request handlers and the scheduler; run with -race.
func TestConcurrentUse(t *testing.T) {
	done := make(chan bool)
	for g := range 4 {
		go func() {
			cal := Default()
			local := cal.With(Day{Date: Date(2026, 3, 3+g), Off: true, Name: "地方节日"})
			for i := range 2000 {
				d := Date(2026, 1, 1).AddDate(0, 0, i%365)
				if cal.AddWorkdays(d, i%40).Before(d) || local.SubWorkdays(d, i%40).After(d) {
					t.Error("a result on the wrong side of its start")
				}
				_ = cal.Explain(d, i%5).String()
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
}
