package hotline

import "time"

// 统一督办: what the centre chases on an open ticket, by the clock.
const (
	RemindTriage   = "triage_waiting" // left in triage, not routed
	RemindSignLate = "sign_late"      // routed, not signed for in time
	RemindDueSoon  = "due_soon"       // the deadline is near
	RemindOverdue  = "overdue"        // the deadline passed, not answered
)

// Reminder thresholds: triage should route within TriageHours, and a
// ticket is 临期 within DueSoonHours of its deadline.
const (
	TriageHours  = 2
	DueSoonHours = 24
)

// Reminder is one thing to chase, with the moment it is about: a
// reminder is sent once per kind and moment, so a ticket routed again,
// extended or reopened is chased again.
type Reminder struct {
	Kind string
	At   time.Time
}

// Open is what reminders read of a ticket.
type Open struct {
	State                           State
	Received, Assigned, Signed, Due time.Time // zero when not yet
	SignHours                       int
}

// Reminders are what the centre chases on t at now.
func Reminders(t Open, now time.Time) []Reminder {
	var out []Reminder
	switch t.State {
	case Triage:
		if now.Sub(t.Received) > TriageHours*time.Hour {
			out = append(out, Reminder{RemindTriage, t.Received})
		}
		return out
	case Assigned:
		if signBy := t.Assigned.Add(time.Duration(t.SignHours) * time.Hour); now.After(signBy) {
			out = append(out, Reminder{RemindSignLate, t.Assigned})
		}
	case Accepted:
	default:
		return nil
	}
	switch left := t.Due.Sub(now); {
	case left < 0:
		out = append(out, Reminder{RemindOverdue, t.Due})
	case left <= DueSoonHours*time.Hour:
		out = append(out, Reminder{RemindDueSoon, t.Due})
	}
	return out
}
