package webdeps

import (
	"context"
	"io"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/web"
)

// Export writes the ledger of the tasks matching f that the user may
// read (ledgersvc.Export, which records it in the audit log and names the
// user on the sheet).
func (s *tasks) Export(ctx context.Context, f web.TaskFilter, w io.Writer) error {
	p, actor, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return err
	}
	return pageError(s.d.Ledger.Export(ctx, p, actor, storeTaskFilter(f), w), "", "")
}
