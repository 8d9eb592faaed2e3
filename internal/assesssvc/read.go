package assesssvc

import (
	"context"
	"errors"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/bulletin"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
)

// Ranking is the period's ranking for p, who must be allowed to read the
// ledger. The 三率 in it are those of the units whose tickets p may read.
func (s *Service) Ranking(ctx context.Context, p authz.Principal, period ledger.Period) (*Scores, error) {
	if err := mayRead(p); err != nil {
		return nil, err
	}
	sc, err := s.ranking(ctx, period)
	if err != nil {
		return nil, err
	}
	if p.Scope != nil {
		// An office or a leader bound to units (分级督查) ranks its
		// subtree's units among themselves; the ranking is shared, so a copy.
		out := *sc
		out.Result = sc.Result.Within(func(u int64) bool { return p.InScope([]int64{u}) })
		sc = &out
	}
	if sc.Hotline == nil {
		return sc, nil
	}
	for u := range sc.Hotline {
		if !seesRates(p, u) {
			// The ranking is shared: p gets a copy with the rates it may see.
			out := *sc
			out.Hotline = make(map[int64]hotline.Rates, len(sc.Hotline))
			for u, r := range sc.Hotline {
				if seesRates(p, u) {
					out.Hotline[u] = r
				}
			}
			return &out, nil
		}
	}
	return sc, nil
}

// Warm folds the ledger's changes into the ranking's kept sums and reads
// the current quarter's ranking into the cache, for nobody in particular,
// so that no leader waits for a cold one.
func (s *Service) Warm(ctx context.Context) error {
	// A fold that failed leaves the ranking exact, only slower to read:
	// the ranking is still warmed.
	_, foldErr := s.Store.FoldAssessment(ctx)
	p, err := ledger.PeriodOf("quarter", s.Today())
	if err == nil {
		_, err = s.ranking(ctx, p)
	}
	return errors.Join(foldErr, err)
}

// Unit is one unit's score for the period with every line that made it,
// and its 12345 三率 (nil when the hotline is not wired or p may not read
// the unit's tickets). fault.ErrForbidden when p may not read the unit's
// explanation, fault.ErrNotFound when the unit is not assessed.
func (s *Service) Unit(ctx context.Context, p authz.Principal, period ledger.Period, unitID int64) (assess.Score, *hotline.Rates, error) {
	if err := mayReadUnit(p, unitID); err != nil {
		return assess.Score{}, nil, err
	}
	sc, u, err := s.explain(ctx, period, unitID)
	if err != nil {
		return assess.Score{}, nil, err
	}
	var rates *hotline.Rates
	if sc.Hotline != nil && seesRates(p, unitID) {
		r := sc.Hotline[unitID]
		rates = &r
	}
	return u, rates, nil
}

// Month is a unit's total and place in one month.
type Month struct {
	Period ledger.Period
	Total  float64
	Rank   int
}

// History is the unit's total and rank month by month through the
// period's year, up to the period's end or today; for whoever may read
// the unit's explanation.
func (s *Service) History(ctx context.Context, p authz.Principal, period ledger.Period, unitID int64) ([]Month, error) {
	if err := mayReadUnit(p, unitID); err != nil {
		return nil, err
	}
	var out []Month
	today := s.Today()
	for m := 1; m <= 12; m++ {
		mp, _ := ledger.PeriodOf("month", time.Date(period.Start.Year(), time.Month(m), 1, 0, 0, 0, 0, time.UTC))
		if mp.Start.After(period.End) || mp.Start.After(today) {
			break
		}
		sc, err := s.ranking(ctx, mp)
		if err != nil {
			return nil, err
		}
		for _, u := range sc.Scores {
			if u.UnitID == unitID {
				out = append(out, Month{Period: mp, Total: u.Total, Rank: u.Rank})
			}
		}
	}
	return out, nil
}

// BulletinDownload is the period's 通报 for p (GroupBulletin) to be sent
// as a file of format (docx, xlsx); the download is audited
// (assess.bulletin.download), as actor.
func (s *Service) BulletinDownload(ctx context.Context, p authz.Principal, actor audit.Actor, period ledger.Period, group int64, format string) (*bulletin.Bulletin, error) {
	b, err := s.GroupBulletin(ctx, p, period, group)
	if err != nil {
		return nil, err
	}
	detail := map[string]any{"period": period.Key, "format": format}
	if group != 0 {
		detail["group"] = group
	}
	if err := s.Store.RecordEvent(ctx, actor, "assess.bulletin.download", "bulletin", period.Key, detail); err != nil {
		return nil, err
	}
	return b, nil
}

// Bulletin is the period's 通报: its ranking, and the figures of the
// period's year up to its end (or today); for whoever may read the
// ledger, as it is circulated to every unit.
func (s *Service) Bulletin(ctx context.Context, p authz.Principal, period ledger.Period) (*bulletin.Bulletin, error) {
	return s.GroupBulletin(ctx, p, period, 0)
}

// GroupBulletin is Bulletin for the members of unit group group only (0:
// every unit): their ranking, placed among themselves, and the figures of
// the tasks they share in.
func (s *Service) GroupBulletin(ctx context.Context, p authz.Principal, period ledger.Period, group int64) (*bulletin.Bulletin, error) {
	if err := mayRead(p); err != nil {
		return nil, err
	}
	g, err := s.group(ctx, group)
	if err != nil {
		return nil, err
	}
	return s.bulletin(ctx, period, scopedGroup(p, g))
}

// GroupRanking is Ranking among the members of unit group group only (0:
// every unit): each keeps its score and is placed 1..n within the group.
func (s *Service) GroupRanking(ctx context.Context, p authz.Principal, period ledger.Period, group int64) (*Scores, error) {
	sc, err := s.Ranking(ctx, p, period)
	if err != nil || group == 0 {
		return sc, err
	}
	g, err := s.group(ctx, group)
	if err != nil {
		return nil, err
	}
	out := *sc
	out.Result = sc.Result.Within(g.Has)
	out.Group = g
	return &out, nil
}

// Groups are the unit groups a ranking or a 通报 may be limited to, for
// whoever may read the ledger.
func (s *Service) Groups(ctx context.Context, p authz.Principal) ([]records.Group, error) {
	if err := mayRead(p); err != nil {
		return nil, err
	}
	gs, err := s.Store.FindUnitGroups(ctx)
	if err != nil {
		return nil, err
	}
	return gs, nil
}

// group is unit group id, nil for 0; a group that does not exist is
// refused as an invalid choice.
func (s *Service) group(ctx context.Context, id int64) (*records.Group, error) {
	if id == 0 {
		return nil, nil
	}
	g, err := s.Store.FindUnitGroupByID(ctx, id)
	if errors.Is(err, fault.ErrNotFound) {
		return nil, &fault.Error{Code: fault.Invalid, Fields: map[string]string{"group": "error.group_not_found"}, Err: err}
	}
	return g, err
}

// scopedGroup is g limited to p's scope (分级督查): an office's or a
// leader's 通报 ranks and counts their subtree's units only. Without a
// scope it is g.
func scopedGroup(p authz.Principal, g *records.Group) *records.Group {
	if p.Scope == nil {
		return g
	}
	out := &records.Group{}
	members := p.Scope
	if g != nil {
		*out = *g
		members = nil
		for _, m := range g.Members {
			if p.InScope([]int64{m}) {
				members = append(members, m)
			}
		}
	}
	out.Members = members
	return out
}
