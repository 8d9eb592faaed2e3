package supervise

import (
	"strings"

	"github.com/duban/duban/internal/workday"
)

// Say renders a message of the catalogue (internal/i18n) in the reader's
// language: its key and name/value pairs. The pages pass their
// Localizer's T, so supervise itself holds no sentence.
type Say func(key string, args ...any) string

// defaultLevels are the ladder levels of the default rules; the catalogue
// names them (supervise.level.*) when their label is still the default.
var defaultLevels = func() map[string]string {
	m := map[string]string{}
	for _, l := range Default().Ladder {
		m[l.Name] = l.Label
	}
	return m
}()

// LevelLabel is a ladder level's label in the reader's language: the
// catalogue's name for a default level whose label the office kept, the
// office's own wording otherwise.
func LevelLabel(say Say, name, label string) string {
	if key, ok := LevelKey(name, label); ok {
		return say(key)
	}
	return label
}

// LevelKey is the catalogue key that names a ladder level, for a default
// level whose label the office kept; false when the label is the
// office's own wording, to be shown as written. Results kept for later
// rendering (an assessment line, a notification) hold the key.
func LevelKey(name, label string) (string, bool) {
	if def, ok := defaultLevels[name]; ok && def == label {
		return "supervise.level." + name, true
	}
	return "", false
}

// KindLabel is an event kind in the reader's language.
func KindLabel(say Say, k Kind) string { return say("supervise.kind." + string(k)) }

// Explain tells why an event happens and on which working day, with the
// working days counted and the holidays and weekends skipped, so that an
// office (or a unit disputing a notice) can check the date by hand.
func Explain(e Event, cal *workday.Calendar, say Say) string {
	var b strings.Builder
	due, on, basis := day(e.Due), day(e.On), day(e.Basis)
	label := LevelLabel(say, e.Level, e.Label)
	switch e.Kind {
	case KindRemind:
		b.WriteString(say("supervise.explain.remind", "task", e.TaskID, "due", due, "n", -e.Workdays, "on", on))
	case KindPress:
		key := "supervise.explain.press"
		if e.Workdays == 0 {
			key = "supervise.explain.press_late"
		}
		b.WriteString(say(key, "task", e.TaskID, "due", due, "on", on))
	case KindNotice:
		b.WriteString(say("supervise.explain.notice", "label", label, "task", e.TaskID, "due", due, "basis", basis, "n", e.Workdays, "on", on))
	case KindEscalate:
		key := "supervise.explain.escalate"
		if strings.Contains(e.Key, "/issued/") {
			key = "supervise.explain.escalate_issued"
		}
		b.WriteString(say(key, "label", label, "task", e.TaskID, "due", due, "basis", basis, "n", e.Workdays, "on", on))
	case KindIssued:
		b.WriteString(say("supervise.explain.issued", "label", label, "on", on, "task", e.TaskID))
	case KindReportMissing:
		b.WriteString(say("supervise.explain.report_missing", "task", e.TaskID, "period", e.Period, "due", due, "on", on))
	default:
		b.WriteString(say("supervise.explain.other", "kind", string(e.Kind), "on", on))
	}
	if !e.Basis.IsZero() && e.Workdays != 0 { // counting zero days explains nothing
		b.WriteString(say("supervise.explain.counting", "text", cal.Explain(e.Basis, e.Workdays).Text(workday.Say(say))))
	}
	if !e.Deadline.IsZero() {
		n := cal.WorkdaysBetween(e.On, e.Deadline)
		b.WriteString(say("supervise.explain.deadline", "n", n, "deadline", day(e.Deadline), "text", cal.Explain(e.On, n).Text(workday.Say(say))))
	}
	for _, m := range e.Moves {
		b.WriteString(say("supervise.explain.moved", "change", m.Change, "reason", m.Reason, "from", day(m.From), "to", day(m.To)))
	}
	return b.String()
}

// LabelIn is a ladder label in the reader's language when it is one of
// the default rules' labels, and as the office wrote it otherwise: for
// lists that carry the label without its level's name.
func LabelIn(say Say, label string) string {
	for name, def := range defaultLevels {
		if def == label {
			return say("supervise.level." + name)
		}
	}
	return label
}
