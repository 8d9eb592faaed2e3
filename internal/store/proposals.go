package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// CreateProposals takes in 建议/提案, all or none, each audited; a number
// already taken in that year and kind is ErrConflict. One that names a
// 主办 unit (LeadUnitID) is 交办 at once, with its 会办 units, AssignedOn
// and Due. It returns the ids in the order given.
func (db *DB) CreateProposals(ctx context.Context, actor audit.Actor, list []records.Proposal) ([]int64, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: create proposals: %w", err)
	}
	defer tx.Rollback()
	now := db.now()
	ids := make([]int64, 0, len(list))
	for _, p := range list {
		c := sealer{s: db.suite}
		phone := c.seal("proposal_phone", p.Phone)
		if c.err != nil {
			return nil, c.err
		}
		var id int64
		if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
			INSERT INTO proposals (year, kind, number, title, content, category, proposers, delegation, phone, key_item, urgent,
				no_publish, state, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			p.Year, p.Kind, p.Number, p.Title, p.Content, p.Category, p.Proposers, p.Delegation, phone, p.Key, p.Urgent,
			p.NoPublish, records.ProposalReceived, actor.Username, now).Scan(&id); err != nil {
			return nil, fmt.Errorf("store: create proposal %s: %w", p.Number, conflict(err))
		}
		if err := db.appendAudit(ctx, tx, actor, "proposal.create", "proposal", id, nil,
			map[string]any{"year": p.Year, "kind": p.Kind, "number": p.Number, "title": p.Title, "proposers": p.Proposers,
				"key": p.Key, "urgent": p.Urgent, "no_publish": p.NoPublish}); err != nil {
			return nil, err
		}
		if p.LeadUnitID != 0 {
			co := make([]int64, len(p.CoUnits))
			for i, u := range p.CoUnits {
				co[i] = u.UnitID
			}
			if err := db.assignProposal(ctx, tx, actor, id, 1, records.ProposalAssignment{LeadUnitID: p.LeadUnitID, CoUnitIDs: co,
				On: p.AssignedOn, Due: p.Due, Urgent: p.Urgent}); err != nil {
				return nil, err
			}
			if err := db.appendAudit(ctx, tx, actor, "proposal.assign", "proposal", id, nil,
				map[string]any{"lead": p.LeadUnitID, "co": co, "on": p.AssignedOn, "due": p.Due, "urgent": p.Urgent}); err != nil {
				return nil, err
			}
		}
		ids = append(ids, id)
	}
	return ids, db.commit(tx)
}

