package adminsvc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

// TestExportAudit: an export records itself before reading, with its
// filter and how many entries it gives, then gives every matching entry
// oldest first, page after page with no cap; it is recorded even when
// the file breaks off at once.
func TestExportAudit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		for i := range 7 {
			if err := db.RecordEvent(ctx, audit.System, fmt.Sprintf("test.event%d", i), "test", i, nil); err != nil {
				t.Fatal(err)
			}
		}
		defer func(n int) { exportPage = n }(exportPage)
		exportPage = 3 // three pages for seven entries

		p, actor := f.who["auditadmin"], f.actor("auditadmin")
		var seqs []int64
		err := f.svc.ExportAudit(ctx, p, actor, records.AuditFilter{Action: "test.", Limit: 2, Offset: 5}, func(e audit.Entry) error {
			seqs = append(seqs, e.Seq)
			return nil
		})
		if err != nil || len(seqs) != 7 {
			t.Fatalf("exported %v, %v; want all seven", seqs, err)
		}
		for i := 1; i < len(seqs); i++ {
			if seqs[i] != seqs[i-1]+1 {
				t.Errorf("not oldest first without gaps: %v", seqs)
			}
		}
		last, _, _ := db.FindAudit(ctx, records.AuditFilter{Limit: 1})
		var detail map[string]any
		if err := json.Unmarshal([]byte(last[0].After), &detail); err != nil || last[0].Action != "audit.export" ||
			last[0].Actor != "auditadmin" || detail["entries"] != float64(7) || detail["action"] != "test." {
			t.Errorf("export recorded as %+v (%v)", last[0], err)
		}

		// Everything, the first export's own entry included; the second
		// export's entry comes after what it counted and is not in it.
		total := 0
		if err := f.svc.ExportAudit(ctx, p, actor, records.AuditFilter{}, func(audit.Entry) error { total++; return nil }); err != nil {
			t.Fatal(err)
		}
		if _, n, _ := db.FindAudit(ctx, records.AuditFilter{}); total != n-1 {
			t.Errorf("exported %d of the %d entries before it", total, n-1)
		}

		broke := errors.New("the connection closed")
		_, before, _ := db.FindAudit(ctx, records.AuditFilter{Action: "audit.export"})
		if err := f.svc.ExportAudit(ctx, p, actor, records.AuditFilter{}, func(audit.Entry) error { return broke }); !errors.Is(err, broke) {
			t.Errorf("a broken export: %v", err)
		}
		if _, after, _ := db.FindAudit(ctx, records.AuditFilter{Action: "audit.export"}); after != before+1 {
			t.Errorf("a broken export was not recorded: %d exports, then %d", before, after)
		}
	})
}
