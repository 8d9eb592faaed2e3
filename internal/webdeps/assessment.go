package webdeps

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/web"
)

// assessment is 考核 over the assessment service.
type assessment struct{ d *Deps }

// reader checks that the signed-in user may read the ledger and reads
// the period key.
func (s *assessment) reader(ctx context.Context, key string) (authz.Principal, ledger.Period, error) {
	pr, _, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return pr, ledger.Period{}, err
	}
	p, err := s.period(key)
	return pr, p, err
}

// period reads a period key, the current quarter when empty.
func (s *assessment) period(key string) (ledger.Period, error) {
	if key == "" {
		return ledger.PeriodOf("quarter", s.d.Assess.Today())
	}
	p, err := ledger.ParsePeriod(key)
	if err != nil {
		return p, fmt.Errorf("%w: %v", web.ErrNotFound, err)
	}
	return p, nil
}

// periodOptions are the periods that have begun, latest first: this
// year's and last year's years, quarters and months, and the years and
// quarters of earlier years in which tasks fell due (at most ten back).
func (s *assessment) periodOptions(ctx context.Context, selected string) []web.Option {
	today := s.d.Assess.Today()
	oldest := today.Year() - 1
	if first, _, err := s.d.Store.DueYears(ctx); err == nil && first != 0 && first < oldest {
		oldest = max(first, today.Year()-10)
	}
	return periodOptions(today, oldest, selected)
}

// periodOptions are the periods from oldest's year to today that have
// begun, latest first: years and quarters, and the months of this year
// and last.
func periodOptions(today time.Time, oldest int, selected string) []web.Option {
	var out []web.Option
	for y := today.Year(); y >= oldest; y-- {
		add := func(every string, month int) {
			p, _ := ledger.PeriodOf(every, time.Date(y, time.Month(month), 1, 0, 0, 0, 0, time.UTC))
			if !p.Start.After(today) {
				out = append(out, web.Option{Value: p.Key, Label: p.Label, Selected: p.Key == selected})
			}
		}
		add("year", 1)
		for q := 4; q >= 1; q-- {
			add("quarter", q*3-2)
		}
		if y >= today.Year()-1 {
			for m := 12; m >= 1; m-- {
				add("month", m)
			}
		}
	}
	return out
}

func (s *assessment) Ranking(ctx context.Context, key string) (*web.RankingView, error) {
	pr, p, err := s.reader(ctx, key)
	if err != nil {
		return nil, err
	}
	sc, err := s.d.Assess.Ranking(ctx, p)
	if err != nil {
		return nil, err
	}
	v := &web.RankingView{Period: p.Key, Label: p.Label, AsOf: sc.AsOf, Periods: s.periodOptions(ctx, p.Key), Scheme: sc.Scheme.Name,
		Default: sc.Version == nil, Full: sc.Scheme.FullMarks(), MinTasks: sc.Scheme.MinTasks, CanEdit: authz.Allowed(pr, authz.TaskSupervise)}
	for _, u := range sc.Scores {
		v.Rows = append(v.Rows, rankRow(u))
	}
	return v, nil
}

func rankRow(u assess.Score) web.RankRow {
	return web.RankRow{UnitID: u.UnitID, Unit: u.Unit, Rank: u.Rank, Tasks: u.Tasks, KeyWork: u.KeyWork, Daily: u.Daily,
		Incentive: u.Incentive, Satisfaction: u.Satisfaction, Total: u.Total}
}

func (s *assessment) Unit(ctx context.Context, unitID int64, key string) (*web.UnitScoreView, error) {
	pr, p, err := s.reader(ctx, key)
	if err != nil {
		return nil, err
	}
	sc, u, err := s.d.Assess.Explain(ctx, p, unitID)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	v := &web.UnitScoreView{RankRow: rankRow(u), Period: p.Key, Label: p.Label, Periods: s.periodOptions(ctx, p.Key),
		CanEdit: authz.Allowed(pr, authz.TaskSupervise)}
	if sc.Hotline != nil && hotlinesvc.RatesShown(pr, unitID) { // a liaison: their own units' 三率 only
		r := sc.Hotline[unitID]
		v.Hotline = &web.HotlineRates{Tickets: r.Tickets, OnTime: r.OnTime, Visited: r.Visited, Solved: r.Solved, Liked: r.Liked,
			Response: r.Response, Resolution: r.Resolution, Satisfaction: r.Satisfaction}
	}
	for _, part := range []string{assess.PartKeyWork, assess.PartDaily, assess.PartIncentive, assess.PartSatisfaction} {
		sp := web.ScorePart{Label: i18n.FromContext(ctx).Code("assess.part_label", part, assess.PartLabel(part)), Points: partPoints(u, part)}
		for _, l := range u.Lines {
			if l.Part == part {
				sp.Lines = append(sp.Lines, web.ScoreLine{TaskID: l.TaskID, Points: l.Points, Text: l.Text})
			}
		}
		v.Parts = append(v.Parts, sp)
	}
	if v.History, err = s.history(ctx, p, unitID); err != nil {
		return nil, err
	}
	recs, err := s.d.Store.FindAssessRecords(ctx, records.RecordFilter{UnitID: unitID, WithRevoked: true})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		v.Records = append(v.Records, recordView(i18n.FromContext(ctx), r))
	}
	return v, nil
}

