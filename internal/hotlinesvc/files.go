package hotlinesvc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/records"
)

// MaxFileSize bounds one photo or PDF of a ticket: a phone's photo fits.
const MaxFileSize = 5 << 20

// fileKinds are what a ticket takes: photos and PDF, nothing a browser
// would run or an office suite would open with macros.
var fileKinds = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".pdf": true}

// Upload is a file sent with a request, not read yet.
type Upload struct {
	Name string
	Size int64 // as the client said; checked again once read
	Open func() (io.ReadCloser, error)
}

// ErrNoFiles is a file sent to an instance that keeps none.
var ErrNoFiles = errors.New("hotlinesvc: no attachment store")

// KeepFiles checks and keeps the files of an intake: at most MaxFiles,
// each a photo or a PDF by both its name and its first bytes (files.Put),
// none over MaxFileSize. A refusal is at the field "files", naming the
// file.
func (s *Service) KeepFiles(ups []Upload) ([]records.Attachment, error) {
	if len(ups) == 0 {
		return nil, nil
	}
	if s.Files == nil {
		return nil, ErrNoFiles
	}
	if len(ups) > MaxFiles {
		return nil, fault.InvalidAt("files", "hotline.error.files_many", "files_max", MaxFiles)
	}
	refuse := func(u Upload, key string) error {
		return fault.InvalidAt("files", key, "name", u.Name, "mb", MaxFileSize>>20)
	}
	var out []records.Attachment
	for _, u := range ups {
		if !fileKinds[strings.ToLower(filepath.Ext(u.Name))] {
			return nil, refuse(u, "hotline.error.file_kind")
		}
		if u.Size > MaxFileSize {
			return nil, refuse(u, "hotline.error.file_large")
		}
		f, err := u.Open()
		if err != nil {
			return nil, err
		}
		saved, err := s.Files.Put(u.Name, f)
		f.Close()
		switch {
		case errors.Is(err, files.ErrNotAllowed):
			return nil, refuse(u, "hotline.error.file_content")
		case errors.Is(err, files.ErrEmpty):
			return nil, refuse(u, "hotline.error.file_empty")
		case errors.Is(err, files.ErrTooLarge):
			return nil, refuse(u, "hotline.error.file_large")
		case err != nil:
			return nil, err
		}
		if saved.Size > MaxFileSize { // the form's size was the client's word
			return nil, refuse(u, "hotline.error.file_large")
		}
		out = append(out, records.Attachment{Filename: filepath.Base(u.Name), ContentType: saved.ContentType, Size: saved.Size, SHA256: saved.SHA256})
	}
	return out, nil
}

// File is a ticket's file for p, who may read the ticket: the office and
// leaders, a liaison for their units' tickets. The caller closes body.
// The download is audited (ticket.file.download), as actor.
func (s *Service) File(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) (*records.Attachment, io.ReadSeekCloser, error) {
	if s.Files == nil {
		return nil, nil, fault.ErrNotFound
	}
	if !authz.Allowed(p, authz.TicketRead) {
		return nil, nil, fault.ErrForbidden
	}
	a, ticketID, err := s.Store.FindTicketFile(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if _, err := s.readable(ctx, p, ticketID, authz.TicketRead); err != nil {
		return nil, nil, err
	}
	body, err := s.Files.Get(a.SHA256)
	if err != nil {
		return nil, nil, fmt.Errorf("hotlinesvc: file %d: %v: %w", id, err, fault.ErrNotFound)
	}
	if err := s.Store.RecordEvent(ctx, actor, "ticket.file.download", "ticket_file", id,
		map[string]any{"ticket_id": ticketID, "filename": a.Filename, "size": a.Size, "sha256": a.SHA256}); err != nil {
		body.Close()
		return nil, nil, err
	}
	return a, body, nil
}
