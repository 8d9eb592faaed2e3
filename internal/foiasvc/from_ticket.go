package foiasvc

import (
	"context"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/pii"
)

// FromTicket is the intake of a 12345 request redirected to 依申请公开,
// for p who handles requests to record it: the caller as the applicant,
// masked for whoever may not see personal data (the office re-asks
// them then), the request's text as what is asked for. A request by
// phone has no channel: the Regulations want a written request, so the
// office records how it came.
func (s *Service) FromTicket(ctx context.Context, p authz.Principal, ticketID int64) (Intake, error) {
	if !authz.Allowed(p, authz.FOIAHandle) {
		return Intake{}, fault.ErrForbidden
	}
	t, err := s.Store.FindTicket(ctx, ticketID)
	if err != nil {
		return Intake{}, err
	}
	if !authz.SeesPersonalData(p) {
		m := t.Masked()
		m.Description = pii.Mask(m.Description)
		t = &m
	} else if err := s.viewed(ctx, p, "ticket", ticketID); err != nil {
		return Intake{}, err
	}
	channel := string(foia.Online)
	if t.Channel == "phone" {
		channel = ""
	}
	return Intake{Kind: string(foia.Person), Name: t.CallerName, Phone: t.CallerPhone, Email: t.CallerEmail, Address: t.Address,
		Channel: channel, Content: t.Description}, nil
}
