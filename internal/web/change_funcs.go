package web

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
)

// ChangeLine is one field a change moved, as the 变更记录 shows it.
type ChangeLine struct {
	Label, From, To string
}

// changeFields are the fields a change may record, in the order shown.
var changeFields = []string{"status", "due", "title", "lead_units", "units", "requirement", "text"}

// changeFuncs are the template functions of the 变更记录.
func changeFuncs(loc i18n.Localizer) template.FuncMap {
	return template.FuncMap{
		"changeKind":  func(kind string) string { return loc.T("change.kind." + kind) },
		"changeState": func(state string) string { return loc.T("change.state." + state) },
		"changeLines": func(c records.TaskChange) []ChangeLine {
			var out []ChangeLine
			for _, f := range changeFields {
				from, had := c.Before[f]
				to, has := c.After[f]
				if !had && !has {
					continue
				}
				if c.Kind == records.ChangeExtensionRefused && f == "due" {
					continue // nothing moved
				}
				a, b := changeValue(loc, f, from), changeValue(loc, f, to)
				if a == b {
					continue
				}
				out = append(out, ChangeLine{Label: loc.T("change.field." + f), From: a, To: b})
			}
			return out
		},
	}
}

// changeValue words a recorded value: a list joined with 、, a status by
// its label, an empty value as a dash.
func changeValue(loc i18n.Localizer, field string, v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case []any:
		parts := make([]string, 0, len(x))
		for _, p := range x {
			parts = append(parts, fmt.Sprint(p))
		}
		if len(parts) == 0 {
			return "—"
		}
		return strings.Join(parts, "、")
	case string:
		if x == "" {
			return "—"
		}
		if field == "status" {
			return loc.T(ledgerStatusKey(workflowStatus(x)))
		}
		return x
	}
	return fmt.Sprint(v)
}

// workflowStatus is the ledger status a stored workflow state shows as,
// where the two differ.
func workflowStatus(w string) string {
	if w == "registered" {
		return "not_started"
	}
	return w
}
