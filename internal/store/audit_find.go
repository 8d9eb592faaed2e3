package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/audit"
)

// FindAudit returns entries newest first, and how many match in all.
func (db *DB) FindAudit(ctx context.Context, f AuditFilter) ([]audit.Entry, int, error) {
	var where []string
	var args []any
	if f.Actor != "" {
		where, args = append(where, "actor = ?"), append(args, f.Actor)
	}
	if f.Action != "" {
		where, args = append(where, "action LIKE ?"+likeEscape), append(args, escapeLike(f.Action)+"%")
	}
	if !f.From.IsZero() {
		where, args = append(where, "at >= ?"), append(args, f.From.UTC())
	}
	if !f.To.IsZero() {
		where, args = append(where, "at < ?"), append(args, f.To.UTC())
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("store: find audit: %w", err)
	}
	defer tx.Rollback()
	var total int
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT COUNT(*) FROM audit_log`+cond), args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: count audit: %w", err)
	}
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(auditColumns+cond+` ORDER BY seq DESC LIMIT ? OFFSET ?`),
		append(args, limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: find audit: %w", err)
	}
	entries, err := scanAudit(rows)
	return entries, total, err
}

const auditColumns = `SELECT seq, at, actor_id, actor, ip, action, object_type, object_id,
	before_json, after_json, prev_hash, hash FROM audit_log`

func scanAudit(rows *sql.Rows) ([]audit.Entry, error) {
	defer rows.Close()
	var out []audit.Entry
	for rows.Next() {
		var e audit.Entry
		if err := rows.Scan(&e.Seq, &e.At, &e.ActorID, &e.Actor, &e.IP, &e.Action, &e.ObjectType, &e.ObjectID,
			&e.Before, &e.After, &e.PrevHash, &e.Hash); err != nil {
			return nil, fmt.Errorf("store: scan audit: %w", err)
		}
		e.At = e.At.UTC()
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: scan audit: %w", err)
	}
	return out, nil
}

// VerifyAudit reads the whole log in order and checks its hash chain.
func (db *DB) VerifyAudit(ctx context.Context) (entries int, problems []audit.Problem, err error) {
	all, head, err := db.auditChain(ctx)
	if err != nil {
		return 0, nil, fmt.Errorf("store: verify audit: %w", err)
	}
	return len(all), db.chain.Verify(all, head), nil
}

// escapeLike makes a user's text match itself under LIKE … ESCAPE '\'
// (likeEscape): % and _ are literal characters in an action's name
// (task.close_request) or a search (完成率 50%), not wildcards.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}

// likeEscape names the escape character of escapeLike, the same clause on
// SQLite and PostgreSQL.
const likeEscape = ` ESCAPE '\'`
