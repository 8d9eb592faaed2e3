package api

import (
	"time"

	"github.com/duban/duban/internal/emergency"
	"github.com/duban/duban/internal/emergencysvc"
	"github.com/duban/duban/internal/i18n"
)

// incidentView is a major incident as the API shows it, with where each
// disclosure duty's clock stands now.
type incidentView struct {
	ID         int64           `json:"id"`
	Title      string          `json:"title"`
	Level      string          `json:"level"`
	LevelLabel string          `json:"level_label"`
	OccurredAt time.Time       `json:"occurred_at"`
	UnitID     int64           `json:"unit_id"` // 0: no unit responsible yet
	Unit       string          `json:"unit"`
	Summary    string          `json:"summary"`
	CreatedBy  string          `json:"created_by"`
	CreatedAt  time.Time       `json:"created_at"`
	Clocks     []incidentClock `json:"clocks"`
}

// incidentClock is one duty: its time limit, whether and when it was done
// and with what evidence.
type incidentClock struct {
	Kind        string     `json:"kind"`
	Label       string     `json:"label"`
	WithinHours int        `json:"within_hours"`
	DueAt       *time.Time `json:"due_at"` // nil for a lesser incident, which has no statutory time
	DoneAt      *time.Time `json:"done_at"`
	State       string     `json:"state"`
	StateLabel  string     `json:"state_label"`
	// LeftMinutes is the time left while running, negative once overdue;
	// once done, the margin, negative if late.
	LeftMinutes int    `json:"left_minutes"`
	Why         string `json:"why"`
	Evidence    string `json:"evidence"`
	Actor       string `json:"actor"`
}

func viewIncident(loc i18n.Localizer, v *emergencysvc.View) incidentView {
	out := incidentView{ID: v.ID, Title: v.Title, Level: v.Level, LevelLabel: loc.Code("emergency.level", v.Level, emergency.Level(v.Level).Label()), OccurredAt: v.OccurredAt,
		UnitID: v.UnitID, Unit: v.Unit, Summary: v.Summary, CreatedBy: v.CreatedBy, CreatedAt: v.CreatedAt, Clocks: []incidentClock{}}
	for _, c := range v.Clocks {
		duty := v.Duties[c.Kind]
		ic := incidentClock{Kind: c.Kind, Label: loc.Code("emergency.duty", c.Kind, c.Label), WithinHours: int(c.Within.Hours()), DueAt: instant(c.Due), DoneAt: instant(c.Done),
			State: c.State, StateLabel: loc.Code("emergency.state", c.State, emergency.StateLabel(c.State)), LeftMinutes: int(c.Left / time.Minute), Why: emergencysvc.Why(loc, emergency.Level(v.Level), c),
			Evidence: duty.Evidence, Actor: duty.Actor}
		out.Clocks = append(out.Clocks, ic)
	}
	return out
}

// instant is a time as the API writes one that may be missing: null.
func instant(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
