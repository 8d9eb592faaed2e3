package webdeps

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/duban/duban/internal/assesssvc"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/web"
)

// assessment is 考核 over the assessment service.
type assessment struct{ d *Deps }

// reader reads the period key and the signed-in user, who the service
// then lets read or not.
func (s *assessment) reader(ctx context.Context, key string) (authz.Principal, ledger.Period, error) {
	pr, _, err := s.d.caller(ctx)
	if err != nil {
		return pr, ledger.Period{}, err
	}
	p, err := s.period(key)
	return pr, p, err
}

// period reads a period key, the current quarter when empty; a key that
// names no period is a page that does not exist.
func (s *assessment) period(key string) (ledger.Period, error) {
	p, err := s.d.Assess.Period(key)
	if err != nil {
		return p, fmt.Errorf("%w: %v", web.ErrNotFound, err)
	}
	return p, nil
}

// periodOptions are the periods to choose from, latest first (the
// service's Periods).
func (s *assessment) periodOptions(ctx context.Context, selected string) []web.Option {
	return options(s.d.Assess.Periods(ctx), selected)
}

// periodOptions are the periods from oldest's year to today that have
// begun, latest first: years and quarters, and the months of this year
// and last.
func periodOptions(today time.Time, oldest int, selected string) []web.Option {
	return options(assesssvc.PeriodsSince(today, oldest), selected)
}

func options(periods []ledger.Period, selected string) []web.Option {
	out := make([]web.Option, 0, len(periods))
	for _, p := range periods {
		out = append(out, web.Option{Value: p.Key, Label: p.Label, Selected: p.Key == selected})
	}
	return out
}

// group reads a unit group's id from the page's query; "" is every
// unit, and anything that names no group a page that does not exist.
func (s *assessment) group(key string) (int64, error) {
	if key == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(key, 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%w: group %q", web.ErrNotFound, key)
	}
	return id, nil
}

// groupOptions are the unit groups to choose from, the chosen one
// selected, and the chosen one's name.
func (s *assessment) groupOptions(ctx context.Context, pr authz.Principal, selected int64) ([]web.Option, string, error) {
	gs, err := s.d.Assess.Groups(ctx, pr)
	if err != nil {
		return nil, "", listError(ctx, err)
	}
	var out []web.Option
	name := ""
	for _, g := range gs {
		out = append(out, web.Option{Value: strconv.FormatInt(g.ID, 10), Label: g.Name, Selected: g.ID == selected})
		if g.ID == selected {
			name = g.Name
		}
	}
	return out, name, nil
}

func (s *assessment) Ranking(ctx context.Context, key, groupKey string) (*web.RankingView, error) {
	pr, p, err := s.reader(ctx, key)
	if err != nil {
		return nil, err
	}
	group, err := s.group(groupKey)
	if err != nil {
		return nil, err
	}
	sc, err := s.d.Assess.GroupRanking(ctx, pr, p, group)
	if err != nil {
		return nil, groupError(ctx, err)
	}
	groups, groupName, err := s.groupOptions(ctx, pr, group)
	if err != nil {
		return nil, err
	}
	v := &web.RankingView{Period: p.Key, Label: p.Label, AsOf: sc.AsOf, Periods: s.periodOptions(ctx, p.Key),
		Groups: groups, Group: groupKey, GroupName: groupName, Scheme: sc.Scheme.Name,
		Default: sc.Version == nil, Full: sc.Scheme.FullMarks(), MinTasks: sc.Scheme.MinTasks, CanEdit: s.d.Assess.CanSupervise(pr)}
	for _, u := range sc.Scores {
		row := rankRow(u)
		row.CanOpen = s.d.Assess.MayOpenUnit(pr, u.UnitID)
		v.Rows = append(v.Rows, row)
	}
	return v, nil
}

