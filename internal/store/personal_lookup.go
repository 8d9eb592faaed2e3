package store

import (
	"context"
	"fmt"
	"strings"
)

// TicketIDsByCallerPhone lists the tickets whose caller gave this phone
// number, newest first: a caller's earlier tickets (重复来电). Under the gm
// suite the phone is stored encrypted and found by its keyed index, so a
// number is found however it was written (spaces, hyphens, full-width
// digits); under the default the clear column is compared with the number
// as given and with its digits alone.
func (db *DB) TicketIDsByCallerPhone(ctx context.Context, phone string) ([]int64, error) {
	return db.idsByPersonal(ctx, "tickets", "caller_phone", phone, "received_at DESC, id DESC")
}

// FOIARequestIDsByApplicantID lists the information requests whose
// applicant gave this ID number (身份证件号码 or 统一社会信用代码), newest
// first: the same applicant's earlier requests, which a repeated request
// is answered by. It finds them as TicketIDsByCallerPhone does.
func (db *DB) FOIARequestIDsByApplicantID(ctx context.Context, idNo string) ([]int64, error) {
	return db.idsByPersonal(ctx, "foia_requests", "applicant_id_no", idNo, "received_on DESC, id DESC")
}

// indexColumns names the keyed index kept beside each personal column
// that is looked up (migration 0021).
var indexColumns = map[string]string{
	"caller_phone":    "caller_phone_idx",
	"applicant_id_no": "applicant_id_idx",
	"applicant_phone": "applicant_phone_idx",
}

func (db *DB) idsByPersonal(ctx context.Context, table, column, value, order string) ([]int64, error) {
	value = strings.TrimSpace(value)
	if lookupKey(value) == "" {
		return []int64{}, nil
	}
	q, args := `SELECT id FROM `+table+` WHERE `+column+` IN (?, ?)`, []any{value, lookupKey(value)}
	if db.suite.Encrypts() {
		q, args = `SELECT id FROM `+table+` WHERE `+indexColumns[column]+` = ?`, []any{db.index(column, value)}
	}
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(q+` ORDER BY `+order), args...)
	if err != nil {
		return nil, fmt.Errorf("store: %s by %s: %w", table, column, err)
	}
	defer rows.Close()
	out := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: %s by %s: %w", table, column, err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
