package randomsvc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/randomdraw"
	"github.com/duban/duban/internal/records"
)

// PlanInput is a 抽查计划 as the office enters it.
type PlanInput struct {
	UnitID   int64   `json:"unit_id"`   // the department that leads it
	JointIDs []int64 `json:"joint_ids"` // the others of a 部门联合抽查
	Title    string  `json:"title"`
	Year     int     `json:"year"`
	Matter   string  `json:"matter"`
	// MatterID picks the 事项 from the department's 抽查事项清单; its name
	// becomes Matter (plans made before the list keep their free text).
	MatterID       int64               `json:"matter_id,omitempty"`
	Count          int                 `json:"count"`
	Ratio          int                 `json:"ratio_percent"`
	Types          []string            `json:"types"`
	Areas          []string            `json:"areas"`
	Grades         []string            `json:"grades"`
	Weights        []randomdraw.Weight `json:"weights"`
	TeamSize       int                 `json:"team_size"`
	Qualifications []string            `json:"qualifications"`
	MatchArea      bool                `json:"match_area"`
	AvoidLast      bool                `json:"avoid_last"`
	PublishDays    int                 `json:"publish_days"`
}

// Plan is a 抽查计划 as people read it: the stored plan without its
// secrets, its draw settings, and its checks once drawn.
type Plan struct {
	records.RandomPlan
	Settings randomdraw.Plan       `json:"settings"`
	Eligible int                   `json:"eligible"` // entities in the frozen snapshot
	Checks   []records.RandomCheck `json:"checks"`
}

