package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// CreateRandomPlan stores a 抽查计划 with its frozen snapshot and its
// secret seed, audited with the hashes (the commitment) and never the
// seed.
func (db *DB) CreateRandomPlan(ctx context.Context, actor audit.Actor, p records.RandomPlan) (int64, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: create random plan: %w", err)
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO random_plans (unit_id, title, year, matter, publish_days, config, plan_sha256, snapshot, snapshot_sha256, seed, seed_sha256,
			committed_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		p.UnitID, p.Title, p.Year, p.Matter, p.PublishDays, p.Config, p.PlanSHA256, p.Snapshot, p.SnapshotSHA256, p.Seed, p.SeedSHA256,
		p.CommittedAt.UTC(), actor.Username).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: create random plan: %w", err)
	}
	if err := db.appendAudit(ctx, tx, actor, "random.plan.create", "random_plan", id, nil,
		map[string]any{"unit_id": p.UnitID, "title": p.Title, "year": p.Year, "publish_days": p.PublishDays, "config": p.Config,
			"plan_sha256": p.PlanSHA256, "snapshot_sha256": p.SnapshotSHA256, "seed_sha256": p.SeedSHA256}); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

const randomPlanColumns = `p.id, p.unit_id, u.name, p.title, p.year, p.matter, p.publish_days, p.config, p.plan_sha256, p.snapshot, p.snapshot_sha256,
	p.seed, p.seed_sha256, p.committed_at, p.created_by, p.drawn_at, p.drawn_by, p.record, p.record_sha256
	FROM random_plans p JOIN units u ON u.id = p.unit_id`

// FindRandomPlan is one plan, snapshot, seed and record included, or
// ErrNotFound.
func (db *DB) FindRandomPlan(ctx context.Context, id int64) (*records.RandomPlan, error) {
	list, err := db.findRandomPlans(ctx, `SELECT `+randomPlanColumns+` WHERE p.id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("store: random plan %d: %w", id, ErrNotFound)
	}
	return &list[0], nil
}

// FindRandomPlans is every plan, newest first, without the snapshots
// and records (they can be megabytes).
func (db *DB) FindRandomPlans(ctx context.Context) ([]records.RandomPlan, error) {
	cols := strings.NewReplacer("p.snapshot,", "'' AS snapshot,", "p.record,", "'' AS record,").Replace(randomPlanColumns)
	return db.findRandomPlans(ctx, `SELECT `+cols+` ORDER BY p.id DESC`)
}

func (db *DB) findRandomPlans(ctx context.Context, q string, args ...any) ([]records.RandomPlan, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(q), args...)
	if err != nil {
		return nil, fmt.Errorf("store: random plans: %w", err)
	}
	defer rows.Close()
	out := []records.RandomPlan{}
	for rows.Next() {
		var p records.RandomPlan
		var drawn sql.NullTime
		if err := rows.Scan(&p.ID, &p.UnitID, &p.Unit, &p.Title, &p.Year, &p.Matter, &p.PublishDays, &p.Config, &p.PlanSHA256, &p.Snapshot,
			&p.SnapshotSHA256, &p.Seed, &p.SeedSHA256, &p.CommittedAt, &p.CreatedBy, &drawn, &p.DrawnBy, &p.Record, &p.RecordSHA256); err != nil {
			return nil, fmt.Errorf("store: random plans: %w", err)
		}
		p.CommittedAt = p.CommittedAt.UTC()
		if drawn.Valid {
			t := drawn.Time.UTC()
			p.DrawnAt = &t
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// RecordRandomDraw keeps a plan's draw: the record, its hash and a check
// per drawn entity, audited, in one transaction. A plan drawn already is
// ErrConflict: there is one draw per published commitment.
func (db *DB) RecordRandomDraw(ctx context.Context, actor audit.Actor, planID int64, record, hash string, at time.Time, checks []records.RandomCheck) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: random draw %d: %w", planID, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE random_plans SET drawn_at = ?, drawn_by = ?, record = ?, record_sha256 = ? WHERE id = ? AND drawn_at IS NULL`),
		at.UTC(), actor.Username, record, hash, planID)
	if err != nil {
		return fmt.Errorf("store: random draw %d: %w", planID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: random plan %d is drawn already: %w", planID, ErrConflict)
	}
	for _, c := range checks {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
			INSERT INTO random_checks (plan_id, seq, entity_code, entity_name, inspector_keys, inspectors) VALUES (?, ?, ?, ?, ?, ?)`),
			planID, c.Seq, c.EntityCode, c.EntityName, strings.Join(c.InspectorKeys, ","), c.Inspectors); err != nil {
			return fmt.Errorf("store: random draw %d check %d: %w", planID, c.Seq, err)
		}
	}
	if err := db.appendAudit(ctx, tx, actor, "random.draw", "random_plan", planID, nil,
		map[string]any{"record_sha256": hash, "checks": len(checks)}); err != nil {
		return err
	}
	return db.commit(tx)
}

const randomCheckColumns = `SELECT id, plan_id, seq, entity_code, entity_name, inspector_keys, inspectors, checked_on, category, findings,
	follow_up, rectify_due, task_id, publish_due, published_at, entered_by, entered_at FROM random_checks`

// FindRandomChecks are a plan's checks in the order drawn; planID 0:
// every plan's.
func (db *DB) FindRandomChecks(ctx context.Context, planID int64) ([]records.RandomCheck, error) {
	if planID == 0 {
		return db.findRandomChecks(ctx, randomCheckColumns+` ORDER BY plan_id, seq`)
	}
	return db.findRandomChecks(ctx, randomCheckColumns+` WHERE plan_id = ? ORDER BY seq`, planID)
}

// FindRandomCheck is one check, or ErrNotFound.
func (db *DB) FindRandomCheck(ctx context.Context, id int64) (*records.RandomCheck, error) {
	list, err := db.findRandomChecks(ctx, randomCheckColumns+` WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("store: random check %d: %w", id, ErrNotFound)
	}
	return &list[0], nil
}

