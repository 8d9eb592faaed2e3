package webdeps

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/web"
)

// schemeField is one number of the scheme form: where it sits in the
// scheme, and its part. The catalogue names it (assess.scheme.field.*),
// its part (assess.scheme.group.*) and, for some, explains it
// (assess.scheme.hint.*).
type schemeField struct {
	key, group string
	get        func(*assess.Scheme) float64
	set        func(*assess.Scheme, float64)
}

// field makes a schemeField over a plain number of the scheme.
func field(key, group string, at func(*assess.Scheme) *float64) schemeField {
	return schemeField{key, group,
		func(s *assess.Scheme) float64 { return *at(s) },
		func(s *assess.Scheme, v float64) { *at(s) = v }}
}

// mapField makes a schemeField over an entry of one of the scheme's maps.
func mapField(key, group string, of func(*assess.Scheme) *map[string]float64, entry string) schemeField {
	return schemeField{key, group,
		func(s *assess.Scheme) float64 { return (*of(s))[entry] },
		func(s *assess.Scheme, v float64) {
			if *of(s) == nil {
				*of(s) = map[string]float64{}
			}
			(*of(s))[entry] = v
		}}
}

func notices(s *assess.Scheme) *map[string]float64 { return &s.Daily.Notice }
func bonuses(s *assess.Scheme) *map[string]float64 { return &s.Incentive.Bonus }

// schemeFields are the form's numbers, in the order of the formula.
var schemeFields = []schemeField{
	field("key_work", assess.PartKeyWork, func(s *assess.Scheme) *float64 { return &s.KeyWork.Points }),
	field("on_time", assess.PartKeyWork, func(s *assess.Scheme) *float64 { return &s.KeyWork.OnTime }),
	field("late", assess.PartKeyWork, func(s *assess.Scheme) *float64 { return &s.KeyWork.Late }),
	field("unfinished", assess.PartKeyWork, func(s *assess.Scheme) *float64 { return &s.KeyWork.Unfinished }),
	field("default_weight", assess.PartKeyWork, func(s *assess.Scheme) *float64 { return &s.DefaultWeight }),
	field("lead_share", assess.PartKeyWork, func(s *assess.Scheme) *float64 { return &s.LeadShare }),
	field("co_share", assess.PartKeyWork, func(s *assess.Scheme) *float64 { return &s.CoShare }),
	field("daily", assess.PartDaily, func(s *assess.Scheme) *float64 { return &s.Daily.Points }),
	field("press", assess.PartDaily, func(s *assess.Scheme) *float64 { return &s.Daily.Press }),
	mapField("notice.blue", assess.PartDaily, notices, "blue"),
	mapField("notice.yellow", assess.PartDaily, notices, "yellow"),
	mapField("notice.red", assess.PartDaily, notices, "red"),
	mapField("notice.listed", assess.PartDaily, notices, "listed"),
	field("report_missing", assess.PartDaily, func(s *assess.Scheme) *float64 { return &s.Daily.ReportMissing }),
	mapField("bonus.highlight", assess.PartIncentive, bonuses, assess.RecordHighlight),
	mapField("bonus.innovation", assess.PartIncentive, bonuses, assess.RecordInnovation),
	mapField("bonus.commendation", assess.PartIncentive, bonuses, assess.RecordCommendation),
	field("cap", assess.PartIncentive, func(s *assess.Scheme) *float64 { return &s.Incentive.Cap }),
	field("accountability", assess.PartIncentive, func(s *assess.Scheme) *float64 { return &s.Incentive.Accountability }),
	field("satisfaction", assess.PartSatisfaction, func(s *assess.Scheme) *float64 { return &s.Satisfaction.Points }),
}

// The fields beside the numbers: the scheme's name and MinTasks.
const (
	fieldName     = "name"
	fieldMinTasks = "min_tasks"
)

func (s *assessment) Scheme(ctx context.Context) (*web.SchemeView, error) {
	if _, _, err := s.d.acting(ctx, authz.TaskSupervise); err != nil {
		return nil, err
	}
	scheme, version, err := s.d.Assess.Scheme(ctx)
	if err != nil {
		return nil, err
	}
	v := &web.SchemeView{}
	if version != nil {
		v.Published = version.PublishedAt
	}
	draft, err := s.d.Store.SchemeDraft(ctx)
	switch {
	case err == nil:
		scheme, v.Draft, v.SavedBy, v.SavedAt = draft.Scheme, true, draft.SavedBy, draft.SavedAt
	case !errors.Is(err, fault.ErrNotFound):
		return nil, err
	}
	loc := i18n.FromContext(ctx)
	v.Formula = scheme.Formula(loc.T)
	v.Fields = append(v.Fields,
		web.SchemeField{Key: fieldName, Group: loc.T("assess.scheme.group.scheme"), Label: loc.T("assess.scheme.field.name"), Value: scheme.Name},
		web.SchemeField{Key: fieldMinTasks, Group: loc.T("assess.scheme.group.scheme"), Label: loc.T("assess.scheme.field.min_tasks"),
			Value: strconv.Itoa(scheme.MinTasks)})
	for _, f := range schemeFields {
		v.Fields = append(v.Fields, web.SchemeField{Key: f.key, Group: loc.T("assess.scheme.group." + f.group),
			Label: loc.T("assess.scheme.field." + f.key), Hint: loc.Code("assess.scheme.hint", f.key, ""),
			Value: strconv.FormatFloat(f.get(&scheme), 'f', -1, 64)})
	}
	return v, nil
}

func (s *assessment) SaveScheme(ctx context.Context, in map[string]string) error {
	_, actor, err := s.d.acting(ctx, authz.TaskSupervise)
	if err != nil {
		return err
	}
	scheme, _, err := s.d.Assess.Scheme(ctx)
	if err != nil {
		return err
	}
	var problems assess.Problems
	if name := strings.TrimSpace(in[fieldName]); name != "" {
		scheme.Name = name
	}
	if n, err := strconv.Atoi(strings.TrimSpace(in[fieldMinTasks])); err == nil {
		scheme.MinTasks = n
	} else {
		problems = append(problems, assess.Problem{Field: fieldMinTasks, Label: "assess.scheme.field." + fieldMinTasks,
			Group: "assess.scheme.group.scheme", Key: "assess.problem.integer", Args: map[string]string{"value": in[fieldMinTasks]}})
	}
	for _, f := range schemeFields {
		v, err := strconv.ParseFloat(strings.TrimSpace(in[f.key]), 64)
		if err != nil {
			problems = append(problems, assess.Problem{Field: f.key, Label: "assess.scheme.field." + f.key,
				Group: "assess.scheme.group." + f.group, Key: "assess.problem.number", Args: map[string]string{"value": in[f.key]}})
			continue
		}
		f.set(&scheme, v)
	}
	if len(problems) > 0 {
		return problemsOf(ctx, problems)
	}
	_, err = s.d.Store.SaveSchemeDraft(ctx, actor, scheme)
	var ps assess.Problems
	if errors.As(err, &ps) {
		return problemsOf(ctx, ps)
	}
	return err
}

func (s *assessment) PublishScheme(ctx context.Context) error {
	_, actor, err := s.d.acting(ctx, authz.TaskSupervise)
	if err != nil {
		return err
	}
	_, err = s.d.Store.PublishScheme(ctx, actor)
	return pageError(err, "", "")
}
