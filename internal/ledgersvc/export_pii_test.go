package ledgersvc

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestExportMasksPersonalData: a report holding an ID number written with
// spaces and a phone number in full-width digits leaves in the exported
// ledger masked, whoever exports it (the office too); the same sheet
// imported back is the same report, not a new one.
func TestExportMasksPersonalData(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			w := newWorld(t, kind)
			ctx := context.Background()
			text := "已走访困难户（身份证 4401 0119 9001 0112 34，电话１３９００００１１１１），下周复核。"
			if _, _, err := w.s.Report(ctx, w.liaison, w.liaisonActor, w.task, ReportInput{Text: text}); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := w.s.Export(ctx, w.office, w.officeActor, records.TaskFilter{}, &buf); err != nil {
				t.Fatal(err)
			}
			sheet := bytes.NewReader(buf.Bytes())
			x, err := excelize.OpenReader(sheet)
			if err != nil {
				t.Fatal(err)
			}
			rows, _ := x.GetRows(x.GetSheetName(0))
			var all []string
			for _, r := range rows {
				all = append(all, r...)
			}
			joined := strings.Join(all, "|")
			if strings.Contains(joined, "4401 0119") || strings.Contains(joined, "１３９００００") ||
				!strings.Contains(joined, "已走访困难户（身份证 **** **** **** **** 34，电话*********１１），下周复核。") {
				t.Errorf("the export holds %q", joined)
			}
			got, err := w.s.ImportProgress(ctx, w.liaison, w.liaisonActor, bytes.NewReader(buf.Bytes()), "台账.xlsx")
			if err != nil || got.Imported != 0 || got.Skipped != 1 {
				t.Errorf("the export imported back: %+v %v", got, err)
			}
		})
	}
}