// CreatePlan creates a 抽查计划, for the office, and commits to its draw at
// once: the directory is frozen (the entities the filters admit, the
// inspectors, their ties, and the department's last pairs), a secret
// seed is made, and the plan's, the snapshot's and the seed's hashes are
// stored — published on the portal from now on, before any draw.
func (s *Service) CreatePlan(ctx context.Context, p authz.Principal, actor audit.Actor, in PlanInput) (*Plan, error) {
	if !authz.Allowed(p, authz.InspectionWrite) {
		return nil, fault.ErrForbidden
	}
	var bad fault.Problems
	if in.MatterID != 0 {
		all, err := s.Store.FindRandomMatters(ctx)
		if err != nil {
			return nil, err
		}
		i := slices.IndexFunc(all, func(m records.RandomMatter) bool { return m.ID == in.MatterID && m.UnitID == in.UnitID })
		if i < 0 {
			bad.At("matter_id", "random.error.matter_pick")
		} else {
			in.Matter = all[i].Name
		}
	}
	text(&bad, "title", "random.error.title", &in.Title, true, 200)
	text(&bad, "matter", "random.error.matter", &in.Matter, true, 500)
	unit, err := s.Store.FindUnitByID(ctx, in.UnitID)
	if err != nil && !errors.Is(err, fault.ErrNotFound) {
		return nil, err
	}
	if in.UnitID == 0 || err != nil || unit.Kind == records.UnitGroup {
		bad.At("unit_id", "random.error.unit")
	}
	var joint []string
	for _, id := range in.JointIDs {
		u, err := s.Store.FindUnitByID(ctx, id)
		if err != nil || id == in.UnitID {
			bad.At("joint_ids", "random.error.unit")
			continue
		}
		joint = append(joint, u.Name)
	}
	// A county office (分级督查) plans only for its own departments, the
	// lead and every joint one.
	if err := authz.CheckScope(p, "unit_id", []int64{in.UnitID}); err != nil {
		return nil, err
	}
	if err := authz.CheckScope(p, "joint_ids", in.JointIDs); err != nil {
		return nil, err
	}
	if in.Year < 2000 || in.Year > 2100 {
		bad.At("year", "random.error.year")
	}
	if (in.Count <= 0) == (in.Ratio <= 0) || in.Ratio > 100 || in.Count > 100_000 {
		bad.At("count", "random.error.count")
	}
	if in.TeamSize == 0 {
		in.TeamSize = randomdraw.MinTeam
	}
	if in.TeamSize < randomdraw.MinTeam || in.TeamSize > 10 {
		bad.At("team_size", "random.error.team_size")
	}
	for _, g := range in.Grades {
		if !slices.Contains(Grades, g) {
			bad.At("grades", "random.error.grade")
		}
	}
	for _, w := range in.Weights {
		if !slices.Contains(Grades, w.Grade) || w.Weight < 0 || w.Weight > 100 {
			bad.At("weights", "random.error.weights")
		}
	}
	if in.PublishDays == 0 {
		in.PublishDays = PublishDays
	}
	if in.PublishDays < 1 || in.PublishDays > 60 {
		bad.At("publish_days", "random.error.publish_days")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	dp := randomdraw.Plan{Title: in.Title, Department: unit.Name, Joint: joint, Matter: in.Matter, Count: in.Count, Ratio: in.Ratio,
		Types: in.Types, Areas: in.Areas, Grades: in.Grades, Weights: in.Weights, TeamSize: in.TeamSize,
		Qualifications: clean(in.Qualifications), MatchArea: in.MatchArea, AvoidLast: in.AvoidLast}
	dp.Normalise()
	snap, err := s.snapshot(ctx, dp, in.UnitID)
	if err != nil {
		return nil, err
	}
	if len(snap.Entities) == 0 {
		return nil, fault.InvalidAt("count", "random.error.no_entities")
	}
	seed, err := randomdraw.NewSeed()
	if err != nil {
		return nil, err
	}
	config := randomdraw.Canonical(dp)
	id, err := s.Store.CreateRandomPlan(ctx, actor, records.RandomPlan{UnitID: in.UnitID, Title: in.Title, Year: in.Year, Matter: in.Matter,
		PublishDays: in.PublishDays, Config: string(config), PlanSHA256: randomdraw.Hash(dp), Snapshot: string(randomdraw.Canonical(snap)),
		SnapshotSHA256: randomdraw.Hash(snap), Seed: seed, SeedSHA256: randomdraw.SeedHash(seed), CommittedAt: s.Now()})
	if err != nil {
		return nil, err
	}
	return s.plan(ctx, id)
}

// snapshot freezes the directory for a plan of the department unit.
func (s *Service) snapshot(ctx context.Context, dp randomdraw.Plan, unit int64) (randomdraw.Snapshot, error) {
	var snap randomdraw.Snapshot
	all, err := s.Store.FindRandomEntities(ctx)
	if err != nil {
		return snap, err
	}
	in := map[string]bool{}
	for _, e := range all {
		d := randomdraw.Entity{Code: e.Code, Name: e.Name, Type: e.Type, Area: e.Area, Industry: e.Industry, Grade: e.Grade}
		if dp.Eligible(d) {
			snap.Entities = append(snap.Entities, d)
			in[e.Code] = true
		}
	}
	ins, err := s.Store.FindRandomInspectors(ctx)
	if err != nil {
		return snap, err
	}
	for _, x := range ins {
		key := InspectorKey(x.ID)
		snap.Inspectors = append(snap.Inspectors, randomdraw.Inspector{Key: key, Name: x.Name, Cert: randomdraw.MaskCert(x.Cert),
			Unit: x.UnitName, Qualifications: x.Qualifications, Areas: x.Areas})
		for _, code := range x.Ties {
			if in[code] {
				snap.Ties = append(snap.Ties, randomdraw.Pair{Inspector: key, Entity: code})
			}
		}
	}
	last, err := s.Store.LastRandomPairs(ctx, unit)
	if err != nil {
		return snap, err
	}
	for _, l := range last {
		if in[l[1]] {
			snap.Last = append(snap.Last, randomdraw.Pair{Inspector: l[0], Entity: l[1]})
		}
	}
	snap.Normalise()
	return snap, nil
}

// Plans lists the plans, newest first, for the office and leaders.
func (s *Service) Plans(ctx context.Context, p authz.Principal) ([]records.RandomPlan, error) {
	if !authz.Allowed(p, authz.InspectionRead) {
		return nil, fault.ErrForbidden
	}
	return s.Store.FindRandomPlans(ctx)
}

// Plan is one plan with its checks, for the office and leaders.
func (s *Service) Plan(ctx context.Context, p authz.Principal, id int64) (*Plan, error) {
	if !authz.Allowed(p, authz.InspectionRead) {
		return nil, fault.ErrForbidden
	}
	return s.plan(ctx, id)
}

func (s *Service) plan(ctx context.Context, id int64) (*Plan, error) {
	rp, err := s.Store.FindRandomPlan(ctx, id)
	if err != nil {
		return nil, err
	}
	out := &Plan{RandomPlan: *rp}
	if err := json.Unmarshal([]byte(rp.Config), &out.Settings); err != nil {
		return nil, fmt.Errorf("randomsvc: plan %d settings: %w", id, err)
	}
	var snap struct {
		Entities []json.RawMessage `json:"entities"`
	}
	if err := json.Unmarshal([]byte(rp.Snapshot), &snap); err != nil {
		return nil, fmt.Errorf("randomsvc: plan %d snapshot: %w", id, err)
	}
	out.Eligible = len(snap.Entities)
	if out.Checks, err = s.Store.FindRandomChecks(ctx, id); err != nil {
		return nil, err
	}
	return out, nil
}

// PlanLink is a plan's API address.
func PlanLink(id int64) string { return "/api/v1/random/plans/" + strconv.FormatInt(id, 10) }