// proposalState locks nothing but reads a proposal's state and round in
// tx, or ErrNotFound.
func (db *DB) proposalState(ctx context.Context, tx *sql.Tx, id int64) (string, int, error) {
	var state string
	var round int
	err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT state, round FROM proposals WHERE id = ?`), id).Scan(&state, &round)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, fmt.Errorf("store: proposal %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return "", 0, fmt.Errorf("store: proposal %d: %w", id, err)
	}
	return state, round, nil
}

func (db *DB) proposalEvent(ctx context.Context, tx *sql.Tx, actor audit.Actor, id int64, round int, e records.ProposalEvent) error {
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		INSERT INTO proposal_events (proposal_id, kind, round, unit_id, text, on_day, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
		id, e.Kind, round, nullID(e.UnitID), e.Text, nullDate(e.OnDay), actor.Username, db.now()); err != nil {
		return fmt.Errorf("store: proposal %d event: %w", id, err)
	}
	return nil
}

// proposalWrite runs one step on a proposal in a transaction: it checks
// the state is one of from, runs do and audits action with detail.
func (db *DB) proposalWrite(ctx context.Context, actor audit.Actor, id int64, action string, from []string, detail map[string]any,
	do func(tx *sql.Tx, round int) error) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: %s: %w", action, err)
	}
	defer tx.Rollback()
	state, round, err := db.proposalState(ctx, tx, id)
	if err != nil {
		return err
	}
	ok := len(from) == 0
	for _, s := range from {
		ok = ok || s == state
	}
	if !ok {
		return fmt.Errorf("store: proposal %d is %s: %w", id, state, ErrState)
	}
	if err := do(tx, round); err != nil {
		return err
	}
	if err := db.appendAudit(ctx, tx, actor, action, "proposal", id, map[string]any{"state": state, "round": round}, detail); err != nil {
		return err
	}
	return db.commit(tx)
}

// AssignProposal records a 交办 (or a change of units after a dispute):
// the 主办 and 会办 units, the day and the time limit, audited.
func (db *DB) AssignProposal(ctx context.Context, actor audit.Actor, id int64, a records.ProposalAssignment) error {
	detail := map[string]any{"lead": a.LeadUnitID, "co": a.CoUnitIDs, "on": a.On, "due": a.Due, "urgent": a.Urgent}
	return db.proposalWrite(ctx, actor, id, "proposal.assign", []string{records.ProposalReceived, records.ProposalAssigned}, detail,
		func(tx *sql.Tx, round int) error { return db.assignProposal(ctx, tx, actor, id, round, a) })
}

func (db *DB) assignProposal(ctx context.Context, tx *sql.Tx, actor audit.Actor, id int64, round int, a records.ProposalAssignment) error {
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE proposals SET state = ?, lead_unit_id = ?, assigned_on = ?, due = ?, urgent = ? WHERE id = ?`),
		records.ProposalAssigned, a.LeadUnitID, a.On, a.Due, a.Urgent, id); err != nil {
		return fmt.Errorf("store: assign proposal %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM proposal_units WHERE proposal_id = ?`), id); err != nil {
		return fmt.Errorf("store: assign proposal %d: %w", id, err)
	}
	for _, u := range a.CoUnitIDs {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO proposal_units (proposal_id, unit_id) VALUES (?, ?)`), id, u); err != nil {
			return fmt.Errorf("store: assign proposal %d: %w", id, err)
		}
	}
	return db.proposalEvent(ctx, tx, actor, id, round, records.ProposalEvent{Kind: records.ProposalEventAssign, UnitID: a.LeadUnitID,
		Text: a.Note, OnDay: a.On})
}

// AddProposalEvent records a step that changes no state — a 面商/沟通
// with the representative, a unit's 交办 dispute — audited.
func (db *DB) AddProposalEvent(ctx context.Context, actor audit.Actor, id int64, e records.ProposalEvent) error {
	detail := map[string]any{"kind": e.Kind, "unit": e.UnitID, "text": e.Text, "on": e.OnDay}
	return db.proposalWrite(ctx, actor, id, "proposal."+e.Kind, []string{records.ProposalAssigned}, detail,
		func(tx *sql.Tx, round int) error { return db.proposalEvent(ctx, tx, actor, id, round, e) })
}

// RecordProposalOpinion keeps a 会办 unit's opinion to the 主办 unit,
// audited; a unit that is no 会办 unit of the proposal is ErrNotFound.
func (db *DB) RecordProposalOpinion(ctx context.Context, actor audit.Actor, id, unit int64, text string) error {
	detail := map[string]any{"unit": unit, "opinion": text}
	return db.proposalWrite(ctx, actor, id, "proposal.opinion", []string{records.ProposalAssigned}, detail,
		func(tx *sql.Tx, round int) error {
			res, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE proposal_units SET opinion = ?, opinion_at = ? WHERE proposal_id = ? AND unit_id = ?`),
				text, db.now(), id, unit)
			if err != nil {
				return fmt.Errorf("store: proposal %d opinion: %w", id, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return fmt.Errorf("store: proposal %d has no co-unit %d: %w", id, unit, ErrNotFound)
			}
			return db.proposalEvent(ctx, tx, actor, id, round, records.ProposalEvent{Kind: records.ProposalEventOpinion, UnitID: unit, Text: text})
		})
}

// AnswerProposal records the 主办 unit's answer letter and the ledger
// task of a B-class commitment (0 for none), audited.
func (db *DB) AnswerProposal(ctx context.Context, actor audit.Actor, id int64, a records.ProposalAnswer, taskID int64) error {
	detail := map[string]any{"class": a.Class, "answer": a.Answer, "signer": a.Signer, "on": a.On, "task": taskID}
	return db.proposalWrite(ctx, actor, id, "proposal.answer", []string{records.ProposalAssigned}, detail,
		func(tx *sql.Tx, round int) error {
			res, err := tx.ExecContext(ctx, db.dialect.rebind(`
				UPDATE proposals SET state = ?, class = ?, answer = ?, signer = ?, contact = ?, answered_on = ?, satisfaction = '', feedback = '',
					task_id = COALESCE(?, task_id) WHERE id = ? AND state = ?`),
				records.ProposalAnswered, a.Class, a.Answer, a.Signer, a.Contact, a.On, nullID(taskID), id, records.ProposalAssigned)
			if err != nil {
				return fmt.Errorf("store: answer proposal %d: %w", id, err)
			}
			if n, err := res.RowsAffected(); err != nil || n != 1 {
				return fmt.Errorf("store: answer proposal %d: no longer in 办理: %w", id, ErrState)
			}
			return db.proposalEvent(ctx, tx, actor, id, round, records.ProposalEvent{Kind: records.ProposalEventAnswer, UnitID: a.UnitID,
				Text: a.Class + "：" + a.Answer, OnDay: a.On})
		})
}

