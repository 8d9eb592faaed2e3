package webdeps

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// maxTicketFile bounds one photo or PDF of a ticket: a phone's photo fits.
const maxTicketFile = 5 << 20

// ticketFileKinds are what a ticket takes: photos and PDF, nothing a
// browser would run or an office suite would open with macros.
var ticketFileKinds = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".pdf": true}

// keepTicketFiles checks and keeps the files of an intake: at most
// hotlinesvc.MaxFiles, each a photo or a PDF by both its name and its
// first bytes (files.Put), none over 5 MB. A refusal is the form's.
func (s *tickets) keepTicketFiles(ups []web.Upload) ([]records.Attachment, error) {
	if len(ups) == 0 {
		return nil, nil
	}
	if s.d.Files == nil {
		return nil, errNoFiles
	}
	refuse := func(u web.Upload, why string) error {
		return &web.RulesInputError{Problems: []string{fmt.Sprintf("附件“%s”：%s", u.Name, why)}}
	}
	if len(ups) > hotlinesvc.MaxFiles {
		return nil, &web.RulesInputError{Problems: []string{fmt.Sprintf("附件最多 %d 个", hotlinesvc.MaxFiles)}}
	}
	var out []records.Attachment
	for _, u := range ups {
		if !ticketFileKinds[strings.ToLower(filepath.Ext(u.Name))] {
			return nil, refuse(u, "只接受 JPG、PNG 图片或 PDF")
		}
		if u.Size > maxTicketFile {
			return nil, refuse(u, "超过 5 MB")
		}
		f, err := u.Open()
		if err != nil {
			return nil, err
		}
		saved, err := s.d.Files.Put(u.Name, f)
		f.Close()
		switch {
		case errors.Is(err, files.ErrNotAllowed):
			return nil, refuse(u, "内容与扩展名不符，只接受真正的 JPG、PNG 图片或 PDF")
		case errors.Is(err, files.ErrEmpty):
			return nil, refuse(u, "文件为空")
		case errors.Is(err, files.ErrTooLarge):
			return nil, refuse(u, "超过 5 MB")
		case err != nil:
			return nil, err
		}
		if saved.Size > maxTicketFile { // the form's size was the client's word
			return nil, refuse(u, "超过 5 MB")
		}
		out = append(out, records.Attachment{Filename: filepath.Base(u.Name), ContentType: saved.ContentType, Size: saved.Size, SHA256: saved.SHA256})
	}
	return out, nil
}

// Attachment downloads a ticket's file for whoever may read the ticket:
// the office and leaders, a liaison for their units' tickets.
func (s *tickets) Attachment(ctx context.Context, id int64) (*web.Download, error) {
	if s.d.Files == nil {
		return nil, web.ErrNotFound
	}
	a, ticketID, err := s.d.Store.FindTicketFile(ctx, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	if _, _, err := s.ticket(ctx, ticketID, authz.TicketRead); err != nil {
		return nil, err
	}
	f, err := s.d.Files.Get(a.SHA256)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", web.ErrNotFound, err)
	}
	return &web.Download{Filename: a.Filename, ContentType: a.ContentType, ModTime: a.CreatedAt, Body: f}, nil
}

// fileLinks are a ticket's files as its page lists them.
func (s *tickets) fileLinks(ctx context.Context, ticketID int64) ([]web.FileLink, error) {
	list, err := s.d.Store.TicketFiles(ctx, ticketID)
	if err != nil {
		return nil, err
	}
	out := make([]web.FileLink, len(list))
	for i, a := range list {
		out[i] = web.FileLink{ID: a.ID, Name: a.Filename, Size: a.Size}
	}
	return out, nil
}
