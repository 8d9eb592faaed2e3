package webdeps

import (
	"context"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// inbox is the messages page over the supervision service's inbox.
type inbox struct{ d *Deps }

func (s *inbox) Messages(ctx context.Context) (*web.InboxView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	in, err := s.d.Supervision.Inbox(ctx, p)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	loc := i18n.FromContext(ctx)
	return &web.InboxView{Messages: messages(loc, in.Messages, in.UnitNames),
		Failed: messages(loc, in.Failed, in.UnitNames), CanResend: in.CanResend}, nil
}

func (s *inbox) Resend(ctx context.Context, id int64) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	return pageError(s.d.Supervision.Resend(ctx, p, actor, id), "", "")
}

// messages are the notifications as the reader reads them: in their
// language when the notification keeps its message, as they were sent
// otherwise (those stored before it was kept, and alerts worded in Go).
func messages(loc i18n.Localizer, list []records.Notification, unitNames map[int64]string) []web.Message {
	if len(list) == 0 {
		return nil
	}
	out := make([]web.Message, len(list))
	for i, n := range list {
		title, text := n.Title, n.Text
		if len(n.Message) > 0 {
			title, text = loc.Render(n.Message[0]), loc.RenderLines(n.Message[1:])
		}
		out[i] = web.Message{ID: n.ID, Channel: n.Channel, Unit: unitNames[n.UnitID], Title: title, Text: text,
			Link: n.Link, Error: n.Error, Created: n.Created}
	}
	return out
}
