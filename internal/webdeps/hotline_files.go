package webdeps

import (
	"context"

	"github.com/duban/duban/internal/web"
)

// Attachment downloads a ticket's file for whoever may read the ticket:
// the service decides (the office and leaders, a liaison for their
// units' tickets).
func (s *tickets) Attachment(ctx context.Context, id int64) (*web.Download, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	a, body, err := s.d.Hotline.File(ctx, p, actor, id)
	if err != nil {
		return nil, refused(ctx, err)
	}
	return &web.Download{Filename: a.Filename, ContentType: a.ContentType, ModTime: a.CreatedAt, Body: body}, nil
}
