package supervise

import (
	"errors"
	"time"

	"github.com/duban/duban/internal/workday"
)

// ErrNoLadder: the rules have no notice level to issue by hand.
var ErrNoLadder = errors.New("supervise: the rules have no 督办单 level")

// Issue is the 督办单 the office issues by hand today, outside the ladder:
// the ladder's first level, with its 限期整改 deadline counted from today.
// Its key allows one a day per task, so a double click issues one. Left
// unanswered past its deadline it climbs the rest of the ladder as the
// rules' own notices do (see Due).
func Issue(t Task, rules Rules, today time.Time, cal *workday.Calendar) (Event, error) {
	if len(rules.Ladder) == 0 {
		return Event{}, ErrNoLadder
	}
	l := rules.Ladder[0]
	return Event{Key: key(t.ID, "issued", day(today)), TaskID: t.ID, Kind: KindIssued, Level: l.Name, Label: l.Label,
		Due: t.NextDue, On: today, Deadline: cal.AddWorkdays(today, l.RectifyWorkdays), Recorded: today}, nil
}
