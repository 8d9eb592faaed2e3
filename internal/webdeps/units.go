package webdeps

import (
	"context"

	"github.com/duban/duban/internal/adminsvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// unitService is the unit registry's pages over adminsvc.
type unitService struct{ d *Deps }

func unitView(u records.Unit) web.UnitView {
	return web.UnitView{ID: u.ID, Name: u.Name, ParentID: u.ParentID, Kind: u.Kind, Aliases: u.Aliases, Email: u.Email,
		MembersGroupID: u.MembersGroupID}
}

func (s *unitService) MayWrite(ctx context.Context) error {
	p, _, err := s.d.caller(ctx)
	if err == nil && !adminsvc.MayWriteUnits(p) {
		err = web.ErrForbidden
	}
	return err
}

func (s *unitService) List(ctx context.Context) ([]web.UnitView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	units, err := s.d.Admin.Units(ctx, p)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	out := make([]web.UnitView, len(units))
	for i, u := range units {
		out[i] = unitView(u)
	}
	return out, nil
}

func (s *unitService) Get(ctx context.Context, id int64) (web.UnitView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return web.UnitView{}, err
	}
	u, err := s.d.Admin.Unit(ctx, p, id)
	if err != nil {
		return web.UnitView{}, pageError(err, "", "")
	}
	return unitView(*u), nil
}

func (s *unitService) Create(ctx context.Context, in web.UnitInput) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	u, err := s.d.Admin.CreateUnit(ctx, p, actor, records.UnitCreate{Name: in.Name, ParentID: in.ParentID, Kind: in.Kind,
		Aliases: in.Aliases, Email: in.Email})
	if err != nil {
		return 0, pageError(err, "", "")
	}
	return u.ID, nil
}

// Update saves the whole form: every field is given, so every field is
// set (an emptied e-mail or alias list clears it).
func (s *unitService) Update(ctx context.Context, id int64, in web.UnitInput) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Admin.UpdateUnit(ctx, p, actor, id, records.UnitUpdate{Name: &in.Name, ParentID: &in.ParentID, Kind: &in.Kind,
		Aliases: &in.Aliases, Email: &in.Email, MembersGroupID: in.MembersGroupID})
	return pageError(err, "", "")
}
