package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/audit"
)

// ticketTypes are the ticket types a service may usually be, as the
// table's CHECK has them.
var ticketTypes = map[string]bool{"consult": true, "help": true, "complaint": true, "report": true, "suggest": true}

// checkTicketService trims a service and refuses one the table would
// refuse, before the database says so in its own words.
func checkTicketService(s *TicketService) error {
	s.Code, s.Name, s.Path = strings.TrimSpace(s.Code), strings.TrimSpace(s.Name), strings.TrimSpace(s.Path)
	s.Keywords = strings.TrimSpace(s.Keywords)
	if s.Code == "" || s.Name == "" || s.Path == "" || !ticketTypes[s.Type] || s.UnitID < 0 {
		return fmt.Errorf("store: ticket service %q needs a code, a name, a path and a type: %w", s.Code, ErrInvalid)
	}
	return nil
}

// FindTicketService returns the service of code, active or not.
func (db *DB) FindTicketService(ctx context.Context, code string) (*TicketService, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: find ticket service: %w", err)
	}
	defer tx.Rollback()
	return db.findTicketService(ctx, tx, code)
}

func (db *DB) findTicketService(ctx context.Context, tx *sql.Tx, code string) (*TicketService, error) {
	var s TicketService
	var unit sql.NullInt64
	err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT code, name, path, type, unit_id, keywords, active FROM ticket_services WHERE code = ?`), code).
		Scan(&s.Code, &s.Name, &s.Path, &s.Type, &unit, &s.Keywords, &s.Active)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: ticket service %q: %w", code, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: ticket service %q: %w", code, err)
	}
	s.UnitID = unit.Int64
	return &s, nil
}

// CreateTicketService adds a service to the category tree, audited; a
// code already taken is ErrConflict, never a silent overwrite (that is
// SaveTicketService's, for seeding).
func (db *DB) CreateTicketService(ctx context.Context, actor audit.Actor, s TicketService) error {
	if err := checkTicketService(&s); err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: create ticket service: %w", err)
	}
	defer tx.Rollback()
	if _, err := db.findTicketService(ctx, tx, s.Code); err == nil {
		return fmt.Errorf("store: ticket service %q: %w", s.Code, ErrConflict)
	} else if !errors.Is(err, ErrNotFound) {
		return err
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		INSERT INTO ticket_services (code, name, path, type, unit_id, keywords, active) VALUES (?, ?, ?, ?, ?, ?, ?)`),
		s.Code, s.Name, s.Path, s.Type, nullID(s.UnitID), s.Keywords, s.Active); err != nil {
		return fmt.Errorf("store: create ticket service %q: %w", s.Code, conflict(err))
	}
	if err := db.appendAudit(ctx, tx, actor, "ticket.service.create", "ticket_service", s.Code, nil, s); err != nil {
		return err
	}
	return db.commit(tx)
}

// UpdateTicketService changes the service of code: its name, its place
// in the tree (a new path moves it), its type, its responsible unit, its
// words, and whether it is offered (a retired service is deactivated,
// never deleted: its tickets keep pointing at it). The code itself stays,
// being what Open311 clients and the tickets know it by. Audited with the
// service before and after.
func (db *DB) UpdateTicketService(ctx context.Context, actor audit.Actor, code string, s TicketService) error {
	s.Code = code
	if err := checkTicketService(&s); err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: update ticket service: %w", err)
	}
	defer tx.Rollback()
	before, err := db.findTicketService(ctx, tx, s.Code)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE ticket_services SET name = ?, path = ?, type = ?, unit_id = ?, keywords = ?, active = ? WHERE code = ?`),
		s.Name, s.Path, s.Type, nullID(s.UnitID), s.Keywords, s.Active, s.Code); err != nil {
		return fmt.Errorf("store: update ticket service %q: %w", s.Code, err)
	}
	if err := db.appendAudit(ctx, tx, actor, "ticket.service.update", "ticket_service", s.Code, before, s); err != nil {
		return err
	}
	return db.commit(tx)
}
