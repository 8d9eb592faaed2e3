package webdeps

import (
	"context"
	"io"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/web"
)

// Export writes the ledger of the tasks matching f that the user may
// read (ledgersvc.Export). The export itself is recorded in the audit log:
// a ledger leaving the system is worth knowing about.
func (s *tasks) Export(ctx context.Context, f web.TaskFilter, w io.Writer) error {
	p, actor, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return err
	}
	sf := storeTaskFilter(f)
	if err := s.d.Store.RecordEvent(ctx, actor, "ledger.export", "task", "", ledgersvc.ExportDetail(sf)); err != nil {
		return err
	}
	by := actor.Username
	if cu, ok := web.CurrentUserFrom(ctx); ok && cu.DisplayName != "" {
		by = cu.DisplayName
	}
	return s.d.Ledger.Export(ctx, p, sf, by, w)
}
