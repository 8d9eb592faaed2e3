package ledgersvc

import (
	"errors"
	"io"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/records"
)

// Upload is a file sent with a report, a 销号 application or an answer to
// a 督办单, as the page's form or the API's multipart request carries it.
type Upload struct {
	Name string
	Size int64 // as the request declares it; checked before reading
	Open func() (io.ReadCloser, error)
}

// FilesField is the input field a refused upload is reported at.
const FilesField = "files"

// errNoFiles is a deployment without an attachment store receiving files.
var errNoFiles = errors.New("ledgersvc: no attachment store")

// Keep checks and keeps uploaded files, for every way in: a file over
// files.MaxSize, of a type not allowed or empty is refused as invalid at
// FilesField with the catalogue's key, before anything is stored.
func (s *Service) Keep(ups []Upload) ([]records.Attachment, error) {
	if len(ups) == 0 {
		return nil, nil
	}
	if s.Files == nil {
		return nil, errNoFiles
	}
	out := make([]records.Attachment, 0, len(ups))
	for _, u := range ups {
		if u.Size > files.MaxSize {
			return nil, fault.Field(FilesField, "error.file_too_large")
		}
		f, err := u.Open()
		if err != nil {
			return nil, fault.Wrap(fault.Invalid, "", err)
		}
		saved, err := s.Files.Put(u.Name, f)
		f.Close()
		switch {
		case errors.Is(err, files.ErrTooLarge):
			return nil, fault.Field(FilesField, "error.file_too_large")
		case errors.Is(err, files.ErrNotAllowed):
			return nil, fault.Field(FilesField, "error.file_type")
		case errors.Is(err, files.ErrEmpty):
			return nil, fault.Field(FilesField, "error.file_empty")
		case err != nil:
			return nil, err
		}
		out = append(out, records.Attachment{Filename: u.Name, ContentType: saved.ContentType, Size: saved.Size, SHA256: saved.SHA256})
	}
	return out, nil
}
