package webdeps

import (
	"fmt"
	"testing"
	"time"

	"github.com/duban/duban/internal/workday"
)

// TestMissingCalendarYears: the banner asks for this year's schedule at
// any time and next year's from November, when it is due out (the
// embedded calendar covers 2007–2026; 2027's schedule is not out yet).
func TestMissingCalendarYears(t *testing.T) {
	for _, c := range []struct {
		today string
		want  string
	}{{"2026-10-31", "[]"}, {"2026-11-01", "[2027]"}, {"2030-01-15", "[2030]"}, {"2030-12-01", "[2030 2031]"}} {
		today, _ := time.Parse(time.DateOnly, c.today)
		if got := fmt.Sprint(missingYears(workday.Default(), today)); got != c.want {
			t.Errorf("%s: missing %s, want %s", c.today, got, c.want)
		}
	}
}
