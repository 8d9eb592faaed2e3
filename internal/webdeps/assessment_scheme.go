package webdeps

import (
	"context"
	"errors"
	"github.com/duban/duban/internal/i18n"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/web"
)

// schemeField is one number of the scheme form: where it sits in the
// scheme, and how the form names and explains it.
type schemeField struct {
	key, group, label, hint string
	get                     func(*assess.Scheme) float64
	set                     func(*assess.Scheme, float64)
}

// field makes a schemeField over a plain number of the scheme.
func field(key, group, label, hint string, at func(*assess.Scheme) *float64) schemeField {
	return schemeField{key, group, label, hint,
		func(s *assess.Scheme) float64 { return *at(s) },
		func(s *assess.Scheme, v float64) { *at(s) = v }}
}

// mapField makes a schemeField over an entry of one of the scheme's maps.
func mapField(key, group, label, hint string, of func(*assess.Scheme) *map[string]float64, entry string) schemeField {
	return schemeField{key, group, label, hint,
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
	field("key_work", "重点攻坚考绩", "分值", "", func(s *assess.Scheme) *float64 { return &s.KeyWork.Points }),
	field("on_time", "重点攻坚考绩", "按时完成得分比例", "0–1，1 为全部分值", func(s *assess.Scheme) *float64 { return &s.KeyWork.OnTime }),
	field("late", "重点攻坚考绩", "逾期完成得分比例", "0–1", func(s *assess.Scheme) *float64 { return &s.KeyWork.Late }),
	field("unfinished", "重点攻坚考绩", "到期未完成得分比例", "0–1，再乘以已报完成比例", func(s *assess.Scheme) *float64 { return &s.KeyWork.Unfinished }),
	field("default_weight", "重点攻坚考绩", "未定权重任务的权重", "", func(s *assess.Scheme) *float64 { return &s.DefaultWeight }),
	field("lead_share", "重点攻坚考绩", "牵头单位系数", "0–1", func(s *assess.Scheme) *float64 { return &s.LeadShare }),
	field("co_share", "重点攻坚考绩", "配合单位系数", "0–1", func(s *assess.Scheme) *float64 { return &s.CoShare }),
	field("daily", "日常动态考评", "基础分", "", func(s *assess.Scheme) *float64 { return &s.Daily.Points }),
	field("press", "日常动态考评", "每次催办扣分", "", func(s *assess.Scheme) *float64 { return &s.Daily.Press }),
	mapField("notice.blue", "日常动态考评", "每份蓝色督办单扣分", "", notices, "blue"),
	mapField("notice.yellow", "日常动态考评", "每份黄色督办单扣分", "", notices, "yellow"),
	mapField("notice.red", "日常动态考评", "每份红色督办单扣分", "", notices, "red"),
	mapField("notice.listed", "日常动态考评", "每次挂牌督办扣分", "", notices, "listed"),
	field("report_missing", "日常动态考评", "每次缺报扣分", "", func(s *assess.Scheme) *float64 { return &s.Daily.ReportMissing }),
	mapField("bonus.highlight", "创新创优激励", "每项亮点加分", "", bonuses, assess.RecordHighlight),
	mapField("bonus.innovation", "创新创优激励", "每项创新加分", "", bonuses, assess.RecordInnovation),
	mapField("bonus.commendation", "创新创优激励", "每次表扬加分", "", bonuses, assess.RecordCommendation),
	field("cap", "创新创优激励", "加分上限", "", func(s *assess.Scheme) *float64 { return &s.Incentive.Cap }),
	field("accountability", "创新创优激励", "每次问责扣分", "不设上限", func(s *assess.Scheme) *float64 { return &s.Incentive.Accountability }),
	field("satisfaction", "公众满意度", "分值", "乘以 12345 热线满意率", func(s *assess.Scheme) *float64 { return &s.Satisfaction.Points }),
}

// schemeGroups are the catalogue's codes of the form's groups.
var schemeGroups = map[string]string{"重点攻坚考绩": "key_work", "日常动态考评": "daily", "创新创优激励": "incentive", "公众满意度": "satisfaction"}

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
	case !errors.Is(err, store.ErrNotFound):
		return nil, err
	}
	loc := i18n.FromContext(ctx)
	v.Formula = scheme.Formula(loc.T)
	v.Fields = append(v.Fields,
		web.SchemeField{Key: fieldName, Group: loc.T("assess.scheme.group.scheme"), Label: loc.T("assess.scheme.field.name"), Value: scheme.Name},
		web.SchemeField{Key: fieldMinTasks, Group: loc.T("assess.scheme.group.scheme"), Label: loc.T("assess.scheme.field.min_tasks"),
			Value: strconv.Itoa(scheme.MinTasks)})
	for _, f := range schemeFields {
		hint := f.hint
		if hint != "" {
			hint = loc.Code("assess.scheme.hint", f.key, f.hint)
		}
		v.Fields = append(v.Fields, web.SchemeField{Key: f.key, Group: loc.Code("assess.scheme.group", schemeGroups[f.group], f.group),
			Label: loc.Code("assess.scheme.field", f.key, f.label), Hint: hint,
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
				Group: "assess.scheme.group." + schemeGroups[f.group], Key: "assess.problem.number", Args: map[string]string{"value": in[f.key]}})
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
