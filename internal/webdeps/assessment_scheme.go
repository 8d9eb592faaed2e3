package webdeps

import (
	"context"
	"strconv"

	"github.com/duban/duban/internal/assesssvc"
	"github.com/duban/duban/internal/i18n"

	"github.com/duban/duban/internal/web"
)

func (s *assessment) Scheme(ctx context.Context) (*web.SchemeView, error) {
	pr, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	draft, err := s.d.Assess.Draft(ctx, pr)
	if err != nil {
		return nil, assessError(ctx, err)
	}
	scheme, version, err := s.d.Assess.Scheme(ctx)
	if err != nil {
		return nil, err
	}
	v := &web.SchemeView{}
	if version != nil {
		v.Published = version.PublishedAt
	}
	if draft != nil {
		scheme, v.Draft, v.SavedBy, v.SavedAt = draft.Scheme, true, draft.SavedBy, draft.SavedAt
	}
	loc := i18n.FromContext(ctx)
	v.Formula = scheme.Formula(loc.T)
	v.Fields = append(v.Fields,
		web.SchemeField{Key: assesssvc.FieldName, Group: loc.T("assess.scheme.group.scheme"), Label: loc.T("assess.scheme.field.name"), Value: scheme.Name},
		web.SchemeField{Key: assesssvc.FieldMinTasks, Group: loc.T("assess.scheme.group.scheme"), Label: loc.T("assess.scheme.field.min_tasks"),
			Value: strconv.Itoa(scheme.MinTasks)})
	for _, f := range assesssvc.SchemeFields {
		v.Fields = append(v.Fields, web.SchemeField{Key: f.Key, Group: loc.T("assess.scheme.group." + f.Group),
			Label: loc.T("assess.scheme.field." + f.Key), Hint: loc.Code("assess.scheme.hint", f.Key, ""),
			Value: strconv.FormatFloat(f.Get(&scheme), 'f', -1, 64)})
	}
	return v, nil
}

func (s *assessment) SaveScheme(ctx context.Context, in map[string]string) error {
	pr, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Assess.SaveDraftForm(ctx, pr, actor, in)
	return assessError(ctx, err)
}

func (s *assessment) PublishScheme(ctx context.Context) error {
	pr, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Assess.Publish(ctx, pr, actor)
	return assessError(ctx, err)
}
