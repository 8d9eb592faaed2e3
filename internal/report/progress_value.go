package report

import (
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// cleanText is a progress text as stored: trimmed, with Windows line ends
// made plain, since Excel on Windows writes "\r\n" inside cells.
func cleanText(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

// parseTaskID reads a 任务编号 cell. Numbers come back as "101", but a cell
// someone retyped as text may hold "１０１" or " 101 ", and a cell that went
// through a float may hold "101.0"; all are the same task.
func parseTaskID(raw string) (int64, bool) {
	s := strings.TrimSpace(width.Fold.String(raw))
	if id, err := strconv.ParseInt(s, 10, 64); err == nil {
		return id, id > 0
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || f < 1 || f > 1<<53 {
		return 0, false
	}
	return int64(f), true
}

// parsePercent reads a 完成比例 cell in percentage points. shown is the cell
// as displayed, raw its stored value. A cell formatted as a percentage
// shows "60%" but stores 0.6, and the stored value is the precise one (the
// display rounds 62.5% to "63%"); a number typed as text, "60%" or "60",
// stores what it shows.
func parsePercent(shown, raw string) (float64, bool) {
	shown = strings.TrimSpace(width.Fold.String(shown))
	raw = strings.TrimSpace(width.Fold.String(raw))
	if num, ok := strings.CutSuffix(shown, "%"); ok && !strings.HasSuffix(raw, "%") {
		v, err := strconv.ParseFloat(raw, 64)
		d, derr := strconv.ParseFloat(strings.TrimSpace(num), 64)
		if err == nil && derr == nil {
			// A real percent format shows 100× what it stores; a format
			// like 0"%" shows the stored number with a sign after it.
			// Whichever reading is nearer the display is the one meant.
			if math.Abs(v*100-d) <= math.Abs(v-d) {
				v *= 100
			}
			return roundPercent(v)
		}
	}
	s := strings.TrimSpace(strings.TrimSuffix(raw, "%"))
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return roundPercent(v)
}

// roundPercent drops float noise (0.07×100 = 7.000000000000001) and refuses
// NaN and infinities, which ParseFloat accepts as words.
func roundPercent(v float64) (float64, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return math.Round(v*1e6) / 1e6, true
}