func partPoints(u assess.Score, part string) float64 {
	return map[string]float64{assess.PartKeyWork: u.KeyWork, assess.PartDaily: u.Daily, assess.PartIncentive: u.Incentive,
		assess.PartSatisfaction: u.Satisfaction}[part]
}

// history is the unit's total and rank month by month through the
// period's year, up to the period's end or today.
func (s *assessment) history(ctx context.Context, p ledger.Period, unitID int64) ([]web.HistoryPoint, error) {
	var out []web.HistoryPoint
	today := s.d.Assess.Today()
	for m := 1; m <= 12; m++ {
		mp, _ := ledger.PeriodOf("month", time.Date(p.Start.Year(), time.Month(m), 1, 0, 0, 0, 0, time.UTC))
		if mp.Start.After(p.End) || mp.Start.After(today) {
			break
		}
		sc, err := s.d.Assess.Ranking(ctx, mp)
		if err != nil {
			return nil, err
		}
		for _, u := range sc.Scores {
			if u.UnitID == unitID {
				out = append(out, web.HistoryPoint{Period: mp.Key, Label: mp.Label, Total: u.Total, Rank: u.Rank})
			}
		}
	}
	return out, nil
}

func (s *assessment) Formula(ctx context.Context) (*web.FormulaView, error) {
	scheme, version, err := s.d.Assess.Scheme(ctx)
	if err != nil {
		return nil, err
	}
	v := &web.FormulaView{Name: scheme.Name, Lines: scheme.Formula(i18n.FromContext(ctx).T)}
	if version != nil {
		v.Published = version.PublishedAt
	}
	return v, nil
}

func (s *assessment) Records(ctx context.Context) (*web.RecordsView, error) {
	pr, _, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return nil, err
	}
	recs, err := s.d.Store.FindAssessRecords(ctx, records.RecordFilter{WithRevoked: true})
	if err != nil {
		return nil, err
	}
	v := &web.RecordsView{CanEdit: authz.Allowed(pr, authz.TaskSupervise)}
	for _, r := range recs {
		v.Records = append(v.Records, recordView(i18n.FromContext(ctx), r))
	}
	units, err := s.d.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		if u.Kind != records.UnitGroup {
			v.Units = append(v.Units, web.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.Name})
		}
	}
	return v, nil
}

func recordView(loc i18n.Localizer, r records.AssessRecord) web.RecordView {
	return web.RecordView{ID: r.ID, UnitID: r.UnitID, Unit: r.Unit, Kind: r.Kind, KindLabel: loc.Code("assess.record", r.Kind, assess.RecordLabel(r.Kind)), Title: r.Title,
		On: r.On, Basis: r.Basis, Text: r.Text, Tasks: r.TaskIDs, Notices: r.EventKeys, CreatedBy: r.CreatedBy,
		Revoked: r.RevokedAt != nil, RevokedBy: r.RevokedBy, RevokeReason: r.Reason}
}

func (s *assessment) AddRecord(ctx context.Context, in web.RecordForm) (int64, error) {
	_, actor, err := s.d.acting(ctx, authz.TaskSupervise)
	if err != nil {
		return 0, err
	}
	r := records.AssessRecord{UnitID: in.UnitID, Kind: in.Kind, Title: in.Title, On: in.On, Basis: in.Basis, Text: in.Text}
	var problems []string
	for _, f := range splitList(in.Tasks) {
		id, err := strconv.ParseInt(strings.TrimPrefix(strings.ToLower(f), "t"), 10, 64)
		if err != nil || id <= 0 {
			problems = append(problems, fmt.Sprintf("任务编号“%s”不是数字", f))
			continue
		}
		r.TaskIDs = append(r.TaskIDs, id)
	}
	r.EventKeys = splitList(in.Notices)
	if len(problems) > 0 {
		return 0, &web.RulesInputError{Problems: problems}
	}
	id, err := s.d.Store.AddAssessRecord(ctx, actor, r)
	return id, problemsOf(err)
}

func (s *assessment) RevokeRecord(ctx context.Context, id int64, reason string) error {
	_, actor, err := s.d.acting(ctx, authz.TaskSupervise)
	if err != nil {
		return err
	}
	if strings.TrimSpace(reason) == "" {
		return &web.RulesInputError{Problems: []string{"撤销须写明理由"}}
	}
	return problemsOf(s.d.Store.RevokeAssessRecord(ctx, actor, id, reason))
}

// problemsOf turns a store refusal into the problems the form lists.
func problemsOf(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fault.ErrInvalid):
		msg := strings.TrimSuffix(err.Error(), ": "+fault.ErrInvalid.Error())
		msg = strings.TrimPrefix(msg, "store: record: ")
		msg = strings.TrimPrefix(msg, "store: ")
		return &web.RulesInputError{Problems: strings.Split(strings.ReplaceAll(msg, "\n", "；"), "；")}
	}
	return pageError(err, "", "")
}

// splitList reads numbers or keys separated by commas (also full-width
// ones), 、 or spaces.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == '，' || r == '、' || r == ';' || r == '；' || r == ' ' || r == '\n' || r == '\t'
	})
}
