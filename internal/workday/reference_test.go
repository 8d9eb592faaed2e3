package workday

import (
	"encoding/json"
	"io/fs"
	"testing"
	"time"
)

// The brute-force reference: it reads the embedded notices with nothing but
// encoding/json into a map from "YYYY-MM-DD" to "is a working day", decides
// each date from that map and time.Weekday, and counts by stepping one day
// at a time. It shares no code with the calendar's index.

const refFirst, refLast = "2007-01-01", "2027-12-31" // the start dates checked
const refMaxN = 60

type reference struct {
	from time.Time // date of work[0]
	work []bool
}

func newReference(t testing.TB) reference {
	t.Helper()
	raw := map[string]bool{}
	names, err := fs.Glob(dataFS, "data/*.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("no data: %v", err)
	}
	for _, name := range names { // in year order: the later notice wins
		b, err := dataFS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var notice struct {
			Days []struct {
				Date     string `json:"date"`
				IsOffDay bool   `json:"isOffDay"`
			} `json:"days"`
		}
		if err := json.Unmarshal(b, &notice); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, d := range notice.Days {
			raw[d.Date] = !d.IsOffDay
		}
	}
	// Wide enough for 60 working days either side of the checked range.
	r := reference{from: time.Date(2006, 6, 1, 0, 0, 0, 0, time.UTC)}
	for d := r.from; d.Year() < 2029; d = d.AddDate(0, 0, 1) {
		w, listed := raw[d.Format("2006-01-02")]
		if !listed {
			w = d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
		}
		r.work = append(r.work, w)
	}
	return r
}

func (r reference) index(d time.Time) int { return int(d.Sub(r.from).Hours()) / 24 }
func (r reference) date(i int) time.Time  { return r.from.AddDate(0, 0, i) }

func (r reference) add(i, n int) int {
	if n == 0 {
		for !r.work[i] {
			i++
		}
		return i
	}
	for n > 0 {
		i++
		if r.work[i] {
			n--
		}
	}
	return i
}

func (r reference) sub(i, n int) int {
	if n == 0 {
		for !r.work[i] {
			i--
		}
		return i
	}
	for n > 0 {
		i--
		if r.work[i] {
			n--
		}
	}
	return i
}

// between counts the working days in (i, j], negated when j < i.
func (r reference) between(i, j int) int {
	sign := 1
	if j < i {
		i, j, sign = j, i, -1
	}
	c := 0
	for k := i + 1; k <= j; k++ {
		if r.work[k] {
			c++
		}
	}
	return sign * c
}

func TestAgainstBruteForce(t *testing.T) {
	r := newReference(t)
	cal := Default()
	first, last := r.index(day(t, refFirst)), r.index(day(t, refLast))
	t.Run("IsWorkday", func(t *testing.T) {
		t.Parallel()
		for i := first - refMaxN*2; i <= last+refMaxN*2; i++ {
			d := r.date(i)
			if cal.IsWorkday(d) != r.work[i] || cal.Day(d).Kind.Working() != r.work[i] {
				t.Fatalf("%s: IsWorkday = %v, Day = %v, reference %v", d.Format(time.DateOnly), cal.IsWorkday(d), cal.Day(d).Kind, r.work[i])
			}
		}
	})
	check := func(name string, f func(d time.Time, n int) time.Time, ref func(i, n int) int) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for i := first; i <= last; i++ {
				d := r.date(i)
				for n := 0; n <= refMaxN; n++ {
					if got, want := f(d, n), r.date(ref(i, n)); !got.Equal(want) {
						t.Fatalf("%s(%s, %d) = %s, want %s", name, d.Format(time.DateOnly), n,
							got.Format(time.DateOnly), want.Format(time.DateOnly))
					}
				}
			}
		})
	}
	check("AddWorkdays", cal.AddWorkdays, r.add)
	check("SubWorkdays", cal.SubWorkdays, r.sub)
	t.Run("WorkdaysBetween", func(t *testing.T) {
		t.Parallel()
		for i := first; i <= last; i++ {
			a := r.date(i)
			for n := -refMaxN; n <= refMaxN; n++ {
				if got, want := cal.WorkdaysBetween(a, r.date(i+n)), r.between(i, i+n); got != want {
					t.Fatalf("WorkdaysBetween(%s, %s) = %d, want %d", a.Format(time.DateOnly),
						r.date(i+n).Format(time.DateOnly), got, want)
				}
			}
		}
	})
}
