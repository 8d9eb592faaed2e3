package hotlinesvc

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/records"
)

// The category tree (事项类别) is the office's: it decides where tickets
// go (the 权责清单) and, by path, which time limit applies, so only those
// who dispatch tickets read and edit it. The public form offers the
// active categories to everyone (ActiveServices).

// Category is a category with the name of the unit it routes to.
type Category struct {
	records.TicketService
	Unit string // "" routes to triage
}

// Services are every category, for p who dispatches tickets.
func (s *Service) Services(ctx context.Context, p authz.Principal) ([]Category, error) {
	if !authz.Allowed(p, authz.TicketDispatch) {
		return nil, fault.ErrForbidden
	}
	services, err := s.Store.TicketServices(ctx)
	if err != nil {
		return nil, err
	}
	units, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(units))
	for _, u := range units {
		names[u.ID] = u.Name
	}
	out := make([]Category, len(services))
	for i, svc := range services {
		out[i] = Category{TicketService: svc, Unit: names[svc.UnitID]}
	}
	return out, nil
}

// ActiveServices are the categories a request may be filed under: the
// public form's choice, which anyone may see.
func (s *Service) ActiveServices(ctx context.Context) ([]records.TicketService, error) {
	services, err := s.Store.TicketServices(ctx)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(services, func(svc records.TicketService) bool { return !svc.Active }), nil
}

// CategoryForm is what the form of a category offers: the category
// (nil for a new one), the units it may route to and every level of the
// tree in use, so that a category can be moved under one.
type CategoryForm struct {
	Service *records.TicketService
	Units   []records.Unit
	Paths   []string
}

// ServiceForm is the form of category code ("" for a new one), for p who
// dispatches tickets.
func (s *Service) ServiceForm(ctx context.Context, p authz.Principal, code string) (*CategoryForm, error) {
	if !authz.Allowed(p, authz.TicketDispatch) {
		return nil, fault.ErrForbidden
	}
	f := &CategoryForm{}
	var err error
	if code != "" {
		if f.Service, err = s.Store.FindTicketService(ctx, code); err != nil {
			return nil, err
		}
	}
	if f.Units, err = s.Units(ctx); err != nil {
		return nil, err
	}
	services, err := s.Store.TicketServices(ctx)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, svc := range services {
		levels := strings.Split(svc.Path, "/")
		for i := range levels {
			seen[strings.Join(levels[:i+1], "/")] = true
		}
	}
	for path := range seen {
		if path != "" {
			f.Paths = append(f.Paths, path)
		}
	}
	slices.Sort(f.Paths)
	return f, nil
}

// SaveService creates a category (code "") or updates category code, for
// p who dispatches tickets: its type one of hotline.Types, its unit one
// of the registry that is no group; a code taken is a conflict at the
// field "code".
func (s *Service) SaveService(ctx context.Context, p authz.Principal, actor audit.Actor, code string, svc records.TicketService) error {
	if !authz.Allowed(p, authz.TicketDispatch) {
		return fault.ErrForbidden
	}
	if hotline.Type(svc.Type).Label() == "" {
		return fault.InvalidAt("type", "error.service_type_invalid")
	}
	if svc.UnitID != 0 {
		u, err := s.Store.FindUnitByID(ctx, svc.UnitID)
		if errors.Is(err, fault.ErrNotFound) || (err == nil && u.Kind == records.UnitGroup) {
			return fault.InvalidAt("unit", "error.service_unit_invalid")
		}
		if err != nil {
			return err
		}
	}
	if code == "" {
		err := s.Store.CreateTicketService(ctx, actor, svc)
		if errors.Is(err, fault.ErrConflict) {
			return &fault.Error{Code: fault.Conflict, Fields: map[string]string{"code": "error.service_code_taken"}, Err: err}
		}
		return err
	}
	return s.Store.UpdateTicketService(ctx, actor, code, svc)
}
