package supervise

import (
	"cmp"
	"slices"
	"time"

	"github.com/duban/duban/internal/workday"
)

// Due returns every event that should exist for task t by today and is not
// yet in history, in date order (On, then the order of the ladder, then
// Key), each with Recorded set to today.
//
// It reads the task as it stands today: a closed or pending task gets
// nothing further, and a chain of 催办 and notices runs only for the task's
// current NextDue — once that date moves on it was met. After downtime all
// the missed events come out at once with the On dates they would have had;
// a reminder caught up after its due date is still returned, so that the
// record is complete, and the sender may choose to drop it as stale.
//
// A notice already in history counts with its recorded Deadline — what the
// unit was told — and its Answered flag, which stops the ladder.
func Due(r Rules, cal *workday.Calendar, t Task, history []Event, today time.Time) ([]Event, error) {
	today = workday.DateOf(today)
	if !t.active() {
		return nil, nil
	}
	have := make(map[string]Event, len(history))
	for _, e := range history {
		have[e.Key] = e
	}
	var out []Event
	if !t.NextDue.IsZero() {
		out = dueChain(r, cal, t, have, today)
	}
	out = append(out, issuedChains(r, cal, t, history, have, today)...)
	if t.Every != "" {
		missing, err := reportsMissing(r, cal, t, have, today)
		if err != nil {
			return nil, err
		}
		out = append(out, missing...)
	}
	for i := range out {
		out[i].TaskID = t.ID
		out[i].Recorded = today
	}
	slices.SortFunc(out, func(a, b Event) int {
		return cmp.Or(a.On.Compare(b.On), cmp.Compare(kindOrder[a.Kind], kindOrder[b.Kind]), cmp.Compare(a.Key, b.Key))
	})
	return out, nil
}

// kindOrder orders events of one day as they happen: a 催办 before the
// notice it leads to.
var kindOrder = map[Kind]int{KindRemind: 0, KindPress: 1, KindNotice: 2, KindEscalate: 3, KindReportMissing: 4}

// dueChain is the reminder, the 催办 and the notice ladder of the task's
// next due date.
func dueChain(r Rules, cal *workday.Calendar, t Task, have map[string]Event, today time.Time) []Event {
	var out []Event
	due := workday.DateOf(t.NextDue)
	eff := cal.AddWorkdays(due, 0) // a due date on a day off moves to the next working day
	registered := workday.DateOf(t.RegisteredAt)

	// A reminder meant for a day before the task was registered is not
	// owed: nobody could have sent it.
	if r.RemindWorkdays > 0 {
		e := Event{Key: key(t.ID, string(KindRemind), day(due)), Kind: KindRemind, Due: due,
			On: cal.SubWorkdays(eff, r.RemindWorkdays), Basis: eff, Workdays: -r.RemindWorkdays}
		if _, ok := have[e.Key]; !ok && !e.On.After(today) && !e.On.Before(registered) {
			out = append(out, e)
		}
	}

	// A task registered already overdue is pressed on the day it is
	// registered (or the next working day), not on a date before it existed.
	press := Event{Key: key(t.ID, string(KindPress), day(due)), Kind: KindPress, Due: due,
		On: cal.NextWorkday(eff), Basis: eff, Workdays: 1}
	if press.On.Before(registered) {
		press.On, press.Basis, press.Workdays = cal.AddWorkdays(registered, 0), registered, 0
	}
	if press.On.After(today) {
		return out
	}
	if _, ok := have[press.Key]; !ok && r.PressAfterMissed {
		out = append(out, press)
	}

	return append(out, climb(r.Ladder, cal, have, today, press.On, due, func(l Level) string {
		return key(t.ID, "notice", l.Name, day(due))
	})...)
}

// climb walks a notice ladder from the step that starts it (on prev):
// each level recorded in have counts with its recorded deadline and stops
// the climb once answered; the first level not recorded is issued
// AfterWorkdays after the step before it, if that day has come, and the
// climb goes on from its deadline. It returns the levels to record.
func climb(ladder []Level, cal *workday.Calendar, have map[string]Event, today, prev, due time.Time, keyOf func(Level) string) []Event {
	var out []Event
	for i, l := range ladder {
		kind := KindNotice
		if i > 0 {
			kind = KindEscalate
		}
		e, recorded := have[keyOf(l)]
		if !recorded {
			on := cal.AddWorkdays(prev, l.AfterWorkdays)
			if on.After(today) {
				break
			}
			e = Event{Key: keyOf(l), Kind: kind, Level: l.Name, Label: l.Label,
				Due: due, On: on, Deadline: cal.AddWorkdays(on, l.RectifyWorkdays), Basis: prev, Workdays: l.AfterWorkdays}
			out = append(out, e)
		}
		if e.Answered {
			break
		}
		prev = e.Deadline
		if prev.IsZero() { // recorded by hand without a deadline: count from its issue
			prev = cal.AddWorkdays(e.On, l.RectifyWorkdays)
		}
	}
	return out
}

// issuedChains escalates the 督办单 the office issued by hand as the
// rules' own: left unanswered past its 限期整改 deadline, it climbs to the
// next levels of the ladder (keys t42/issued/2026-09-30/yellow, …).
func issuedChains(r Rules, cal *workday.Calendar, t Task, history []Event, have map[string]Event, today time.Time) []Event {
	if len(r.Ladder) < 2 {
		return nil
	}
	var out []Event
	for _, base := range history {
		if base.Kind != KindIssued || base.Answered {
			continue
		}
		prev := base.Deadline
		if prev.IsZero() {
			prev = cal.AddWorkdays(base.On, r.Ladder[0].RectifyWorkdays)
		}
		out = append(out, climb(r.Ladder[1:], cal, have, today, prev, base.Due, func(l Level) string {
			return base.Key + "/" + l.Name
		})...)
	}
	for i := range out {
		out[i].Kind = KindEscalate // the issued notice itself was the first level
	}
	return out
}