// RecordProposalFeedback records the representative's rating of the
// answer, audited: 满意 or 基本满意 closes the proposal, 不满意 leaves it
// answered for the office to send back (重新办理).
func (db *DB) RecordProposalFeedback(ctx context.Context, actor audit.Actor, id int64, satisfaction, text, on string) error {
	detail := map[string]any{"satisfaction": satisfaction, "feedback": text, "on": on}
	return db.proposalWrite(ctx, actor, id, "proposal.feedback", []string{records.ProposalAnswered}, detail,
		func(tx *sql.Tx, round int) error {
			next := records.ProposalDone
			if satisfaction == "unsatisfied" {
				next = records.ProposalAnswered
			}
			if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE proposals SET state = ?, satisfaction = ?, feedback = ? WHERE id = ?`),
				next, satisfaction, text, id); err != nil {
				return fmt.Errorf("store: proposal %d feedback: %w", id, err)
			}
			return db.proposalEvent(ctx, tx, actor, id, round, records.ProposalEvent{Kind: records.ProposalEventFeedback,
				Text: satisfaction + "：" + text, OnDay: on})
		})
}

// RedoProposal sends an answered proposal back to its units (重新办理):
// a new round due by due, the answer and rating kept in the events,
// audited.
func (db *DB) RedoProposal(ctx context.Context, actor audit.Actor, id int64, on, due, reason string) error {
	detail := map[string]any{"on": on, "due": due, "reason": reason}
	return db.proposalWrite(ctx, actor, id, "proposal.redo", []string{records.ProposalAnswered}, detail,
		func(tx *sql.Tx, round int) error {
			if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
				UPDATE proposals SET state = ?, round = ?, due = ?, class = '', answer = '', signer = '', contact = '', answered_on = NULL,
					satisfaction = '', feedback = '' WHERE id = ?`),
				records.ProposalAssigned, round+1, due, id); err != nil {
				return fmt.Errorf("store: redo proposal %d: %w", id, err)
			}
			if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE proposal_units SET opinion = '', opinion_at = NULL WHERE proposal_id = ?`), id); err != nil {
				return fmt.Errorf("store: redo proposal %d: %w", id, err)
			}
			return db.proposalEvent(ctx, tx, actor, id, round+1, records.ProposalEvent{Kind: records.ProposalEventRedo, Text: reason, OnDay: on})
		})
}

const proposalColumns = `p.id, p.year, p.kind, p.number, p.title, p.content, p.category, p.proposers, p.delegation, p.phone, p.key_item,
	p.urgent, p.no_publish, p.state, COALESCE(p.lead_unit_id, 0), COALESCE(u.name, ''), p.assigned_on, p.due, p.round, p.class, p.answer,
	p.signer, p.contact, p.answered_on, p.satisfaction, p.feedback, COALESCE(p.task_id, 0), p.created_by, p.created_at`

// FindProposal returns a proposal with its 会办 units and its events, or
// ErrNotFound.
func (db *DB) FindProposal(ctx context.Context, id int64) (*records.Proposal, error) {
	list, err := db.findProposals(ctx, ` WHERE p.id = ?`, []any{id})
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("store: proposal %d: %w", id, ErrNotFound)
	}
	p := &list[0]
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT e.id, e.kind, e.round, COALESCE(e.unit_id, 0), COALESCE(u.name, ''), e.text, e.on_day, e.actor, e.at
		FROM proposal_events e LEFT JOIN units u ON u.id = e.unit_id WHERE e.proposal_id = ? ORDER BY e.id`), id)
	if err != nil {
		return nil, fmt.Errorf("store: proposal %d events: %w", id, err)
	}
	defer rows.Close()
	p.Events = []records.ProposalEvent{}
	for rows.Next() {
		var e records.ProposalEvent
		var on dateValue
		if err := rows.Scan(&e.ID, &e.Kind, &e.Round, &e.UnitID, &e.Unit, &e.Text, &on, &e.Actor, &e.At); err != nil {
			return nil, fmt.Errorf("store: proposal %d events: %w", id, err)
		}
		e.OnDay, e.At = string(on), e.At.UTC()
		p.Events = append(p.Events, e)
	}
	return p, rows.Err()
}

// FindProposals returns the proposals f selects, by year, kind and
// number, with their 会办 units.
func (db *DB) FindProposals(ctx context.Context, f records.ProposalFilter) ([]records.Proposal, error) {
	if f.Units != nil && len(f.Units) == 0 {
		return []records.Proposal{}, nil
	}
	var cond []string
	var args []any
	if f.Year != 0 {
		cond, args = append(cond, `p.year = ?`), append(args, f.Year)
	}
	if f.Kind != "" {
		cond, args = append(cond, `p.kind = ?`), append(args, f.Kind)
	}
	if f.State != "" {
		cond, args = append(cond, `p.state = ?`), append(args, f.State)
	}
	if len(f.Units) > 0 {
		in := marks(len(f.Units))
		cond = append(cond, `(p.lead_unit_id IN (`+in+`) OR p.id IN (SELECT proposal_id FROM proposal_units WHERE unit_id IN (`+in+`)))`)
		args = append(append(args, idArgs(f.Units)...), idArgs(f.Units)...)
	}
	where := ""
	if len(cond) > 0 {
		where = ` WHERE ` + strings.Join(cond, ` AND `)
	}
	return db.findProposals(ctx, where, args)
}

