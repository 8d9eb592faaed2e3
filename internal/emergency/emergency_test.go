package emergency

import (
	"strings"
	"testing"
	"time"
)

var cst = time.FixedZone("CST", 8*3600)

// TestClocks: a major incident on Saturday 21:30 (hours, not working
// days) is due for authoritative information at 02:30 Sunday and for a
// press conference at 21:30 Sunday; the states follow the clock as it
// runs, and a general incident has no deadline.
func TestClocks(t *testing.T) {
	occurred := time.Date(2026, 10, 3, 21, 30, 0, 0, cst) // 国庆 holiday and a Saturday
	at := func(day, hour, min int) time.Time { return time.Date(2026, 10, day, hour, min, 0, 0, cst) }
	states := func(cs []Clock) string {
		var s []string
		for _, c := range cs {
			s = append(s, c.Kind+"="+c.State)
		}
		return strings.Join(s, " ")
	}
	cs := Clocks(Major, occurred, nil, at(3, 22, 0))
	if !cs[0].Due.Equal(at(4, 2, 30)) || !cs[1].Due.Equal(at(4, 21, 30)) {
		t.Fatalf("due %s and %s", cs[0].Due.In(cst), cs[1].Due.In(cst))
	}
	if got := states(cs); got != "authoritative=pending press=pending" {
		t.Errorf("at 22:00: %s", got)
	}
	if !strings.Contains(cs[0].Why, "还剩 4小时30分") {
		t.Errorf("why %q", cs[0].Why)
	}
	if got := states(Clocks(Major, occurred, nil, at(4, 1, 45))); got != "authoritative=due_soon press=pending" {
		t.Errorf("at 01:45: %s", got)
	}
	if got := states(Clocks(Especially, occurred, nil, at(4, 3, 0))); got != "authoritative=overdue press=pending" {
		t.Errorf("at 03:00: %s", got)
	}
	done := map[string]time.Time{"authoritative": at(4, 1, 10), "press": at(4, 23, 0)}
	cs = Clocks(Major, occurred, done, at(5, 9, 0))
	if got := states(cs); got != "authoritative=on_time press=late" {
		t.Errorf("done: %s", got)
	}
	if !strings.Contains(cs[0].Why, "提前 1小时20分") || !strings.Contains(cs[1].Why, "超时 1小时30分") {
		t.Errorf("why %q / %q", cs[0].Why, cs[1].Why)
	}
	if got := states(Clocks(General, occurred, nil, at(9, 0, 0))); got != "authoritative=untimed press=untimed" {
		t.Errorf("general: %s", got)
	}
	if Span(45*time.Minute) != "45分" || Span(2*time.Hour) != "2小时" {
		t.Errorf("span")
	}
}
