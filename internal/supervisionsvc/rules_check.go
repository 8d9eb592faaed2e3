package supervisionsvc

import (
	"fmt"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/supervise"
)

// CheckRules is every problem with r at once, each a catalogue key at the
// field of the rules' JSON it is about (remind_workdays, report_day,
// ladder.N.name, ladder.N.label, ladder.N.after_workdays,
// ladder.N.rectify_workdays, N counting levels from 0); nil when the rules
// hold. A level's fields are named by the level (rules.error.level), the
// others' keys name their field themselves. It refuses exactly what supervise.Rules.Validate refuses, so that
// the office is told in its own words before the store would refuse.
func CheckRules(r supervise.Rules) error {
	fields, labels := map[string]string{}, map[string]fault.Label{}
	if r.RemindWorkdays < 0 || r.RemindWorkdays > 60 {
		fields["remind_workdays"] = "rules.error.remind_range"
	}
	if r.ReportDay < 0 || r.ReportDay > 31 {
		fields["report_day"] = "rules.error.report_day_range"
	}
	seen := map[string]bool{}
	for i, l := range r.Ladder {
		level := fault.Label{Key: "rules.error.level", Args: map[string]any{"n": i + 1, "label": l.Label}}
		at := func(f string) string { // a field of the level, named by it
			k := fmt.Sprintf("ladder.%d.%s", i, f)
			labels[k] = level
			return k
		}
		switch {
		case l.Name == "":
			fields[at("name")] = "rules.error.name_missing"
		case seen[l.Name]:
			fields[at("name")] = "rules.error.name_taken"
		}
		seen[l.Name] = true
		if l.Label == "" {
			fields[at("label")] = "rules.error.label_missing"
		}
		if l.RectifyWorkdays < 1 || l.RectifyWorkdays > 60 {
			fields[at("rectify_workdays")] = "rules.error.rectify_range"
		}
		// A later level issued on its predecessor's deadline day would
		// escalate while the unit still has the day to answer.
		switch {
		case i == 0 && (l.AfterWorkdays < 0 || l.AfterWorkdays > 60):
			fields[at("after_workdays")] = "rules.error.after_range_first"
		case i > 0 && (l.AfterWorkdays < 1 || l.AfterWorkdays > 60):
			fields[at("after_workdays")] = "rules.error.after_range"
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return &fault.Error{Code: fault.Invalid, Fields: fields, Labels: labels}
}