func (db *DB) findRandomChecks(ctx context.Context, q string, args ...any) ([]records.RandomCheck, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(q), args...)
	if err != nil {
		return nil, fmt.Errorf("store: random checks: %w", err)
	}
	defer rows.Close()
	out := []records.RandomCheck{}
	for rows.Next() {
		var c records.RandomCheck
		var keys string
		var checked, rectify, publish dateValue
		var task sql.NullInt64
		var published, entered sql.NullTime
		if err := rows.Scan(&c.ID, &c.PlanID, &c.Seq, &c.EntityCode, &c.EntityName, &keys, &c.Inspectors, &checked, &c.Category,
			&c.Findings, &c.FollowUp, &rectify, &task, &publish, &published, &c.EnteredBy, &entered); err != nil {
			return nil, fmt.Errorf("store: random checks: %w", err)
		}
		c.InspectorKeys = strings.Split(keys, ",")
		c.CheckedOn, c.RectifyDue, c.PublishDue, c.TaskID = string(checked), string(rectify), string(publish), task.Int64
		if published.Valid {
			t := published.Time.UTC()
			c.PublishedAt = &t
		}
		if entered.Valid {
			t := entered.Time.UTC()
			c.EnteredAt = &t
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// RecordRandomResult keeps a check's result, audited before and after;
// a result published already is ErrConflict (a published result is
// corrected by a new record, not rewritten).
func (db *DB) RecordRandomResult(ctx context.Context, actor audit.Actor, id int64, r records.RandomResult) error {
	before, err := db.FindRandomCheck(ctx, id)
	if err != nil {
		return err
	}
	if before.PublishedAt != nil {
		return fmt.Errorf("store: random check %d is published: %w", id, ErrConflict)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: random check %d result: %w", id, err)
	}
	defer tx.Rollback()
	now := db.now()
	var published any
	if r.Publish {
		published = now
	}
	task := before.TaskID
	if r.TaskID != 0 {
		task = r.TaskID
	}
	res, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE random_checks SET checked_on = ?, category = ?, findings = ?, follow_up = ?, rectify_due = ?, task_id = ?, publish_due = ?,
			published_at = ?, entered_by = ?, entered_at = ? WHERE id = ? AND published_at IS NULL
			AND (task_id IS NOT NULL OR category <> 'rectify' OR ? <> 0)`),
		r.CheckedOn, r.Category, r.Findings, r.FollowUp, nullDate(r.RectifyDue), nullID(task), r.PublishDue, published, actor.Username, now, id, r.TaskID)
	if err != nil {
		return fmt.Errorf("store: random check %d result: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: random check %d is published: %w", id, ErrConflict)
	}
	if err := db.appendAudit(ctx, tx, actor, "random.result", "random_check", id,
		map[string]any{"category": before.Category, "findings": before.Findings, "checked_on": before.CheckedOn},
		map[string]any{"category": r.Category, "findings": r.Findings, "follow_up": r.FollowUp, "checked_on": r.CheckedOn,
			"rectify_due": r.RectifyDue, "task_id": task, "publish_due": r.PublishDue, "published": r.Publish}); err != nil {
		return err
	}
	return db.commit(tx)
}

// ClaimRandomTask claims a check for the 整改 task its result is about to
// open, before the task is opened: the check's category goes from `from`
// (as the caller read it) to 'rectify' while it has no task and is not
// published. Another claim, or a result without a task, finds the claim
// and is ErrConflict, so a double submit opens one task, not two. The
// claim is no result yet: RecordRandomResult, audited, completes it, or
// ReleaseRandomTask undoes it.
func (db *DB) ClaimRandomTask(ctx context.Context, id int64, from string) error {
	if from == "rectify" {
		return fmt.Errorf("store: random check %d is claimed: %w", id, ErrConflict)
	}
	res, err := db.write.ExecContext(ctx, db.dialect.rebind(`
		UPDATE random_checks SET category = 'rectify' WHERE id = ? AND category = ? AND task_id IS NULL AND published_at IS NULL`), id, from)
	if err != nil {
		return fmt.Errorf("store: claim random check %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: random check %d is claimed or published: %w", id, ErrConflict)
	}
	return nil
}

// ReleaseRandomTask undoes a claim whose task could not be opened: the
// category goes back to what it was.
func (db *DB) ReleaseRandomTask(ctx context.Context, id int64, back string) error {
	_, err := db.write.ExecContext(ctx, db.dialect.rebind(`
		UPDATE random_checks SET category = ? WHERE id = ? AND category = 'rectify' AND task_id IS NULL`), back, id)
	if err != nil {
		return fmt.Errorf("store: release random check %d: %w", id, err)
	}
	return nil
}

// LastRandomPairs are the inspector/entity pairs of the department's
// latest plan drawn before plan: what "inspected last time" means for
// 回避. Keys are the inspectors' directory keys as the draw records them.
func (db *DB) LastRandomPairs(ctx context.Context, unitID int64) ([][2]string, error) {
	var last int64
	err := db.read.QueryRowContext(ctx, db.dialect.rebind(`
		SELECT id FROM random_plans WHERE unit_id = ? AND drawn_at IS NOT NULL ORDER BY drawn_at DESC, id DESC LIMIT 1`), unitID).Scan(&last)
	if errors.Is(err, sql.ErrNoRows) {
		return [][2]string{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: last random pairs: %w", err)
	}
	checks, err := db.FindRandomChecks(ctx, last)
	if err != nil {
		return nil, err
	}
	out := [][2]string{}
	for _, c := range checks {
		for _, k := range c.InspectorKeys {
			out = append(out, [2]string{k, c.EntityCode})
		}
	}
	return out, nil
}
