package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
)

// SaveTicketService adds or changes a service, audited.
func (db *DB) SaveTicketService(ctx context.Context, actor audit.Actor, s TicketService) error {
	s.Code, s.Name, s.Path = strings.TrimSpace(s.Code), strings.TrimSpace(s.Name), strings.TrimSpace(s.Path)
	if s.Code == "" || s.Name == "" {
		return fmt.Errorf("store: ticket service needs a code and a name: %w", ErrInvalid)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: save ticket service: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		INSERT INTO ticket_services (code, name, path, type, unit_id, keywords, active) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, path = excluded.path, type = excluded.type,
			unit_id = excluded.unit_id, keywords = excluded.keywords, active = excluded.active`),
		s.Code, s.Name, s.Path, s.Type, nullID(s.UnitID), s.Keywords, s.Active); err != nil {
		return fmt.Errorf("store: save ticket service %s: %w", s.Code, conflict(err))
	}
	if err := db.appendAudit(ctx, tx, actor, "ticket.service", "ticket_service", s.Code, nil, s); err != nil {
		return err
	}
	return db.commit(tx)
}

// TicketServices lists the services by code.
func (db *DB) TicketServices(ctx context.Context) ([]TicketService, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT code, name, path, type, unit_id, keywords, active FROM ticket_services ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("store: ticket services: %w", err)
	}
	defer rows.Close()
	out := []TicketService{}
	for rows.Next() {
		var s TicketService
		var unit sql.NullInt64
		if err := rows.Scan(&s.Code, &s.Name, &s.Path, &s.Type, &unit, &s.Keywords, &s.Active); err != nil {
			return nil, fmt.Errorf("store: ticket services: %w", err)
		}
		s.UnitID = unit.Int64
		out = append(out, s)
	}
	return out, rows.Err()
}

const ticketColumns = `t.id, COALESCE(t.service_code, ''), COALESCE(s.name, ''), t.type, t.urgency, t.channel, t.description, t.address,
	t.lat, t.lon, t.caller_name, t.caller_phone, t.caller_email, t.state, t.unit_id, COALESCE(u.name, ''), t.assigned_at, t.signed_at,
	t.due_at, t.extension, t.reopened, t.answer, t.verdict, t.resolved, t.redirect_to, t.received_at, t.updated_at`

const ticketFrom = ` FROM tickets t LEFT JOIN ticket_services s ON s.code = t.service_code LEFT JOIN units u ON u.id = t.unit_id`

// scanTicket reads a ticket row and opens its personal columns.
func (db *DB) scanTicket(row interface{ Scan(...any) error }) (Ticket, error) {
	t, err := scanTicketRow(row)
	if err != nil {
		return t, err
	}
	c := sealer{s: db.suite}
	c.open("address", &t.Address)
	c.open("caller_name", &t.CallerName)
	c.open("caller_phone", &t.CallerPhone)
	c.open("caller_email", &t.CallerEmail)
	return t, c.err
}

func scanTicketRow(row interface{ Scan(...any) error }) (Ticket, error) {
	var t Ticket
	var lat, lon sql.NullFloat64
	var unit sql.NullInt64
	var assigned, signed sql.NullTime
	err := row.Scan(&t.ID, &t.ServiceCode, &t.ServiceName, &t.Type, &t.Urgency, &t.Channel, &t.Description, &t.Address,
		&lat, &lon, &t.CallerName, &t.CallerPhone, &t.CallerEmail, &t.State, &unit, &t.Unit, &assigned, &signed,
		&t.DueAt, &t.Extension, &t.Reopened, &t.Answer, &t.Verdict, &t.Resolved, &t.RedirectTo, &t.ReceivedAt, &t.UpdatedAt)
	if lat.Valid {
		t.Lat = &lat.Float64
	}
	if lon.Valid {
		t.Lon = &lon.Float64
	}
	t.UnitID = unit.Int64
	if assigned.Valid {
		a := assigned.Time.UTC()
		t.AssignedAt = &a
	}
	if signed.Valid {
		s := signed.Time.UTC()
		t.SignedAt = &s
	}
	t.DueAt, t.ReceivedAt, t.UpdatedAt = t.DueAt.UTC(), t.ReceivedAt.UTC(), t.UpdatedAt.UTC()
	return t, err
}

// CreateTicket stores a new ticket as the hotline service prepared it
// (state, unit, deadline), with its first event and the audit entry.
func (db *DB) CreateTicket(ctx context.Context, actor audit.Actor, t Ticket) (int64, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: create ticket: %w", err)
	}
	defer tx.Rollback()
	now := db.now()
	c := sealer{s: db.suite}
	address, name, phone, email := c.seal("address", t.Address), c.seal("caller_name", t.CallerName),
		c.seal("caller_phone", t.CallerPhone), c.seal("caller_email", t.CallerEmail)
	if c.err != nil {
		return 0, c.err
	}
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO tickets (service_code, type, urgency, channel, description, address, lat, lon, caller_name, caller_phone,
			caller_email, state, unit_id, assigned_at, due_at, received_at, updated_at, follow_hash, caller_phone_idx)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		nullString(t.ServiceCode), t.Type, t.Urgency, t.Channel, t.Description, address, t.Lat, t.Lon, name, phone,
		email, t.State, nullID(t.UnitID), utcPtr(t.AssignedAt), t.DueAt.UTC(), t.ReceivedAt.UTC(), now, t.FollowHash,
		db.index("caller_phone", t.CallerPhone)).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: create ticket: %w", err)
	}
	if err := db.ticketEvent(ctx, tx, actor, id, "received", t.UnitID, t.Channel); err != nil {
		return 0, err
	}
	for _, f := range t.Files {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
			INSERT INTO ticket_files (ticket_id, filename, content_type, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)`),
			id, f.Filename, f.ContentType, f.Size, f.SHA256, now); err != nil {
			return 0, fmt.Errorf("store: ticket %d file: %w", id, err)
		}
	}
	if err := db.appendAudit(ctx, tx, actor, "ticket.create", "ticket", id, nil,
		map[string]any{"service": t.ServiceCode, "type": t.Type, "state": t.State, "unit": t.UnitID, "files": len(t.Files)}); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

