package workday

import (
	"os"
	"strings"
	"testing"
)

func TestParseNotice(t *testing.T) {
	b, err := os.ReadFile("testdata/notice-2027.json")
	if err != nil {
		t.Fatal(err)
	}
	days, err := ParseNotice(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 10 || days[0].Name != "元旦" || !days[0].Off || days[0].NoticeYear != 2027 ||
		!days[0].Date.Equal(day(t, "2027-01-01")) || days[1].Off {
		t.Errorf("days = %+v", days[:2])
	}

	// Loading the year covers it and moves its deadlines.
	cal := Default()
	loaded := cal.With(days...)
	if !loaded.Coverage(2027) || cal.Coverage(2027) {
		t.Error("loading 2027 did not cover it, or changed the default calendar")
	}
	if got := loaded.MissingYears(2026, 2027); got != nil {
		t.Errorf("MissingYears after loading = %v", got)
	}
	// Fri 2027-02-05 + 1: Sat 02-06 is worked in the (made-up) schedule.
	if got := loaded.AddWorkdays(day(t, "2027-02-05"), 1); !got.Equal(day(t, "2027-02-06")) {
		t.Errorf("AddWorkdays(2027-02-05, 1) = %s, want 2027-02-06", got)
	}
	if got := cal.AddWorkdays(day(t, "2027-02-05"), 1); !got.Equal(day(t, "2027-02-08")) {
		t.Errorf("without 2027: AddWorkdays(2027-02-05, 1) = %s, want 2027-02-08", got)
	}

	// The published but empty 2027 file: no days, no error, no coverage.
	empty, err := ParseNotice([]byte(`{"year": 2027, "papers": [], "days": []}`))
	if err != nil || len(empty) != 0 {
		t.Errorf("empty notice: %v, %v", empty, err)
	}

	// Every embedded file parses, with the notice year on each day.
	all, err := embeddedDays()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range all {
		if y := d.Date.Year(); d.NoticeYear != y && d.NoticeYear != y+1 {
			t.Errorf("%v has notice year %d", d.Date, d.NoticeYear)
		}
	}
}

func TestParseNoticeErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{"year": 2027, "days": [`, "line 1, column 24"},
		{"{\n  \"year\": \"2027\"\n}", "line 2"},
		{`{"days": []}`, `no "year"`},
		{`{"year": 0, "days": []}`, "out of range"},
		{`{"year": 2027}`, `no "days"`},
		{`{"year": 2027, "days": [{"name": "元旦", "date": "2027-1-1", "isOffDay": true}]}`, `days[0]: bad date "2027-1-1"`},
		{`{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01"}]}`, `days[0] (2027-01-01): no "isOffDay"`},
		{`{"year": 2027, "days": [{"name": "元旦", "date": "2029-01-01", "isOffDay": true}]}`, "not within a year of 2027"},
		{`{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true},
			{"name": "元旦", "date": "2027-01-01", "isOffDay": false}]}`, "days[1]: 2027-01-01 is listed twice (also days[0])"},
	}
	for _, c := range cases {
		_, err := ParseNotice([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "workday: ") {
			t.Errorf("ParseNotice(%.40q): error %v, want one containing %q", c.in, err, c.want)
		}
	}
}
