package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// TicketFiles are the files attached to a ticket, in the order given.
func (db *DB) TicketFiles(ctx context.Context, ticketID int64) ([]Attachment, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT id, filename, content_type, size, sha256, created_at FROM ticket_files WHERE ticket_id = ? ORDER BY id`), ticketID)
	if err != nil {
		return nil, fmt.Errorf("store: ticket %d files: %w", ticketID, err)
	}
	defer rows.Close()
	out := []Attachment{}
	for rows.Next() {
		var a Attachment
		if err := rows.Scan(&a.ID, &a.Filename, &a.ContentType, &a.Size, &a.SHA256, &a.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: ticket %d files: %w", ticketID, err)
		}
		a.CreatedAt = a.CreatedAt.UTC()
		out = append(out, a)
	}
	return out, rows.Err()
}

// FindTicketFile returns a ticket's file and the ticket it belongs to,
// for the check that the reader may see that ticket.
func (db *DB) FindTicketFile(ctx context.Context, id int64) (*Attachment, int64, error) {
	var a Attachment
	var ticketID int64
	err := db.read.QueryRowContext(ctx, db.dialect.rebind(`
		SELECT id, filename, content_type, size, sha256, created_at, ticket_id FROM ticket_files WHERE id = ?`), id).Scan(
		&a.ID, &a.Filename, &a.ContentType, &a.Size, &a.SHA256, &a.CreatedAt, &ticketID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, fmt.Errorf("store: ticket file %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store: ticket file %d: %w", id, err)
	}
	a.CreatedAt = a.CreatedAt.UTC()
	return &a, ticketID, nil
}
