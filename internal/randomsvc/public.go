package randomsvc

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/pii"
	"github.com/duban/duban/internal/randomdraw"
	"github.com/duban/duban/internal/records"
)

// PublicPlan is a plan as the portal shows it: its commitment from the
// day it was made, and once drawn the entities drawn and the results
// published (findings masked of personal data).
type PublicPlan struct {
	ID             int64                 `json:"id"`
	Title          string                `json:"title"`
	Unit           string                `json:"unit"`
	Year           int                   `json:"year"`
	Matter         string                `json:"matter"`
	Settings       randomdraw.Plan       `json:"settings"`
	PlanSHA256     string                `json:"plan_sha256"`
	SnapshotSHA256 string                `json:"snapshot_sha256"`
	SeedSHA256     string                `json:"seed_sha256"`
	CommittedAt    string                `json:"committed_at"`
	Drawn          bool                  `json:"drawn"`
	DrawnAt        string                `json:"drawn_at"`
	RecordSHA256   string                `json:"record_sha256"`
	Checks         []records.RandomCheck `json:"checks"` // drawn; results only when published
}

// Stat is a department's figures: plans, entities drawn, results
// entered, published, published late, problems found, 整改 tasks.
type Stat struct {
	Unit      string `json:"unit"`
	Plans     int    `json:"plans"`
	Checks    int    `json:"checks"`
	Entered   int    `json:"entered"`
	Published int    `json:"published"`
	Late      int    `json:"late"`     // published after the deadline, or still not published past it
	Problems  int    `json:"problems"` // results other than clean
	Tasks     int    `json:"tasks"`
}

// Public is what the portal shows, signed out: every plan with its
// commitment, the drawn ones with their checks and the published
// results, and the statistics per department.
func (s *Service) Public(ctx context.Context) ([]PublicPlan, []Stat, error) {
	plans, err := s.Store.FindRandomPlans(ctx)
	if err != nil {
		return nil, nil, err
	}
	checks, err := s.Store.FindRandomChecks(ctx, 0)
	if err != nil {
		return nil, nil, err
	}
	by := map[int64][]records.RandomCheck{}
	for _, c := range checks {
		by[c.PlanID] = append(by[c.PlanID], c)
	}
	out := make([]PublicPlan, 0, len(plans))
	for _, p := range plans {
		pp := PublicPlan{ID: p.ID, Title: p.Title, Unit: p.Unit, Year: p.Year, Matter: p.Matter, PlanSHA256: p.PlanSHA256, SnapshotSHA256: p.SnapshotSHA256,
			SeedSHA256: p.SeedSHA256, CommittedAt: p.CommittedAt.In(zone()).Format("2006-01-02 15:04"), Drawn: p.DrawnAt != nil,
			RecordSHA256: p.RecordSHA256, Checks: []records.RandomCheck{}}
		_ = json.Unmarshal([]byte(p.Config), &pp.Settings)
		if p.DrawnAt != nil {
			pp.DrawnAt = p.DrawnAt.In(zone()).Format("2006-01-02 15:04")
		}
		for _, c := range by[p.ID] {
			pp.Checks = append(pp.Checks, publicCheck(c))
		}
		out = append(out, pp)
	}
	return out, s.stats(plans, checks), nil
}

// publicCheck is a check as the public sees it: who checked whom always
// (the draw is public), the result only once published, masked.
func publicCheck(c records.RandomCheck) records.RandomCheck {
	v := records.RandomCheck{ID: c.ID, PlanID: c.PlanID, Seq: c.Seq, EntityCode: c.EntityCode, EntityName: c.EntityName,
		Inspectors: c.Inspectors, PublishDue: c.PublishDue}
	if c.PublishedAt != nil {
		v.CheckedOn, v.Category, v.PublishedAt = c.CheckedOn, c.Category, c.PublishedAt
		v.Findings, v.FollowUp = pii.MaskPublic(c.Findings), pii.MaskPublic(c.FollowUp)
	}
	return v
}

// Stats are the figures per department, for the office and leaders.
func (s *Service) Stats(ctx context.Context, p authz.Principal) ([]Stat, error) {
	if !authz.Allowed(p, authz.InspectionRead) {
		return nil, fault.ErrForbidden
	}
	plans, err := s.Store.FindRandomPlans(ctx)
	if err != nil {
		return nil, err
	}
	checks, err := s.Store.FindRandomChecks(ctx, 0)
	if err != nil {
		return nil, err
	}
	return s.stats(plans, checks), nil
}

func (s *Service) stats(plans []records.RandomPlan, checks []records.RandomCheck) []Stat {
	unit := map[int64]string{}
	at := map[string]*Stat{}
	var order []string
	get := func(name string) *Stat {
		if at[name] == nil {
			at[name] = &Stat{Unit: name}
			order = append(order, name)
		}
		return at[name]
	}
	for _, p := range plans {
		unit[p.ID] = p.Unit
		get(p.Unit).Plans++
	}
	today := s.today()
	for _, c := range checks {
		st := get(unit[c.PlanID])
		st.Checks++
		if c.EnteredAt != nil {
			st.Entered++
			if c.Category != CategoryClean {
				st.Problems++
			}
		}
		if c.TaskID != 0 {
			st.Tasks++
		}
		switch {
		case c.PublishedAt != nil:
			st.Published++
			if c.PublishDue != "" && c.PublishedAt.In(zone()).Format("2006-01-02") > c.PublishDue {
				st.Late++
			}
		case c.PublishDue != "" && c.PublishDue < today:
			st.Late++
		}
	}
	slices.Sort(order)
	out := make([]Stat, 0, len(order))
	for _, n := range order {
		out = append(out, *at[n])
	}
	return out
}
