package ledger

import (
	"testing"
	"time"
)

func TestParsePeriod(t *testing.T) {
	for _, key := range []string{"2026", "2026-H1", "2026-H2", "2026-Q1", "2026-Q4", "2026-01", "2026-12"} {
		p, err := ParsePeriod(key)
		if err != nil || p.Key != key || p.End.Before(p.Start) {
			t.Errorf("ParsePeriod(%q) = %+v, %v", key, p, err)
		}
	}
	for _, key := range []string{"", "26", "2026-Q5", "2026-13", "2026-H3", "2026-1", "abcd", "2026-Qx", "2026-00"} {
		if p, err := ParsePeriod(key); err == nil {
			t.Errorf("ParsePeriod(%q) = %+v, want an error", key, p)
		}
	}
	if p, _ := ParsePeriod("2026-Q3"); p.Start.Format(time.DateOnly) != "2026-07-01" || p.End.Format(time.DateOnly) != "2026-09-30" {
		t.Errorf("2026-Q3 = %s..%s", p.Start, p.End)
	}
}
