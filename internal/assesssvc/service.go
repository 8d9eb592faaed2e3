// Package assesssvc serves the scores: the scheme in force (the office's
// latest published, else duban's default) applied to the ledger as read
// from the store and to the 12345 hotline's 满意率, for any month,
// quarter, half-year or year, kept until the data changes; and it keeps
// what the scores rest on: the office's scheme (a draft, then published)
// and its 激励/问责 records. Every method that serves a person takes
// their principal and decides here who may read or change what; the API
// and the pages share one and only translate.
package assesssvc

import (
	"context"
	"errors"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/bulletin"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/snapshot"
	"github.com/duban/duban/internal/workday"
)

// Service computes and caches scores.
type Service struct {
	Store Store
	Now   func() time.Time
	// Issuer signs the bulletins (notice_issuer: 督查室).
	Issuer string
	// Rates are the hotline's 三率, whose 满意率 is the public-satisfaction
	// part; nil leaves every unit to the scheme's rule for units without
	// a rate.
	Rates RatesFunc
	// Proposals are the marks against the units' 建议/提案 办理 in a
	// span of days (proposalsvc.Service.Marks); nil leaves them out.
	Proposals func(ctx context.Context, from, to time.Time) ([]assess.ProposalMark, error)

	rankings snapshot.Cache[rankingKey, *Scores]
}

// rankingKey is a ranking's period and the day it was computed for: a
// running period's scores move with the days.
type rankingKey struct {
	period string
	today  time.Time
}

// Scores are a period's ranking under the scheme in force.
type Scores struct {
	assess.Result
	Scheme assess.Scheme
	// Version is the published scheme; nil when duban's default applies.
	Version *records.SchemeVersion
	// Hotline are the units' 12345 三率 for the period, the satisfaction
	// part's source; nil when the hotline is not wired.
	Hotline map[int64]hotline.Rates
	// Group is the unit group the ranking is limited to; nil for all.
	Group *records.Group
}

// Today is today's date in China.
func (s *Service) Today() time.Time {
	y, m, d := s.Now().In(workday.Zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Scheme is the scheme in force and its published version (nil: the
// default).
func (s *Service) Scheme(ctx context.Context) (assess.Scheme, *records.SchemeVersion, error) {
	v, err := s.Store.CurrentScheme(ctx)
	if errors.Is(err, fault.ErrNotFound) {
		return assess.Default(), nil, nil
	}
	if err != nil {
		return assess.Scheme{}, nil, err
	}
	return v.Scheme, &v, nil
}

// ranking scores every unit for the period, without the explanations.
// It is kept until the data changes; on a province's ledger a request may
// get the previous ranking while the next is computed (package snapshot).
func (s *Service) ranking(ctx context.Context, p ledger.Period) (*Scores, error) {
	version, err := s.Store.DataVersion(ctx)
	if err != nil {
		return nil, err
	}
	today := s.Today()
	r, err := s.rankings.Get(ctx, rankingKey{p.Key, today}, version, s.Now, func(ctx context.Context) (*Scores, error) {
		return s.compute(ctx, p, today, 0)
	})
	return r.Value, err
}

// explain is one unit's score for the period with every line that made
// it; fault.ErrNotFound when the unit is not assessed.
func (s *Service) explain(ctx context.Context, p ledger.Period, unitID int64) (*Scores, assess.Score, error) {
	sc, err := s.compute(ctx, p, s.Today(), unitID)
	if err != nil {
		return nil, assess.Score{}, err
	}
	for _, u := range sc.Scores {
		if u.UnitID == unitID {
			return sc, u, nil
		}
	}
	// A registered unit with nothing in the period (no task due, no
	// notice, no record) is not ranked, but its page still answers: it
	// says so, rather than that the unit does not exist.
	unit, err := s.Store.FindUnitByID(ctx, unitID)
	if err != nil {
		return nil, assess.Score{}, err
	}
	return sc, assess.Score{UnitID: unit.ID, Unit: unit.Name,
		Lines: []assess.Line{{Part: assess.PartKeyWork, Key: "assess.line.not_assessed"}}}, nil
}

// compute scores every unit for the period, and explains the unit
// explained line by line (0: none, the ranking alone).
func (s *Service) compute(ctx context.Context, p ledger.Period, today time.Time, explained int64) (*Scores, error) {
	scheme, version, err := s.Scheme(ctx)
	if err != nil {
		return nil, err
	}
	limit := p.End
	if today.Before(limit) {
		limit = today
	}
	// Every unit is scored from the kept sums; the one explained from its
	// tasks, which its lines name.
	var in assess.Input
	var explain assess.Explain
	if explained == 0 {
		in, err = s.Store.RankingInput(ctx, p.Start, limit, today)
	} else {
		in, err = s.Store.ExplainInput(ctx, p.Start, limit, today, explained)
		explain = assess.ExplainUnit(explained)
	}
	if err != nil {
		return nil, err
	}
	rates, err := s.hotlineRates(ctx, p.Start, limit, &in)
	if err != nil {
		return nil, err
	}
	if s.Proposals != nil {
		if in.Proposals, err = s.Proposals(ctx, p.Start, limit); err != nil {
			return nil, err
		}
	}
	return &Scores{Result: assess.Compute(scheme, p, today, in, explain), Scheme: scheme, Version: version, Hotline: rates}, nil
}

// bulletin is the period's 通报: its ranking, and the figures of the
// period's year up to its end (or today); of group g's members only when
// g is not nil.
func (s *Service) bulletin(ctx context.Context, p ledger.Period, g *records.Group) (*bulletin.Bulletin, error) {
	sc, err := s.ranking(ctx, p)
	if err != nil {
		return nil, err
	}
	today := s.Today()
	limit := p.End
	if today.Before(limit) {
		limit = today
	}
	year, err := s.Store.AssessmentInput(ctx, time.Date(p.Start.Year(), time.January, 1, 0, 0, 0, 0, time.UTC), limit)
	if err != nil {
		return nil, err
	}
	issuer := s.Issuer
	if issuer == "" {
		issuer = "督查室"
	}
	title := "关于" + p.Label + "重点工作推进情况的通报"
	ranking := sc.Result
	if g != nil {
		// A group's 通报 ranks and counts its members only.
		title = "关于" + p.Label + g.Name + "重点工作推进情况的通报"
		ranking, year = ranking.Within(g.Has), year.Within(g.Has)
	}
	return bulletin.Build(title, issuer, p, today, year, ranking, sc.Scheme.Name), nil
}
