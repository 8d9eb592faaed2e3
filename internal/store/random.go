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

// ImportRandomEntities adds or updates 检查对象 by 统一社会信用代码, all in
// one transaction: a directory of tens of thousands of rows goes in
// whole or not at all. It returns how many rows were new; one audit
// entry records the counts.
func (db *DB) ImportRandomEntities(ctx context.Context, actor audit.Actor, list []records.RandomEntity) (int, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: import random entities: %w", err)
	}
	defer tx.Rollback()
	var before int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM random_entities`).Scan(&before); err != nil {
		return 0, fmt.Errorf("store: import random entities: %w", err)
	}
	st, err := tx.PrepareContext(ctx, db.dialect.rebind(`
		INSERT INTO random_entities (code, name, type, area, industry, grade, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type, area = excluded.area,
			industry = excluded.industry, grade = excluded.grade, updated_at = excluded.updated_at`))
	if err != nil {
		return 0, fmt.Errorf("store: import random entities: %w", err)
	}
	defer st.Close()
	now := db.now()
	for i, e := range list {
		if _, err := st.ExecContext(ctx, e.Code, e.Name, e.Type, e.Area, e.Industry, e.Grade, now); err != nil {
			return 0, fmt.Errorf("store: import random entity %d (%s): %w", i+1, e.Code, err)
		}
	}
	var after int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM random_entities`).Scan(&after); err != nil {
		return 0, fmt.Errorf("store: import random entities: %w", err)
	}
	if err := db.appendAudit(ctx, tx, actor, "random.entities.import", "random_entities", 0, nil,
		map[string]any{"rows": len(list), "new": after - before}); err != nil {
		return 0, err
	}
	return after - before, db.commit(tx)
}

