package metrics

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestTicksAndLag: each tick is counted by result, deliveries by
// outcome, and the time since the last tick is read at scrape time from
// the clock; an unreadable outbox is said, not hidden.
func TestTicksAndLag(t *testing.T) {
	now := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	m := New(Sources{Now: func() time.Time { return now },
		Outbox: func(context.Context) (map[[2]string]int, error) { return nil, errors.New("down") }})
	scrape := func() string {
		rec := httptest.NewRecorder()
		m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
		return rec.Body.String()
	}
	if body := scrape(); strings.Contains(body, "duban_scheduler_last_tick_timestamp_seconds ") {
		t.Error("a last tick before any tick")
	}
	m.Tick(2*time.Second, nil, 3, 1, 0)
	m.Tick(time.Second, errors.New("db"), 0, 0, 2)
	now = now.Add(90 * time.Second)
	body := scrape()
	for _, want := range []string{
		`duban_scheduler_ticks_total{result="ok"} 1`, `duban_scheduler_ticks_total{result="error"} 1`,
		`duban_notifications_delivered_total{outcome="sent"} 3`, `duban_notifications_delivered_total{outcome="dead"} 2`,
		"duban_scheduler_seconds_since_last_tick 90", "duban_scheduler_last_tick_timestamp_seconds 1.7965476e+09",
		"duban_scheduler_tick_duration_seconds_count 2", "duban_outbox_read_errors 1",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("lacks %q", want)
		}
	}
}
