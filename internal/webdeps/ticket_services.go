package webdeps

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/web"
)

// The category tree is the office's: it decides where tickets go (the
// 权责清单) and, by path, which time limit applies, so only those who
// dispatch tickets edit it.

func (s *tickets) Services(ctx context.Context) ([]web.ServiceView, error) {
	if _, _, err := s.d.acting(ctx, authz.TicketDispatch); err != nil {
		return nil, err
	}
	services, err := s.d.Store.TicketServices(ctx)
	if err != nil {
		return nil, err
	}
	names, err := s.unitNames(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]web.ServiceView, len(services))
	for i, svc := range services {
		out[i] = web.ServiceView{ServiceInput: serviceInput(svc), TypeLabel: i18n.FromContext(ctx).Code("hotline.type", svc.Type, hotline.Type(svc.Type).Label()), Unit: names[svc.UnitID]}
	}
	return out, nil
}

func serviceInput(s records.TicketService) web.ServiceInput {
	return web.ServiceInput{Code: s.Code, Name: s.Name, Path: s.Path, Type: s.Type, Keywords: s.Keywords, UnitID: s.UnitID, Active: s.Active}
}

func (s *tickets) unitNames(ctx context.Context) (map[int64]string, error) {
	units, err := s.d.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(units))
	for _, u := range units {
		names[u.ID] = u.Name
	}
	return names, nil
}

func (s *tickets) ServiceForm(ctx context.Context, code string) (*web.ServiceFormView, error) {
	if _, _, err := s.d.acting(ctx, authz.TicketDispatch); err != nil {
		return nil, err
	}
	v := &web.ServiceFormView{}
	if code != "" {
		svc, err := s.d.Store.FindTicketService(ctx, code)
		if err != nil {
			return nil, pageError(err, "", "")
		}
		v.ServiceInput = serviceInput(*svc)
	}
	units, err := s.d.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		if u.Kind != records.UnitGroup { // 市级有关部门 and the like answer for nothing
			v.Units = append(v.Units, web.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.Name})
		}
	}
	for _, t := range hotline.Types {
		v.Types = append(v.Types, web.Option{Value: string(t), Label: i18n.FromContext(ctx).Code("hotline.type", string(t), t.Label())})
	}
	services, err := s.d.Store.TicketServices(ctx)
	if err != nil {
		return nil, err
	}
	// Every level in use, so that a service can be moved under one.
	seen := map[string]bool{}
	for _, svc := range services {
		levels := strings.Split(svc.Path, "/")
		for i := range levels {
			seen[strings.Join(levels[:i+1], "/")] = true
		}
	}
	for p := range seen {
		if p != "" {
			v.Paths = append(v.Paths, p)
		}
	}
	slices.Sort(v.Paths)
	return v, nil
}

func (s *tickets) SaveService(ctx context.Context, code string, in web.ServiceInput) error {
	_, actor, err := s.d.acting(ctx, authz.TicketDispatch)
	if err != nil {
		return err
	}
	if hotline.Type(in.Type).Label() == "" {
		return &web.ValidationError{Fields: map[string]string{"type": "error.service_type_invalid"}}
	}
	if in.UnitID != 0 {
		u, err := s.d.Store.FindUnitByID(ctx, in.UnitID)
		if errors.Is(err, fault.ErrNotFound) || (err == nil && u.Kind == records.UnitGroup) {
			return &web.ValidationError{Fields: map[string]string{"unit": "error.service_unit_invalid"}}
		}
		if err != nil {
			return err
		}
	}
	svc := records.TicketService{Code: in.Code, Name: in.Name, Path: in.Path, Type: in.Type, UnitID: in.UnitID, Keywords: in.Keywords, Active: in.Active}
	if code == "" {
		return pageError(s.d.Store.CreateTicketService(ctx, actor, svc), "code", "error.service_code_taken")
	}
	return pageError(s.d.Store.UpdateTicketService(ctx, actor, code, svc), "", "")
}
