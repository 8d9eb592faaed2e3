package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/duban/duban/internal/assess"
)

// The ranking's sums (migration 0041): per unit, role and month, what the
// tasks falling due and their supervision events add to assess.Tally,
// folded in by FoldAssessment and read by RankingInput.

// scoredEventKinds are the supervision events that cost points.
const scoredEventKinds = `('press', 'notice', 'escalate', 'issued', 'report_missing')`

// assessState is what the scores read of one task: the task, its units
// (groups left out), the day it was completed, and its events that cost
// points (with what an explanation names: the title, the events' keys
// and labels).
type assessState struct {
	task      assess.Task
	draft     bool
	revokedOn time.Time
	events    []assess.Event
}

// parts is what the task adds to its units' tallies as it stands on asOf,
// for a period ending on limit: nothing for a draft, or for a task revoked
// (撤销) by then — it left the ledger that day.
func (st *assessState) parts(out []assess.Part, asOf, limit time.Time) []assess.Part {
	if !st.assessed(limit) {
		return out
	}
	return assess.Parts(out, &st.task, st.events, asOf)
}

// assessed says whether a period ending on limit assesses the task: not
// a draft, not one missing, nor one revoked by then.
func (st *assessState) assessed(limit time.Time) bool {
	return st != nil && !st.draft && (st.revokedOn.IsZero() || st.revokedOn.After(limit))
}

// forever is the day a fold counts as of: every completion counts, and
// every revoked task is out.
var forever = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// readAssessStates reads the tasks of scope (over tasks t, or a child
// table c) as the scores see them; a task that is not there is missing
// from the map.
func (db *DB) readAssessStates(ctx context.Context, tx *sql.Tx, in childScope) (map[int64]*assessState, error) {
	states := map[int64]*assessState{}
	query := func(what, q string, scan func(*sql.Rows) error) error {
		rows, err := tx.QueryContext(ctx, db.dialect.rebind(q), in.args...)
		if err != nil {
			return fmt.Errorf("store: scored %s: %w", what, err)
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return fmt.Errorf("store: scored %s: %w", what, err)
			}
		}
		return rows.Err()
	}
	err := query("tasks", `SELECT t.id, t.title, t.status, t.weight, t.due, t.percent, t.revoked_on FROM tasks t WHERE `+in.taskWhere, func(rows *sql.Rows) error {
		st := &assessState{}
		var status string
		var weight, percent sql.NullFloat64
		var due, revoked dateValue
		if err := rows.Scan(&st.task.ID, &st.task.Title, &status, &weight, &due, &percent, &revoked); err != nil {
			return err
		}
		st.draft = status == "draft"
		st.task.Weight, st.task.Percent = weight.Float64, percent.Float64
		st.task.Due, _ = parseDay(string(due))
		st.revokedOn, _ = parseDay(string(revoked))
		states[st.task.ID] = st
		return nil
	})
	if err != nil {
		return nil, err
	}
	// A task that names one unit twice gives it one share, lead if either
	// is (assess's holders), as AssessmentInput reads it.
	err = query("units", `SELECT c.task_id, c.unit_id, c.is_lead FROM task_units c JOIN units u ON u.id = c.unit_id
		WHERE u.kind <> 'group' AND `+in.where+` ORDER BY c.task_id, c.seq`, func(rows *sql.Rows) error {
		var task int64
		var s assess.Share
		if err := rows.Scan(&task, &s.UnitID, &s.Lead); err != nil {
			return err
		}
		if st := states[task]; st != nil {
			st.task.Units = append(st.task.Units, s)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = query("completions", `SELECT c.task_id, c.created_at FROM close_requests c WHERE c.decision = 'closed' AND `+in.where, func(rows *sql.Rows) error {
		var task int64
		var applied time.Time
		if err := rows.Scan(&task, &applied); err != nil {
			return err
		}
		if st := states[task]; st != nil {
			st.task.Done = completedBy(st.task.Done, applied)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = query("events", `SELECT c.task_id, c.key, c.kind, c.level, c.label, c.on_day FROM supervision_events c
		WHERE c.kind IN `+scoredEventKinds+` AND `+in.where, func(rows *sql.Rows) error {
		var task int64
		var e assess.Event
		var on dateValue
		if err := rows.Scan(&task, &e.Key, &e.Kind, &e.Level, &e.Label, &on); err != nil {
			return err
		}
		if st := states[task]; st != nil {
			e.TaskID = task
			e.On, _ = parseDay(string(on))
			st.events = append(st.events, e)
		}
		return nil
	})
	return states, err
}

// foldedPart is an assess.Part as assess_folded keeps it: by month, the
// day no longer needed once summed.
type foldedPart struct {
	Unit    int64  `json:"u"`
	Month   int    `json:"m"`
	Co      bool   `json:"c,omitempty"`
	Kind    string `json:"k,omitempty"`
	Level   string `json:"l,omitempty"`
	How     int    `json:"h,omitempty"`
	Weight  int64  `json:"w,omitempty"`
	Percent int64  `json:"p,omitempty"`
}

func foldPart(p assess.Part) foldedPart {
	return foldedPart{Unit: p.Unit, Month: monthOf(p.Day), Co: p.Co, Kind: p.Kind, Level: p.Level, How: p.How, Weight: p.Weight, Percent: p.Percent}
}

func (f foldedPart) part() assess.Part {
	return assess.Part{Unit: f.Unit, Day: time.Date(f.Month/100, time.Month(f.Month%100), 1, 0, 0, 0, 0, time.UTC), Co: f.Co,
		Kind: f.Kind, Level: f.Level, How: f.How, Weight: f.Weight, Percent: f.Percent}
}

// monthOf is a day's month as the sums key it: 202603.
func monthOf(d time.Time) int { return d.Year()*100 + int(d.Month()) }

// readFolded reads what the tasks of scope last added to the sums.
func (db *DB) readFolded(ctx context.Context, tx *sql.Tx, in childScope) (map[int64][]foldedPart, error) {
	out := map[int64][]foldedPart{}
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT c.task_id, c.parts FROM assess_folded c WHERE `+in.where), in.args...)
	if err != nil {
		return nil, fmt.Errorf("store: folded parts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return nil, fmt.Errorf("store: folded parts: %w", err)
		}
		var parts []foldedPart
		if err := json.Unmarshal([]byte(text), &parts); err != nil {
			return nil, fmt.Errorf("store: folded parts of task %d: %w", id, err)
		}
		out[id] = parts
	}
	return out, rows.Err()
}
