package workday

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

func parseICSFile(t *testing.T, name string) []Day {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	days, err := ParseICS(f)
	if err != nil {
		t.Fatal(err)
	}
	return days
}

// The holiday-cn .ics form of a year reads back to the same days as its JSON.
func TestParseICSHolidayCN(t *testing.T) {
	got := parseICSFile(t, "testdata/holiday-cn-2025.ics")
	b, err := os.ReadFile("data/2025.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := ParseNotice(b)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(want, func(a, b Day) int { return a.Date.Compare(b.Date) })
	if !slices.Equal(got, want) {
		t.Errorf("ics days differ from the JSON:\n got %v\nwant %v", got, want)
	}
}

func TestParseICSApple(t *testing.T) {
	got := parseICSFile(t, "testdata/apple-2026.ics")
	// 02-14 worked, 02-15..02-23 off, 02-28 worked; 腊八节 and 元宵节 skipped.
	if len(got) != 11 {
		t.Fatalf("got %d days: %v", len(got), got)
	}
	if g := got[0]; !g.Date.Equal(day(t, "2026-02-14")) || g.Off || g.NoticeYear != 2026 {
		t.Errorf("first day = %+v", g)
	}
	if g := got[1]; !g.Date.Equal(day(t, "2026-02-15")) || !g.Off || g.Name != "春节" {
		t.Errorf("second day = %+v (the folded SUMMARY should read 春节)", g)
	}
	// The file agrees with the official 2026 schedule on every day it lists.
	cal := Default()
	for _, d := range got {
		if cal.IsWorkday(d.Date) == d.Off {
			t.Errorf("%v: the file says off=%v, the notice disagrees", d.Date, d.Off)
		}
	}
}

func TestParseICSForms(t *testing.T) {
	const head, tail = "BEGIN:VCALENDAR\nBEGIN:VEVENT\n", "END:VEVENT\nEND:VCALENDAR\n"
	cases := []struct {
		name, body string
		want       []string // date, off ("休"/"班"), name
	}{
		{"no DTEND", "SUMMARY:国庆节（休）\nDTSTART;VALUE=DATE:20261001\n", []string{"2026-10-01 休 国庆节"}},
		{"duration", "SUMMARY:休\nDTSTART:20261001\nDURATION:P2D\n", []string{"2026-10-01 休 ", "2026-10-02 休 "}},
		{"date-time in China", "SUMMARY:补班\nDTSTART;TZID=Asia/Shanghai:20261010T000000\nDTEND;TZID=Asia/Shanghai:20261011T000000\n", []string{"2026-10-10 班 "}},
		{"UTC date-time", "SUMMARY:[放假]国庆节\nDTSTART:20260930T160000Z\nDTEND:20261001T160000Z\n", []string{"2026-10-01 休 国庆节"}},
		{"categories say 上班", "SUMMARY:春节调休\nCATEGORIES:上班\nDTSTART;VALUE=DATE:20260214\n", []string{"2026-02-14 班 春节"}},
		{"late December belongs to next year", "SUMMARY:上班(补元旦假期)\nDTSTART;VALUE=DATE:20181229\n", []string{"2018-12-29 班 元旦 2019"}},
	}
	for _, c := range cases {
		days, err := ParseICS(strings.NewReader(head + c.body + tail))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var got []string
		for _, d := range days {
			s := d.Date.Format("2006-01-02") + map[bool]string{true: " 休 ", false: " 班 "}[d.Off] + d.Name
			if d.NoticeYear != d.Date.Year() {
				s += fmt.Sprintf(" %d", d.NoticeYear)
			}
			got = append(got, s)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestParseICSErrors(t *testing.T) {
	ev := func(lines ...string) string {
		return "BEGIN:VCALENDAR\nBEGIN:VEVENT\n" + strings.Join(lines, "\n") + "\nEND:VEVENT\nEND:VCALENDAR\n"
	}
	cases := []struct{ name, in, want string }{
		{"no DTSTART", ev("SUMMARY:春节假期"), "line 2: event has no DTSTART"},
		{"bad date", ev("SUMMARY:春节假期", "DTSTART;VALUE=DATE:2026021"), `line 4: DTSTART "2026021" is not a date`},
		{"impossible date", ev("SUMMARY:春节假期", "DTSTART;VALUE=DATE:20260230"), "line 4: DTSTART"},
		{"neither off nor worked", ev("SUMMARY:国庆节", "DTSTART;VALUE=DATE:20261001"), `line 2: cannot tell whether event "国庆节"`},
		{"调休 alone is ambiguous", ev("SUMMARY:春节调休", "DTSTART;VALUE=DATE:20260214"), "line 2: cannot tell"},
		{"end before start", ev("SUMMARY:休", "DTSTART;VALUE=DATE:20261005", "DTEND;VALUE=DATE:20261001"), "line 5: DTEND 20261001 is not after DTSTART"},
		{"too long", ev("SUMMARY:休", "DTSTART;VALUE=DATE:20260101", "DTEND;VALUE=DATE:20280101"), "line 4: event spans 730 days"},
		{"recurring", ev("SUMMARY:休", "DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY"), "line 5: recurring events"},
		{"bad duration", ev("SUMMARY:休", "DTSTART;VALUE=DATE:20260101", "DURATION:PT5H"), "line 5: DURATION"},
		{"two DTSTART", ev("SUMMARY:休", "DTSTART;VALUE=DATE:20260101", "DTSTART;VALUE=DATE:20260102"), "line 5: a second DTSTART"},
		{"unclosed", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:休\nDTSTART:20260101\n", "line 2: BEGIN:VEVENT is never closed"},
		{"mismatched END", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n", "line 3: END:VCALENDAR, but BEGIN:VEVENT of line 2"},
		{"END without BEGIN", "END:VEVENT\n", "line 1: END:VEVENT without BEGIN"},
		{"nested event", "BEGIN:VEVENT\nBEGIN:VEVENT\n", "line 2: BEGIN:VEVENT inside the event of line 1"},
		{"not a content line", "BEGIN:VCALENDAR\nhello world\n", `line 2: "hello world" is not a NAME:value line`},
		{"bad name", "BEGIN:VCALENDAR\n春节:休\n", "line 2: \"春节\" is not a property name"},
		{"leading continuation", " folded\n", "line 1: continuation line"},
		{"conflict", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:休\nDTSTART:20260214\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:班\nDTSTART:20260214\nEND:VEVENT\nEND:VCALENDAR\n",
			"line 6: 2026-02-14 is a working day here but a day off in the event on line 2"},
		{"nothing", "BEGIN:VCALENDAR\nEND:VCALENDAR\n", "no day off or working day found"},
		{"only festivals", ev("SUMMARY:腊八节", "DTSTART:20260126", "X-APPLE-SPECIAL-DAY:TRUE"), "no day off or working day found"},
	}
	for _, c := range cases {
		_, err := ParseICS(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "workday: ics") {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}