// FindTicket returns one ticket, or ErrNotFound.
func (db *DB) FindTicket(ctx context.Context, id int64) (*Ticket, error) {
	t, err := db.scanTicket(db.read.QueryRowContext(ctx, db.dialect.rebind(`SELECT `+ticketColumns+ticketFrom+` WHERE t.id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: ticket %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: ticket %d: %w", id, err)
	}
	return &t, nil
}

// FindTicketByFollow returns the ticket whose follow link hashes to hash,
// or ErrNotFound: a wrong link and a wrong number look alike.
func (db *DB) FindTicketByFollow(ctx context.Context, id int64, hash string) (*Ticket, error) {
	if hash == "" {
		return nil, fmt.Errorf("store: ticket %d: %w", id, ErrNotFound)
	}
	t, err := db.scanTicket(db.read.QueryRowContext(ctx, db.dialect.rebind(`SELECT `+ticketColumns+ticketFrom+` WHERE t.id = ? AND t.follow_hash = ?`), id, hash))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: ticket %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: ticket %d: %w", id, err)
	}
	return &t, nil
}

// where builds the filter's SQL condition over tickets t and its
// arguments.
func ticketWhere(f TicketFilter) (string, []any) {
	w, args := ` WHERE 1 = 1`, []any{}
	if f.State != "" {
		w, args = w+` AND t.state = ?`, append(args, f.State)
	}
	if f.UnitID != 0 {
		w, args = w+` AND t.unit_id = ?`, append(args, f.UnitID)
	}
	if f.Scoped {
		if len(f.ScopeUnits) == 0 {
			w += ` AND 1 = 0`
		} else {
			w += ` AND t.unit_id IN (?` + strings.Repeat(`, ?`, len(f.ScopeUnits)-1) + `)`
			for _, u := range f.ScopeUnits {
				args = append(args, u)
			}
		}
	}
	if f.ServiceCode != "" {
		w, args = w+` AND t.service_code = ?`, append(args, f.ServiceCode)
	}
	if !f.From.IsZero() {
		w, args = w+` AND t.received_at >= ?`, append(args, f.From.UTC()) // instants are kept in UTC; SQLite compares them as text
	}
	if !f.To.IsZero() {
		w, args = w+` AND t.received_at < ?`, append(args, f.To.UTC())
	}
	if !f.DueBefore.IsZero() {
		w, args = w+` AND t.due_at < ?`, append(args, f.DueBefore.UTC())
	}
	return w, args
}

// FindTickets lists the tickets f selects, newest first: at most f.Limit
// of them after the first f.Offset.
func (db *DB) FindTickets(ctx context.Context, f TicketFilter) ([]Ticket, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	f.Limit = min(limit, 1000)
	out := []Ticket{}
	err := db.eachTicket(ctx, f, func(t *Ticket) error { out = append(out, *t); return nil })
	return out, err
}

// CountTickets counts the tickets f selects, for a paged list's total;
// f.Limit and f.Offset do not count.
func (db *DB) CountTickets(ctx context.Context, f TicketFilter) (int, error) {
	w, args := ticketWhere(f)
	var n int
	if err := db.read.QueryRowContext(ctx, db.dialect.rebind(`SELECT COUNT(*) FROM tickets t`+w), args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count tickets: %w", err)
	}
	return n, nil
}

// EachTicket calls fn with every ticket f selects, newest first, however
// many: the 三率 of a year read them all.
func (db *DB) EachTicket(ctx context.Context, f TicketFilter, fn func(*Ticket) error) error {
	f.Limit, f.Offset = 0, 0
	return db.eachTicket(ctx, f, fn)
}

func (db *DB) eachTicket(ctx context.Context, f TicketFilter, fn func(*Ticket) error) error {
	w, args := ticketWhere(f)
	q := `SELECT ` + ticketColumns + ticketFrom + w + ` ORDER BY t.received_at DESC, t.id DESC`
	if f.Limit > 0 {
		q, args = q+` LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)
	}
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(q), args...)
	if err != nil {
		return fmt.Errorf("store: tickets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		t, err := db.scanTicket(rows)
		if err != nil {
			return fmt.Errorf("store: tickets: %w", err)
		}
		if err := fn(&t); err != nil {
			return err
		}
	}
	return rows.Err()
}

// StepTicket changes a ticket in one transaction: step gets the stored
// ticket and changes it (or refuses); the changed fields are written back
// with the event kind and note, and the audit entry.
func (db *DB) StepTicket(ctx context.Context, actor audit.Actor, id int64, kind, note string, step func(*Ticket) error) (*Ticket, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: ticket %d: %w", id, err)
	}
	defer tx.Rollback()
	t, err := db.scanTicket(tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT `+ticketColumns+ticketFrom+` WHERE t.id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: ticket %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: ticket %d: %w", id, err)
	}
	before := t
	if err := step(&t); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE tickets SET state = ?, unit_id = ?, assigned_at = ?, signed_at = ?, due_at = ?, extension = ?, reopened = ?,
			answer = ?, verdict = ?, resolved = ?, redirect_to = ?, updated_at = ? WHERE id = ?`),
		t.State, nullID(t.UnitID), utcPtr(t.AssignedAt), utcPtr(t.SignedAt), t.DueAt.UTC(), t.Extension, t.Reopened, t.Answer, t.Verdict, t.Resolved,
		t.RedirectTo, db.now(), id); err != nil {
		return nil, fmt.Errorf("store: ticket %d: %w", id, err)
	}
	if err := db.ticketEvent(ctx, tx, actor, id, kind, t.UnitID, note); err != nil {
		return nil, err
	}
	if err := db.appendAudit(ctx, tx, actor, "ticket."+kind, "ticket", id,
		map[string]any{"state": before.State, "unit": before.UnitID}, map[string]any{"state": t.State, "unit": t.UnitID, "note": note}); err != nil {
		return nil, err
	}
	return &t, db.commit(tx)
}

func (db *DB) ticketEvent(ctx context.Context, tx *sql.Tx, actor audit.Actor, id int64, kind string, unit int64, note string) error {
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		INSERT INTO ticket_events (ticket_id, at, actor, kind, unit_id, note) VALUES (?, ?, ?, ?, ?, ?)`),
		id, db.now(), actor.Username, kind, nullID(unit), note); err != nil {
		return fmt.Errorf("store: ticket %d event: %w", id, err)
	}
	return nil
}

// TicketEvents are a ticket's steps, oldest first.
func (db *DB) TicketEvents(ctx context.Context, id int64) ([]TicketEvent, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`SELECT at, actor, kind, unit_id, note FROM ticket_events WHERE ticket_id = ? ORDER BY id`), id)
	if err != nil {
		return nil, fmt.Errorf("store: ticket events: %w", err)
	}
	defer rows.Close()
	out := []TicketEvent{}
	for rows.Next() {
		var e TicketEvent
		var unit sql.NullInt64
		if err := rows.Scan(&e.At, &e.Actor, &e.Kind, &unit, &e.Note); err != nil {
			return nil, fmt.Errorf("store: ticket events: %w", err)
		}
		e.At, e.UnitID = e.At.UTC(), unit.Int64
		out = append(out, e)
	}
	return out, rows.Err()
}

// utcPtr is an optional instant as the store writes instants: in UTC, so
// that SQLite, which compares them as text, orders them rightly.
func utcPtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UTC()
}
