package store

import (
	"strings"

	"github.com/duban/duban/internal/ledger"
)

// taskWhere builds the filter's SQL condition over tasks t and its arguments.
func (db *DB) taskWhere(f TaskFilter) (string, []any) {
	var w []string
	var args []any
	add := func(cond string, a ...any) { w, args = append(w, cond), append(args, a...) }
	if f.PlanID != 0 {
		add("t.plan_id = ?", f.PlanID)
	}
	if f.UnitID != 0 {
		// IN over a subquery is evaluated once as a set; a correlated
		// EXISTS made SQLite walk a unit's rows for every task.
		add("t.id IN (SELECT u.task_id FROM task_units u WHERE u.unit_id = ?)", f.UnitID)
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		if _, _, ok := db.searchFrom(q); ok {
			// The index drives the query: FindTaskPage's searchFrom.
		} else {
			// A lone Han character has no bigram: scan for it.
			q = "%" + escapeLike(q) + "%"
			add("(t.title LIKE ?"+likeEscape+" OR t.text LIKE ?"+likeEscape+
				" OR t.id IN (SELECT n.task_id FROM task_units n WHERE n.name LIKE ?"+likeEscape+"))", q, q, q)
		}
	}
	if f.Source != "" {
		add("t.plan_id IN (SELECT p.id FROM plans p WHERE p.source = ?)", f.Source)
	}
	if f.Registered {
		add("t.status <> 'draft'")
	}
	if f.Published {
		add("t.plan_id IN (SELECT p.id FROM plans p WHERE p.published_at IS NOT NULL)")
	}
	if f.Recurring {
		add("t.every IS NOT NULL AND t.status IN ('registered', 'in_progress')")
	}
	today, limit := f.Today.Format(dateLayout), f.DueSoonLimit.Format(dateLayout)
	open := "t.status IN ('registered', 'in_progress')"
	notSoon := "(t.next_due IS NULL OR t.next_due > ?)"
	switch f.Status {
	case ledger.StatusDraft:
		add("t.status = 'draft'")
	case ledger.StatusNotStarted:
		add("t.status = 'registered' AND "+notSoon, limit)
	case ledger.StatusOngoing:
		add("t.status = 'in_progress' AND "+notSoon, limit)
	case ledger.StatusDueSoon:
		add(open+" AND t.next_due >= ? AND t.next_due <= ?", today, limit)
	case ledger.StatusOverdue:
		add(open+" AND t.next_due < ?", today)
	case ledger.StatusPending:
		add("t.status = 'pending'")
	case ledger.StatusClosed:
		add("t.status = 'closed'")
	case ledger.StatusRevoked:
		add("t.status = 'revoked'")
	}
	switch f.Light {
	case ledger.Red:
		add("t.status IN ('registered', 'in_progress', 'pending') AND t.next_due < ?", today)
	case ledger.Yellow:
		add(open+" AND t.next_due >= ? AND t.next_due <= ?", today, limit)
	case ledger.Green:
		add("((t.status IN ('registered', 'in_progress') AND "+notSoon+") OR (t.status = 'pending' AND (t.next_due IS NULL OR t.next_due >= ?)))", limit, today)
	case ledger.Blue:
		add("t.status = 'closed'")
	case ledger.Gray:
		add("t.status = 'draft'")
	}
	if !f.DueFrom.IsZero() {
		add("t.next_due >= ?", f.DueFrom.Format(dateLayout))
	}
	if !f.DueTo.IsZero() {
		add("t.next_due <= ?", f.DueTo.Format(dateLayout))
	}
	if f.Scoped {
		in := marks(len(f.ScopeUnits))
		w = append(w, "t.id IN (SELECT s.task_id FROM task_units s WHERE s.unit_id IN ("+in+"))")
		for _, u := range f.ScopeUnits {
			args = append(args, u)
		}
	}
	if len(w) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(w, " AND "), args
}
