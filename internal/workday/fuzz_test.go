package workday

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// FuzzAddWorkdays checks the invariants of the arithmetic on the default
// calendar with one arbitrary correction laid over it, so that the index is
// exercised on layouts the data never has (a lone year in another century, a
// weekday turned off, a weekend turned on).
func FuzzAddWorkdays(f *testing.F) {
	f.Add(int32(20497), uint16(3), int32(20498), true) // 2026-02-13 + 3, 02-14 made a day off
	f.Add(int32(20501), uint16(0), int32(0), false)    // from inside 春节 (02-17)
	f.Add(int32(-5000), uint16(400), int32(-4990), false)
	f.Add(int32(47000), uint16(61), int32(47005), true)
	base := Default()
	f.Fuzz(func(t *testing.T, start int32, n uint16, override int32, off bool) {
		s := timeOf(int(start) % 60000) // within about 1806–2134
		k := int(n % 500)
		ov := timeOf(int(override) % 60000)
		cal := base.With(Day{Date: ov, Off: off, Name: "x"})

		r := cal.AddWorkdays(s, k)
		if !cal.IsWorkday(r) {
			t.Fatalf("AddWorkdays(%v, %d) = %v, not a working day", s, k, r)
		}
		if r.Before(s) || (k > 0 && !r.After(s)) {
			t.Fatalf("AddWorkdays(%v, %d) = %v, not after the start", s, k, r)
		}
		if k > 0 && cal.WorkdaysBetween(s, r) != k {
			t.Fatalf("WorkdaysBetween(%v, AddWorkdays(…, %d)) = %d", s, k, cal.WorkdaysBetween(s, r))
		}
		if k > 0 && cal.WorkdaysBetween(s, r.AddDate(0, 0, -1)) != k-1 {
			t.Fatalf("AddWorkdays(%v, %d) = %v is not the first such day", s, k, r)
		}
		if k == 0 && cal.IsWorkday(s) && !r.Equal(s) {
			t.Fatalf("AddWorkdays(%v, 0) = %v on a working day", s, r)
		}
		if cal.IsWorkday(s) && k > 0 && !cal.SubWorkdays(r, k).Equal(s) {
			t.Fatalf("SubWorkdays(AddWorkdays(%v, %d), %d) = %v", s, k, k, cal.SubWorkdays(r, k))
		}
		b := cal.SubWorkdays(s, k)
		if !cal.IsWorkday(b) || b.After(s) || (k > 0 && cal.WorkdaysBetween(b, s.AddDate(0, 0, -1)) != k-1) {
			t.Fatalf("SubWorkdays(%v, %d) = %v", s, k, b)
		}
		if k <= 120 {
			// A naive walk over IsWorkday agrees, and so does Explain.
			d := s
			for k == 0 && !cal.IsWorkday(d) {
				d = d.AddDate(0, 0, 1)
			}
			for left := k; left > 0; {
				d = d.AddDate(0, 0, 1)
				if cal.IsWorkday(d) {
					left--
				}
			}
			if !d.Equal(r) {
				t.Fatalf("AddWorkdays(%v, %d) = %v, walking gives %v", s, k, r, d)
			}
			e := cal.Explain(s, k)
			if !e.Due.Equal(r) || len(e.Counted) != k {
				t.Fatalf("Explain(%v, %d) ends on %v after %d days, AddWorkdays on %v", s, k, e.Due, len(e.Counted), r)
			}
		}
		if got := cal.Day(r).Kind; !got.Working() {
			t.Fatalf("Day(%v) = %v for a working day", r, got)
		}
	})
}

// FuzzParseICS feeds arbitrary files to ParseICS: it must not panic, and
// what it accepts must be well formed.
func FuzzParseICS(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.ics")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("BEGIN:VEVENT\nSUMMARY:休\nDTSTART:20260101\nDTEND:20251231T120000\nEND:VEVENT\n"))
	f.Add([]byte("BEGIN:VEVENT\nSUMMARY:班\nDTSTART:20261231T235959Z\nDURATION:P1W\nEND:VEVENT\n"))
	f.Add([]byte("BEGIN:VEVENT\r\nSUMMARY;LANGUAGE=zh:\"a:b\"\\,休\r\n DTSTART:x\r\nEND:VEVENT"))
	f.Fuzz(func(t *testing.T, data []byte) {
		days, err := ParseICS(bytes.NewReader(data))
		if err != nil {
			return
		}
		if len(days) == 0 {
			t.Fatal("no error and no days")
		}
		if !slices.IsSortedFunc(days, func(a, b Day) int { return a.Date.Compare(b.Date) }) {
			t.Fatal("days not in date order")
		}
		for i, d := range days {
			if d.Date.Location() != time.UTC || !d.Date.Equal(DateOf(d.Date)) {
				t.Fatalf("%v is not a date at UTC midnight", d.Date)
			}
			if i > 0 && d.Date.Equal(days[i-1].Date) {
				t.Fatalf("%v listed twice", d.Date)
			}
			if d.NoticeYear != d.Date.Year() && d.NoticeYear != d.Date.Year()+1 {
				t.Fatalf("%v has notice year %d", d.Date, d.NoticeYear)
			}
		}
		New(days) // and a calendar can be built from them
	})
}