// groupError is listError, but a group that does not exist is a page
// that does not exist.
func groupError(ctx context.Context, err error) error {
	var fe *fault.Error
	if errors.As(err, &fe) && fe.Fields["group"] != "" {
		return fmt.Errorf("%w: %v", web.ErrNotFound, err)
	}
	return listError(ctx, err)
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
	u, rates, err := s.d.Assess.Unit(ctx, pr, p, unitID)
	if err != nil {
		return nil, listError(ctx, err)
	}
	v := &web.UnitScoreView{RankRow: rankRow(u), Period: p.Key, Label: p.Label, Periods: s.periodOptions(ctx, p.Key),
		CanEdit: s.d.Assess.CanSupervise(pr)}
	if r := rates; r != nil {
		v.Hotline = &web.HotlineRates{Tickets: r.Tickets, OnTime: r.OnTime, Visited: r.Visited, Solved: r.Solved, Liked: r.Liked,
			Response: r.Response, Resolution: r.Resolution, Satisfaction: r.Satisfaction}
	}
	for _, part := range []string{assess.PartKeyWork, assess.PartDaily, assess.PartIncentive, assess.PartSatisfaction} {
		sp := web.ScorePart{Label: i18n.FromContext(ctx).Code("assess.part_label", part, assess.PartLabel(part)), Points: partPoints(u, part)}
		for _, l := range u.Lines {
			if l.Part == part {
				sp.Lines = append(sp.Lines, web.ScoreLine{TaskID: l.TaskID, Points: l.Points, Text: l.Explain(i18n.FromContext(ctx).T)})
			}
		}
		v.Parts = append(v.Parts, sp)
	}
	months, err := s.d.Assess.History(ctx, pr, p, unitID)
	if err != nil {
		return nil, listError(ctx, err)
	}
	for _, m := range months {
		v.History = append(v.History, web.HistoryPoint{Period: m.Period.Key, Label: m.Period.Label, Total: m.Total, Rank: m.Rank})
	}
	recs, err := s.d.Assess.Records(ctx, pr, records.RecordFilter{UnitID: unitID, WithRevoked: true})
	if err != nil {
		return nil, listError(ctx, err)
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

func (s *assessment) Formula(ctx context.Context) (*web.FormulaView, error) {
	scheme, version, err := s.d.Assess.Scheme(ctx)
	if err != nil {
		return nil, err
	}
	loc := i18n.FromContext(ctx)
	v := &web.FormulaView{Name: scheme.NameIn(loc.T), Lines: scheme.Formula(loc.T)}
	if version != nil {
		v.Published = version.PublishedAt
	}
	return v, nil
}

func (s *assessment) Records(ctx context.Context) (*web.RecordsView, error) {
	pr, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	recs, err := s.d.Assess.Records(ctx, pr, records.RecordFilter{WithRevoked: true})
	if err != nil {
		return nil, listError(ctx, err)
	}
	v := &web.RecordsView{CanEdit: s.d.Assess.CanSupervise(pr)}
	for _, r := range recs {
		v.Records = append(v.Records, recordView(i18n.FromContext(ctx), r))
	}
	units, err := s.d.Assess.RecordUnits(ctx, pr)
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		v.Units = append(v.Units, web.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.Name})
	}
	return v, nil
}

func recordView(loc i18n.Localizer, r records.AssessRecord) web.RecordView {
	return web.RecordView{ID: r.ID, UnitID: r.UnitID, Unit: r.Unit, Kind: r.Kind, KindLabel: loc.Code("assess.record", r.Kind, assess.RecordLabel(r.Kind)), Title: r.Title,
		On: r.On, Basis: r.Basis, Text: r.Text, Tasks: r.TaskIDs, Notices: r.EventKeys, CreatedBy: r.CreatedBy,
		Revoked: r.RevokedAt != nil, RevokedBy: r.RevokedBy, RevokeReason: r.Reason}
}

func (s *assessment) AddRecord(ctx context.Context, in web.RecordForm) (int64, error) {
	pr, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	r := records.AssessRecord{UnitID: in.UnitID, Kind: in.Kind, Title: in.Title, On: in.On, Basis: in.Basis, Text: in.Text,
		EventKeys: assesssvc.List(in.Notices)}
	if s.d.Assess.CanSupervise(pr) { // a refusal before the form's problems
		if r.TaskIDs, err = assesssvc.TaskNumbers(in.Tasks); err != nil {
			return 0, listError(ctx, err, recordOrder...)
		}
	}
	id, err := s.d.Assess.AddRecord(ctx, pr, actor, r)
	return id, listError(ctx, err, recordOrder...)
}

func (s *assessment) RevokeRecord(ctx context.Context, id int64, reason string) error {
	pr, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	return listError(ctx, s.d.Assess.RevokeRecord(ctx, pr, actor, id, reason), recordOrder...)
}

// recordOrder is the records form's fields in its order, for its problems.
var recordOrder = []string{"unit_id", "kind", "title", "on", "task_ids", "event_keys", "reason"}
