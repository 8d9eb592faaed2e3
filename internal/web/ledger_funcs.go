package web

import (
	"fmt"
	"html/template"
	"strconv"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledger"
)

// ledgerFuncs are the template functions of the ledger's pages. Labels
// come from the catalogue by code ("ledger.status.overdue"), not from the
// Chinese labels the domain packages carry, so zh-TW reads right too.
func ledgerFuncs(loc i18n.Localizer) template.FuncMap {
	return template.FuncMap{
		"status":      func(code string) string { return loc.T(ledgerStatusKey(code)) },
		"light":       func(code string) string { return loc.T(lightKey(code)) },
		"cadence":     func(every string) string { return loc.T(cadenceKey(every)) },
		"planStatus":  func(s string) string { return loc.T(planStatusKey(s)) },
		"event":       func(kind string) string { return loc.T(eventKey(kind)) },
		"supervision": func(kind string) string { return loc.T(supervisionKey(kind)) },
		"channel":     func(name string) string { return loc.T(channelKey(name)) },
		"path":        ledger.Numbering, // 二（一）1, as the document numbers it
		"pct":         pct,
		"num":         func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) },
		"numPtr": func(v *float64) string {
			if v == nil {
				return ""
			}
			return strconv.FormatFloat(*v, 'f', -1, 64)
		},
		"size":   fileSize,
		"hasInt": func(list []int, n int) bool { return containsInt(list, n) },
		"hasStr": func(list []string, s string) bool {
			for _, x := range list {
				if x == s {
					return true
				}
			}
			return false
		},
		"inc": func(i int) int { return i + 1 },
		"fileInput": func(id string, max int64, errKey string) FileInput {
			return FileInput{ID: id, Max: max, MaxMB: max >> 20, Error: errKey}
		},
		// field names an indexed row's input: field "units" 2 "name".
		"field": func(list string, i int, name string) string { return fmt.Sprintf("%s.%d.%s", list, i, name) },
	}
}

// FileInput is the attachments field of a form: its id, the size limit
// for the browser's hint, and the field's error key.
type FileInput struct {
	ID    string
	Max   int64
	MaxMB int64
	Error string
}

func ledgerStatusKey(code string) string { return "ledger.status." + code }
func lightKey(code string) string        { return "ledger.light." + code }
func planStatusKey(s string) string      { return "plan.status." + s }
func eventKey(kind string) string        { return "task.event." + kind }
func supervisionKey(kind string) string  { return "supervision.kind." + kind }
func channelKey(name string) string      { return "inbox.channel." + name }

func cadenceKey(every string) string {
	if every == "" {
		return "cadence.none"
	}
	return "cadence." + every
}

// pct shows a percentage without a needless fraction: 40%, 62.5%.
func pct(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64) + "%"
}

// fileSize is a byte count as people read it.
func fileSize(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt((n+1023)>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }
