package web

import (
	"strconv"

	"github.com/duban/duban/internal/assess"
)

// assessFuncs are the template functions of the assessment pages.
func assessFuncs() map[string]any {
	return map[string]any{
		// pts writes points to the hundredth: 62.35.
		"pts": func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) },
		// signed writes a contribution with its sign: +2.00, −0.50.
		"signed": func(v float64) string {
			if v < 0 {
				return "−" + strconv.FormatFloat(-v, 'f', 2, 64)
			}
			return "+" + strconv.FormatFloat(v, 'f', 2, 64)
		},
		"recordKinds": func() []string { return assess.RecordKinds },
		// redirects are where a request that is no ticket goes.
		"redirects": func() []string { return []string{"disclosure", "petition", "litigation"} },
		// pct1 writes a percentage to a tenth: 66.7.
		"pct1": func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
		// rate100 turns a rate (0–1) into a percentage for pct1.
		"rate100": func(v float64) float64 { return v * 100 },
	}
}