func (db *DB) findProposals(ctx context.Context, where string, args []any) ([]records.Proposal, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`SELECT `+proposalColumns+
		` FROM proposals p LEFT JOIN units u ON u.id = p.lead_unit_id`+where+` ORDER BY p.year DESC, p.kind, p.id LIMIT 5000`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: proposals: %w", err)
	}
	defer rows.Close()
	out := []records.Proposal{}
	index := map[int64]int{}
	for rows.Next() {
		var p records.Proposal
		var assigned, due, answered dateValue
		if err := rows.Scan(&p.ID, &p.Year, &p.Kind, &p.Number, &p.Title, &p.Content, &p.Category, &p.Proposers, &p.Delegation, &p.Phone,
			&p.Key, &p.Urgent, &p.NoPublish, &p.State, &p.LeadUnitID, &p.LeadUnit, &assigned, &due, &p.Round, &p.Class, &p.Answer,
			&p.Signer, &p.Contact, &answered, &p.Satisfaction, &p.Feedback, &p.TaskID, &p.CreatedBy, &p.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: proposals: %w", err)
		}
		c := sealer{s: db.suite}
		c.open("proposal_phone", &p.Phone)
		if c.err != nil {
			return nil, c.err
		}
		p.AssignedOn, p.Due, p.AnsweredOn, p.CreatedAt = string(assigned), string(due), string(answered), p.CreatedAt.UTC()
		p.CoUnits = []records.ProposalUnit{}
		index[p.ID] = len(out)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: proposals: %w", err)
	}
	rows.Close()
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]int64, 0, len(out))
	for _, p := range out {
		ids = append(ids, p.ID)
	}
	co, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT pu.proposal_id, pu.unit_id, u.name, pu.opinion, pu.opinion_at FROM proposal_units pu JOIN units u ON u.id = pu.unit_id
		WHERE pu.proposal_id IN (`+marks(len(ids))+`) ORDER BY pu.proposal_id, u.name`), idArgs(ids)...)
	if err != nil {
		return nil, fmt.Errorf("store: proposal units: %w", err)
	}
	defer co.Close()
	for co.Next() {
		var pid int64
		var u records.ProposalUnit
		var at sql.NullTime
		if err := co.Scan(&pid, &u.UnitID, &u.Name, &u.Opinion, &at); err != nil {
			return nil, fmt.Errorf("store: proposal units: %w", err)
		}
		if at.Valid {
			t := at.Time.UTC()
			u.OpinionAt = &t
		}
		out[index[pid]].CoUnits = append(out[index[pid]].CoUnits, u)
	}
	return out, co.Err()
}

// RecordProposalStep records a step the scheduler takes on a proposal
// that is late or nearly so — a reminder, a 催办, a 督办 — once: notes
// are its notifications, the first of them the 主办 unit's inbox
// message, whose key (unique in the outbox) makes a repeated step a
// no-op. The step goes into the proposal's history and the audit log,
// and only while the proposal is still 交办'd in the same round. It
// says whether the step was new.
func (db *DB) RecordProposalStep(ctx context.Context, actor audit.Actor, id int64, round int, e records.ProposalEvent,
	notes []Notification) (bool, error) {
	if len(notes) == 0 {
		return false, fmt.Errorf("store: proposal %d step %s: no notification", id, e.Kind)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return false, fmt.Errorf("store: proposal %d step: %w", id, err)
	}
	defer tx.Rollback()
	state, now, err := db.proposalState(ctx, tx, id)
	if err != nil {
		return false, err
	}
	if state != records.ProposalAssigned || now != round {
		return false, nil
	}
	at := db.now()
	fresh, err := db.queue(ctx, tx, notes[0], at)
	if err != nil || fresh == 0 {
		return false, err
	}
	for _, nt := range notes[1:] {
		if _, err := db.queue(ctx, tx, nt, at); err != nil {
			return false, err
		}
	}
	if err := db.proposalEvent(ctx, tx, actor, id, round, e); err != nil {
		return false, err
	}
	if err := db.appendAudit(ctx, tx, actor, "proposal."+e.Kind, "proposal", id, nil,
		map[string]any{"round": round, "unit": e.UnitID, "on": e.OnDay, "text": e.Text, "key": notes[0].Key}); err != nil {
		return false, err
	}
	return true, db.commit(tx)
}
