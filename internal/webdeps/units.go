package webdeps

import (
	"context"
	"errors"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

type unitService struct{ d *Deps }

func unitView(u records.Unit) web.UnitView {
	return web.UnitView{ID: u.ID, Name: u.Name, ParentID: u.ParentID, Kind: u.Kind, Aliases: u.Aliases, Email: u.Email}
}

func (s *unitService) List(ctx context.Context) ([]web.UnitView, error) {
	if _, _, err := s.d.acting(ctx, authz.UnitRead); err != nil {
		return nil, err
	}
	units, err := s.d.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]web.UnitView, len(units))
	for i, u := range units {
		out[i] = unitView(u)
	}
	return out, nil
}

func (s *unitService) Get(ctx context.Context, id int64) (web.UnitView, error) {
	if _, _, err := s.d.acting(ctx, authz.UnitRead); err != nil {
		return web.UnitView{}, err
	}
	u, err := s.d.Store.FindUnitByID(ctx, id)
	if err != nil {
		return web.UnitView{}, pageError(err, "", "")
	}
	return unitView(*u), nil
}

func (s *unitService) Create(ctx context.Context, in web.UnitInput) (int64, error) {
	_, actor, err := s.d.acting(ctx, authz.UnitWrite)
	if err != nil {
		return 0, err
	}
	if in.Name == "" {
		return 0, &web.ValidationError{Fields: map[string]string{"name": "error.required"}}
	}
	u, err := s.d.Store.CreateUnit(ctx, actor, records.UnitCreate{Name: in.Name, ParentID: in.ParentID, Kind: in.Kind, Aliases: in.Aliases, Email: in.Email})
	if err != nil {
		return 0, unitError(err)
	}
	return u.ID, nil
}

func (s *unitService) Update(ctx context.Context, id int64, in web.UnitInput) error {
	_, actor, err := s.d.acting(ctx, authz.UnitWrite)
	if err != nil {
		return err
	}
	if in.Name == "" {
		return &web.ValidationError{Fields: map[string]string{"name": "error.required"}}
	}
	_, err = s.d.Store.UpdateUnit(ctx, actor, id, records.UnitUpdate{Name: &in.Name, ParentID: &in.ParentID, Kind: &in.Kind, Aliases: &in.Aliases, Email: &in.Email})
	return unitError(err)
}

// unitError names the field a refused unit is about: a taken name, or a
// bad e-mail address.
func unitError(err error) error {
	if errors.Is(err, records.ErrBadEmail) {
		return &web.ValidationError{Fields: map[string]string{"email": "error.email_invalid"}}
	}
	return pageError(err, "name", "error.unit_name_taken")
}