// FindRandomEntities is the whole 检查对象 directory, by code.
func (db *DB) FindRandomEntities(ctx context.Context) ([]records.RandomEntity, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, code, name, type, area, industry, grade FROM random_entities ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("store: random entities: %w", err)
	}
	defer rows.Close()
	out := []records.RandomEntity{}
	for rows.Next() {
		var e records.RandomEntity
		if err := rows.Scan(&e.ID, &e.Code, &e.Name, &e.Type, &e.Area, &e.Industry, &e.Grade); err != nil {
			return nil, fmt.Errorf("store: random entities: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// CreateRandomInspector adds a 执法检查人员 with their ties, audited (the
// 执法证 number masked in the audit entry is not needed: the office may
// read it). A 执法证 number taken is ErrConflict.
func (db *DB) CreateRandomInspector(ctx context.Context, actor audit.Actor, in records.RandomInspector) (int64, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: create random inspector: %w", err)
	}
	defer tx.Rollback()
	var taken int
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT COUNT(*) FROM random_inspectors WHERE cert = ?`), in.Cert).Scan(&taken); err != nil {
		return 0, fmt.Errorf("store: create random inspector: %w", err)
	}
	if taken > 0 {
		return 0, fmt.Errorf("store: 执法证 %s is on the directory: %w", in.Cert, ErrConflict)
	}
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO random_inspectors (name, cert, unit_name, qualifications, areas, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`),
		in.Name, in.Cert, in.UnitName, strings.Join(in.Qualifications, listSep), strings.Join(in.Areas, listSep), db.now()).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: create random inspector: %w", err)
	}
	for _, code := range in.Ties {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO random_ties (inspector_id, entity_code) VALUES (?, ?) ON CONFLICT DO NOTHING`), id, code); err != nil {
			return 0, fmt.Errorf("store: random inspector %d tie %s: %w", id, code, err)
		}
	}
	if err := db.appendAudit(ctx, tx, actor, "random.inspector.create", "random_inspector", id, nil,
		map[string]any{"name": in.Name, "cert": in.Cert, "unit": in.UnitName, "qualifications": nonNil(in.Qualifications),
			"areas": nonNil(in.Areas), "ties": nonNil(in.Ties)}); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

// FindRandomInspectors is the 执法检查人员 directory with their ties, by id.
func (db *DB) FindRandomInspectors(ctx context.Context) ([]records.RandomInspector, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, name, cert, unit_name, qualifications, areas FROM random_inspectors ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: random inspectors: %w", err)
	}
	defer rows.Close()
	out := []records.RandomInspector{}
	at := map[int64]int{}
	for rows.Next() {
		var in records.RandomInspector
		var q, a string
		if err := rows.Scan(&in.ID, &in.Name, &in.Cert, &in.UnitName, &q, &a); err != nil {
			return nil, fmt.Errorf("store: random inspectors: %w", err)
		}
		in.Qualifications, in.Areas, in.Ties = lines(q), lines(a), []string{}
		at[in.ID] = len(out)
		out = append(out, in)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	ties, err := db.read.QueryContext(ctx, `SELECT inspector_id, entity_code FROM random_ties ORDER BY inspector_id, entity_code`)
	if err != nil {
		return nil, fmt.Errorf("store: random ties: %w", err)
	}
	defer ties.Close()
	for ties.Next() {
		var id int64
		var code string
		if err := ties.Scan(&id, &code); err != nil {
			return nil, fmt.Errorf("store: random ties: %w", err)
		}
		if i, ok := at[id]; ok {
			out[i].Ties = append(out[i].Ties, code)
		}
	}
	return out, ties.Err()
}

// listSep joins an inspector's qualifications and areas in their
// columns, as the pages show them.
const listSep = "、"

func lines(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, listSep)
}

// ImportRandomInspectors adds or updates 执法检查人员 by 执法证 number, all in
// one transaction; withTies replaces each one's ties by the list's. It
// returns how many were new; one audit entry records the counts.
func (db *DB) ImportRandomInspectors(ctx context.Context, actor audit.Actor, list []records.RandomInspector, withTies bool) (int, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: import random inspectors: %w", err)
	}
	defer tx.Rollback()
	now, added := db.now(), 0
	for i, in := range list {
		var id int64
		err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT id FROM random_inspectors WHERE cert = ?`), in.Cert).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
				INSERT INTO random_inspectors (name, cert, unit_name, qualifications, areas, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`),
				in.Name, in.Cert, in.UnitName, strings.Join(in.Qualifications, listSep), strings.Join(in.Areas, listSep), now).Scan(&id); err != nil {
				return 0, fmt.Errorf("store: import random inspector %d: %w", i+1, err)
			}
			added++
		case err != nil:
			return 0, fmt.Errorf("store: import random inspector %d: %w", i+1, err)
		default:
			if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE random_inspectors SET name = ?, unit_name = ?, qualifications = ?, areas = ? WHERE id = ?`),
				in.Name, in.UnitName, strings.Join(in.Qualifications, listSep), strings.Join(in.Areas, listSep), id); err != nil {
				return 0, fmt.Errorf("store: import random inspector %d: %w", i+1, err)
			}
		}
		if !withTies {
			continue
		}
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM random_ties WHERE inspector_id = ?`), id); err != nil {
			return 0, fmt.Errorf("store: import random inspector %d ties: %w", i+1, err)
		}
		for _, code := range in.Ties {
			if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO random_ties (inspector_id, entity_code) VALUES (?, ?) ON CONFLICT DO NOTHING`), id, code); err != nil {
				return 0, fmt.Errorf("store: random inspector %d tie %s: %w", id, code, err)
			}
		}
	}
	if err := db.appendAudit(ctx, tx, actor, "random.inspectors.import", "random_inspectors", 0, nil,
		map[string]any{"rows": len(list), "new": added, "ties": withTies}); err != nil {
		return 0, err
	}
	return added, db.commit(tx)
}

// CreateRandomMatter adds an entry to a department's 抽查事项清单, audited.
func (db *DB) CreateRandomMatter(ctx context.Context, actor audit.Actor, m records.RandomMatter) (int64, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: create random matter: %w", err)
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO random_matters (unit_id, name, object_type, basis, method, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`),
		m.UnitID, m.Name, m.ObjectType, m.Basis, m.Method, db.now()).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: create random matter: %w", err)
	}
	if err := db.appendAudit(ctx, tx, actor, "random.matter.create", "random_matter", id, nil,
		map[string]any{"unit_id": m.UnitID, "name": m.Name, "object_type": m.ObjectType, "basis": m.Basis, "method": m.Method}); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

// FindRandomMatters is the 抽查事项清单 of every department, by unit and id.
func (db *DB) FindRandomMatters(ctx context.Context) ([]records.RandomMatter, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, unit_id, name, object_type, basis, method FROM random_matters ORDER BY unit_id, id`)
	if err != nil {
		return nil, fmt.Errorf("store: random matters: %w", err)
	}
	defer rows.Close()
	out := []records.RandomMatter{}
	for rows.Next() {
		var m records.RandomMatter
		if err := rows.Scan(&m.ID, &m.UnitID, &m.Name, &m.ObjectType, &m.Basis, &m.Method); err != nil {
			return nil, fmt.Errorf("store: random matters: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
