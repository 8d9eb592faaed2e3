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
		if id < 1 {
			return 0, false
		}
		return id, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || f < 1 || f > 1<<53 {
		return 0, false
	}
	return int64(f), true
}

// parsePercent reads a 完成比例 cell in percentage points. A number in a
// cell formatted as a percentage is stored as a fraction (60% is 0.6);
// anything else is read as written: 60, "60%", "６０％". A plain 0.6 is
// therefore 0.6 %, not 60 %: guessing would turn a real 1 % into 100 %.
func parsePercent(c xcell) (float64, bool) {
	s := strings.TrimSpace(width.Fold.String(c.text))
	if c.percent {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, false
		}
		return roundPercent(v * 100)
	}
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
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
