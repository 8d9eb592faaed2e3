package randomsvc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/randomdraw"
	"github.com/duban/duban/internal/records"
)

// Draw draws a plan, for the office (a county office only its own
// departments' plans): the seed committed at the plan's creation is
// checked against its published hash and revealed and, with the plan and
// the frozen snapshot, gives the draw; the record is kept and published,
// and a check is made per entity drawn. Nothing is chosen at the draw: a
// value chosen then and never committed to (a "public entropy") would let
// whoever can read the seed try values until a wanted draw came out. A
// plan is drawn once: another draw is refused (a conflict) — a new draw
// needs a new plan, with its own published commitment. The draw is
// audited.
func (s *Service) Draw(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) (*randomdraw.Record, error) {
	if !authz.Allowed(p, authz.InspectionWrite) {
		return nil, fault.ErrForbidden
	}
	rp, err := s.Store.FindRandomPlan(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := authz.CheckScope(p, "unit_id", []int64{rp.UnitID}); err != nil {
		return nil, err
	}
	if rp.DrawnAt != nil {
		return nil, fault.Wrap(fault.Conflict, "random.error.drawn", fmt.Errorf("randomsvc: plan %d is drawn", id))
	}
	// The seed must be the one whose hash was published: a seed changed
	// since would give a draw no one could tie to the commitment.
	if randomdraw.SeedHash(rp.Seed) != rp.SeedSHA256 {
		return nil, fault.Wrap(fault.State, "random.error.seed", fmt.Errorf("randomsvc: plan %d: the stored seed does not match its published hash", id))
	}
	var dp randomdraw.Plan
	var snap randomdraw.Snapshot
	if err := json.Unmarshal([]byte(rp.Config), &dp); err != nil {
		return nil, fmt.Errorf("randomsvc: plan %d: %w", id, err)
	}
	if err := json.Unmarshal([]byte(rp.Snapshot), &snap); err != nil {
		return nil, fmt.Errorf("randomsvc: plan %d snapshot: %w", id, err)
	}
	now := s.Now().UTC()
	rec, err := randomdraw.Build(dp, snap, rp.Seed, rp.CommittedAt.UTC().Format(time.RFC3339), now.Format(time.RFC3339))
	var short *randomdraw.ShortError
	if errors.As(err, &short) {
		return nil, &fault.Error{Code: fault.State, Key: "random.error.team", Args: map[string]any{"entity": short.Entity, "have": short.Have}, Err: err}
	}
	if err != nil {
		return nil, err
	}
	if rec.PlanSHA256 != rp.PlanSHA256 || rec.SnapshotSHA256 != rp.SnapshotSHA256 {
		return nil, fmt.Errorf("randomsvc: plan %d: the stored plan or snapshot no longer has its published hash", id)
	}
	rec.PlanID = id
	names := map[string]string{}
	for _, x := range snap.Inspectors {
		names[x.Key] = x.Name
	}
	entity := map[string]string{}
	for _, e := range snap.Entities {
		entity[e.Code] = e.Name
	}
	checks := make([]records.RandomCheck, 0, len(rec.Draw))
	for i, a := range rec.Draw {
		var who []string
		for _, k := range a.Inspectors {
			who = append(who, names[k])
		}
		checks = append(checks, records.RandomCheck{Seq: i + 1, EntityCode: a.Entity, EntityName: entity[a.Entity],
			InspectorKeys: a.Inspectors, Inspectors: strings.Join(who, "、")})
	}
	body, err := json.MarshalIndent(rec, "", " ")
	if err != nil {
		return nil, err
	}
	if err := s.Store.RecordRandomDraw(ctx, actor, id, string(body), randomdraw.SeedHash(string(body)), now, checks); err != nil {
		if fault.CodeOf(err) == fault.Conflict {
			return nil, fault.Wrap(fault.Conflict, "random.error.drawn", err)
		}
		return nil, err
	}
	return &rec, nil
}

// Record is a drawn plan's published record, as stored, for anyone: it
// is public (the portal offers it for download). A plan not drawn has
// none (not found).
func (s *Service) Record(ctx context.Context, id int64) ([]byte, error) {
	rp, err := s.Store.FindRandomPlan(ctx, id)
	if err != nil {
		return nil, err
	}
	if rp.DrawnAt == nil {
		return nil, fmt.Errorf("randomsvc: plan %d is not drawn: %w", id, fault.ErrNotFound)
	}
	return []byte(rp.Record), nil
}
