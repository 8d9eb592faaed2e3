package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// unitMoves are the columns that point at a unit and how a merge moves
// them. Every column the schema has that is named unit_id or refers to
// units must be here (TestUnitMergeKnowsEveryUnitColumn); a merge also
// checks, before it commits, that nothing points at the merged unit any
// more, so that a column added later and forgotten here refuses the
// merge instead of losing its rows to ON DELETE.
var unitMoves = []unitMove{
	{table: "units", column: "parent_id"},
	{table: "unit_aliases", column: "unit_id"},
	{table: "user_units", column: "unit_id", pairedWith: "user_id"},
	{table: "unit_group_members", column: "unit_id", pairedWith: "group_id"},
	{table: "task_units", column: "unit_id"},
	{table: "progress_reports", column: "unit_id"},
	{table: "close_requests", column: "unit_id"},
	{table: "notifications", column: "unit_id"},
	{table: "assessment_records", column: "unit_id"},
	{table: "ticket_services", column: "unit_id"},
	{table: "tickets", column: "unit_id"},
	{table: "ticket_events", column: "unit_id"},
	{table: "incidents", column: "unit_id"},
	{table: "task_changes", column: "unit_id"},
	{table: "inspection_plan_units", column: "unit_id", pairedWith: "entry_id"},
	{table: "inspection_findings", column: "unit_id"},
	{table: "random_plans", column: "unit_id"},
	{table: "random_matters", column: "unit_id"},
	{table: "proposals", column: "lead_unit_id"},
	{table: "proposal_units", column: "unit_id", pairedWith: "proposal_id"},
	{table: "proposal_events", column: "unit_id"},
	{table: "decisions", column: "unit_id"},
	{table: "commitments", column: "unit_id"},
}

// unitMove is one column a merge moves. A column that is half of a
// primary key (pairedWith names the other half: a user's units, a group's
// members) gains the target's pair where it lacks it and loses the merged
// unit's; any other column is rewritten.
type unitMove struct {
	table, column, pairedWith string
}

func (m unitMove) key() string { return m.table + "." + m.column }

// MergeUnit merges unit from into unit into, in one transaction: every
// row that pointed at from — tasks' units, progress reports, 销号
// applications, notices sent, 激励/问责 records, 12345 tickets and their
// steps and categories, incidents, liaisons' bindings, group memberships,
// sub-units and aliases — points at into; from's name becomes an alias of
// into and from is removed from the registry. Merging a unit into one of
// its own sub-units is ErrInvalid. The audit entry (unit.merge) holds both
// units as they were and the rows moved per table.
func (db *DB) MergeUnit(ctx context.Context, actor audit.Actor, from, into int64) (*records.UnitMerge, error) {
	if from == into {
		return nil, fmt.Errorf("store: merge unit %d into itself: %w", from, ErrInvalid)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: merge unit: %w", err)
	}
	defer tx.Rollback()
	src, err := db.findUnit(ctx, tx, from)
	if err != nil {
		return nil, err
	}
	dst, err := db.findUnit(ctx, tx, into)
	if err != nil {
		return nil, err
	}
	if err := db.checkNoCycle(ctx, tx, from, into); err != nil {
		return nil, err // into sits under from
	}
	out := &records.UnitMerge{From: *src, Into: *dst, Moved: map[string]int{}}
	for _, m := range unitMoves {
		n, err := db.moveUnitColumn(ctx, tx, m, from, into)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			out.Moved[m.key()] = n
		}
	}
	if err := db.checkNothingPointsAt(ctx, tx, from); err != nil {
		return nil, err
	}
	// A catch-all unit's group (分解下达) goes to the target that stands
	// for none.
	if src.MembersGroupID != 0 && dst.MembersGroupID == 0 {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE units SET members_group_id = ? WHERE id = ?`), src.MembersGroupID, into); err != nil {
			return nil, fmt.Errorf("store: merge unit %d: group: %w", from, err)
		}
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM units WHERE id = ?`), from); err != nil {
		return nil, fmt.Errorf("store: merge unit %d: remove: %w", from, err)
	}
	// The merged unit's name is free now: it becomes the target's alias,
	// so that a plan that still says it is matched to the target.
	if err := db.setAliases(ctx, tx, into, []string{src.Name}); err != nil {
		return nil, err
	}
	if err := db.linkTaskUnits(ctx, tx, 0); err != nil {
		return nil, err
	}
	after, err := db.findUnit(ctx, tx, into)
	if err != nil {
		return nil, err
	}
	out.Into = *after
	if err := db.appendAudit(ctx, tx, actor, "unit.merge", "unit", into,
		map[string]any{"from": src, "into": dst}, map[string]any{"into": after, "moved": out.Moved}); err != nil {
		return nil, err
	}
	return out, db.commit(tx)
}

