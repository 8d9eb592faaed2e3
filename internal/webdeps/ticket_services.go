package webdeps

import (
	"context"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// The category tree is the office's; the hotline service checks that the
// caller dispatches tickets.

func (s *tickets) Services(ctx context.Context) ([]web.ServiceView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	services, err := s.d.Hotline.Services(ctx, p)
	if err != nil {
		return nil, refused(ctx, err)
	}
	out := make([]web.ServiceView, len(services))
	for i, svc := range services {
		out[i] = web.ServiceView{ServiceInput: serviceInput(svc.TicketService),
			TypeLabel: i18n.FromContext(ctx).Code("hotline.type", svc.Type, hotline.Type(svc.Type).Label()), Unit: svc.Unit}
	}
	return out, nil
}

func serviceInput(s records.TicketService) web.ServiceInput {
	return web.ServiceInput{Code: s.Code, Name: s.Name, Path: s.Path, Type: s.Type, Keywords: s.Keywords, UnitID: s.UnitID, Active: s.Active}
}

func (s *tickets) ServiceForm(ctx context.Context, code string) (*web.ServiceFormView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	f, err := s.d.Hotline.ServiceForm(ctx, p, code)
	if err != nil {
		return nil, refused(ctx, err)
	}
	v := &web.ServiceFormView{Units: unitOptions(f.Units), Paths: f.Paths}
	if f.Service != nil {
		v.ServiceInput = serviceInput(*f.Service)
	}
	for _, t := range hotline.Types {
		v.Types = append(v.Types, web.Option{Value: string(t), Label: i18n.FromContext(ctx).Code("hotline.type", string(t), t.Label())})
	}
	return v, nil
}

func (s *tickets) SaveService(ctx context.Context, code string, in web.ServiceInput) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	svc := records.TicketService{Code: in.Code, Name: in.Name, Path: in.Path, Type: in.Type, UnitID: in.UnitID, Keywords: in.Keywords, Active: in.Active}
	err = s.d.Hotline.SaveService(ctx, p, actor, code, svc)
	// The category form shows each refusal at its field.
	if e := fault.As(err); e != nil && len(e.Fields) > 0 {
		return &web.ValidationError{Fields: e.Fields}
	}
	return refused(ctx, err)
}
