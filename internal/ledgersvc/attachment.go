package ledgersvc

import (
	"context"
	"errors"
	"io"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// RecordNoticeDownload audits (task.notice.download) that actor took the
// 督办通知书 of task id's notice key as a document; p must be able to read
// the task (Readable).
func (s *Service) RecordNoticeDownload(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, key string) error {
	if _, err := s.Readable(ctx, p, id); err != nil {
		return err
	}
	return s.Store.RecordEvent(ctx, actor, "task.notice.download", "task", id, map[string]any{"notice": key})
}

// Attachment opens attachment id for p, who must be able to read its
// task (Readable): its record and its content, which the caller closes.
// A file missing from the attachment store is not found. The download is
// audited (attachment.download), as actor.
func (s *Service) Attachment(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) (*records.Attachment, io.ReadSeekCloser, error) {
	if !authz.Allowed(p, authz.TaskRead) {
		return nil, nil, ErrForbidden
	}
	a, taskID, err := s.Store.FindAttachment(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if _, err := s.Readable(ctx, p, taskID); err != nil {
		return nil, nil, err
	}
	if s.Files == nil {
		return nil, nil, fault.Wrap(fault.NotFound, "", errors.New("ledgersvc: no attachment store"))
	}
	f, err := s.Files.Get(a.SHA256)
	if err != nil {
		return nil, nil, fault.Wrap(fault.NotFound, "", err)
	}
	if err := s.Store.RecordEvent(ctx, actor, "attachment.download", "attachment", id,
		map[string]any{"task_id": taskID, "filename": a.Filename, "size": a.Size, "sha256": a.SHA256}); err != nil {
		f.Close()
		return nil, nil, err
	}
	return a, f, nil
}
