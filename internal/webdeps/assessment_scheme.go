package webdeps

import (
	"context"
	"strconv"

	"github.com/duban/duban/internal/assess"
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
		return nil, listError(ctx, err, schemeOrder()...)
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
		web.SchemeField{Key: assess.FieldName, Group: loc.T(assess.PartKey("scheme")), Label: loc.T(assess.LabelKey(assess.FieldName)), Value: scheme.Name},
		web.SchemeField{Key: assess.FieldMinTasks, Group: loc.T(assess.PartKey("scheme")), Label: loc.T(assess.LabelKey(assess.FieldMinTasks)),
			Value: strconv.Itoa(scheme.MinTasks)})
	for _, n := range assess.Numbers {
		v.Fields = append(v.Fields, web.SchemeField{Key: n.Field, Group: loc.T(assess.PartKey(n.Part)),
			Label: loc.T(assess.LabelKey(n.Field)), Hint: loc.Code("assess.scheme.hint", n.Field, ""),
			Value: strconv.FormatFloat(n.Get(&scheme), 'f', -1, 64)})
	}
	return v, nil
}

// schemeOrder is the scheme form's fields in its order, for its problems.
func schemeOrder() []string {
	out := []string{assess.FieldName, assess.FieldMinTasks}
	for _, n := range assess.Numbers {
		out = append(out, n.Field)
	}
	return out
}

func (s *assessment) SaveScheme(ctx context.Context, in map[string]string) error {
	pr, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Assess.SaveDraftForm(ctx, pr, actor, in)
	return listError(ctx, err, schemeOrder()...)
}

func (s *assessment) PublishScheme(ctx context.Context) error {
	pr, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Assess.Publish(ctx, pr, actor)
	return listError(ctx, err, schemeOrder()...)
}
