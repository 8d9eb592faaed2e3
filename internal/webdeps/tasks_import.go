package webdeps

import (
	"context"
	"errors"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/report"
	"github.com/duban/duban/internal/web"
)

// ImportProgress records a filled-in ledger sheet through
// ledgersvc.ImportProgress, translating a refused sheet into the rows the
// page lists.
func (s *tasks) ImportProgress(ctx context.Context, file web.Upload) (int, int, error) {
	p, actor, err := s.d.acting(ctx, authz.TaskReport)
	if err != nil {
		return 0, 0, err
	}
	f, err := file.Open()
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	res, err := s.d.Ledger.ImportProgress(ctx, p, actor, f, file.Name)
	var sheet *report.SheetError
	var bad *report.FileError
	switch {
	case errors.As(err, &sheet):
		rows := make([]string, len(sheet.Errors))
		for i, e := range sheet.Errors {
			rows[i] = e.String()
		}
		return 0, 0, &web.SheetRowsError{File: file.Name, Rows: rows}
	case errors.As(err, &bad):
		return 0, 0, errors.Join(web.ErrBadFile, err)
	case err != nil:
		return 0, 0, pageError(err, "", "")
	}
	return res.Imported, res.Skipped, nil
}