func (db *DB) moveUnitColumn(ctx context.Context, tx *sql.Tx, m unitMove, from, into int64) (int, error) {
	var stmts []string
	if m.pairedWith == "" {
		stmts = []string{fmt.Sprintf(`UPDATE %s SET %s = ? WHERE %s = ?`, m.table, m.column, m.column)}
	} else {
		stmts = []string{
			fmt.Sprintf(`INSERT INTO %[1]s (%[2]s, %[3]s) SELECT o.%[2]s, ? FROM %[1]s o WHERE o.%[3]s = ?
				AND NOT EXISTS (SELECT 1 FROM %[1]s x WHERE x.%[2]s = o.%[2]s AND x.%[3]s = ?)`, m.table, m.pairedWith, m.column),
			fmt.Sprintf(`DELETE FROM %s WHERE %s = ?`, m.table, m.column),
		}
	}
	var moved int64
	for i, q := range stmts {
		args := []any{into, from}
		switch {
		case m.pairedWith != "" && i == 0:
			args = []any{into, from, into}
		case m.pairedWith != "":
			args = []any{from}
		}
		if m.table == "units" {
			q += ` AND id <> ?`
			args = append(args, into)
		}
		res, err := tx.ExecContext(ctx, db.dialect.rebind(q), args...)
		if err != nil {
			return 0, fmt.Errorf("store: merge unit %d: move %s: %w", from, m.key(), err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, fmt.Errorf("store: merge unit %d: move %s: %w", from, m.key(), err)
		}
		if i == len(stmts)-1 {
			moved = n
		}
	}
	return int(moved), nil
}

// unitColumns lists, from the schema itself, every column that points at
// a unit, as "table.column".
func (db *DB) unitColumns(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]string, error) {
	rows, err := q.QueryContext(ctx, db.dialect.unitColumnsQuery)
	if err != nil {
		return nil, fmt.Errorf("store: unit columns: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			return nil, fmt.Errorf("store: unit columns: %w", err)
		}
		out = append(out, t+"."+c)
	}
	return out, rows.Err()
}

// checkNothingPointsAt refuses when a row of any column of the schema
// that points at a unit still points at id.
func (db *DB) checkNothingPointsAt(ctx context.Context, tx *sql.Tx, id int64) error {
	cols, err := db.unitColumns(ctx, tx)
	if err != nil {
		return err
	}
	var left []string
	for _, tc := range cols {
		t, c, _ := strings.Cut(tc, ".")
		var n int
		if err := tx.QueryRowContext(ctx, db.dialect.rebind(fmt.Sprintf(`SELECT COUNT(*) FROM %s WHERE %s = ?`, t, c)), id).Scan(&n); err != nil {
			return fmt.Errorf("store: rows of %s: %w", tc, err)
		}
		if n > 0 {
			left = append(left, fmt.Sprintf("%s (%d)", tc, n))
		}
	}
	if len(left) > 0 {
		// Not the caller's mistake: a column the merge does not know yet.
		return fmt.Errorf("store: unit %d is still referred to by %s, which the merge does not move", id, strings.Join(left, ", "))
	}
	return nil
}
