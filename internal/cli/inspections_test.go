package cli

import (
	"bytes"
	"context"
	"io"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/inspectsvc"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// pageFindingA is a finding addressed to 市法制办 (unit A), which a
// liaison of unit B must never read.
const pageFindingA = "甲单位政务公开栏内容过期"

// inspectionIDs are the inspections' records the pages and forms act on.
type inspectionIDs struct {
	unit, entry, inspection, finding, file int64
}

// inspectionPages are the inspections' rows of the page matrix: the
// inspections are the office's and leaders'; the 问题清单 and a finding's
// photo are also its unit's liaison's, and none of another unit's.
func inspectionPages() []page {
	fixed := func(p string) func(pageIDs) string { return func(pageIDs) string { return p } }
	return []page{
		{path: fixed("/inspections"), allowed: officeLeaders},
		{path: fixed("/inspections/plan"), allowed: officeLeaders},
		{path: fixed("/inspections/1"), allowed: officeLeaders},
		{path: fixed("/findings"), allowed: ledgerReaders, hidden: pageFindingA},
		{path: fixed("/findings/export.xlsx"), allowed: ledgerReaders},
		{path: fixed("/findings/files/1"), allowed: unitAReaders, refused: map[string]string{"liaisonB": "error 404"}},
	}
}

// seedInspections gives the application a 督查计划 entry, an inspection
// held today and a finding of unit A's with a photo: entry, inspection,
// finding and file 1 on a fresh database.
func seedInspections(t *testing.T, app *App, unitA int64) inspectionIDs {
	t.Helper()
	ctx := context.Background()
	u, err := app.Store.FindUserByUsername(ctx, "office")
	if err != nil {
		t.Fatal(err)
	}
	office := authz.Principal{UserID: u.ID, Username: u.Username, Role: authz.Office}
	actor := audit.Actor{ID: u.ID, Username: u.Username}
	ins := app.Inspections
	today := ins.Now().In(workday.Zone)
	e, err := ins.AddPlanEntry(ctx, office, actor, records.InspectionPlanEntry{Year: today.Year(), Title: "政务公开专项督查", Kind: "special",
		Month: int(today.Month()), UnitIDs: []int64{unitA}})
	if err != nil {
		t.Fatal(err)
	}
	in, err := ins.Record(ctx, office, actor, records.Inspection{PlanEntryID: e.ID, Title: "政务公开专项督查（第一批）",
		HeldOn: today.Format(time.DateOnly), Inspectors: "督查室"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := ins.AddFinding(ctx, office, actor, in.ID, inspectsvc.FindingInput{Description: pageFindingA, UnitID: unitA,
		Due: today.AddDate(0, 0, 20).Format(time.DateOnly), Files: []ledgersvc.Upload{{Name: "现场.pdf", Size: int64(len(pdfBytes)),
			Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(pdfBytes)), nil }}}})
	if err != nil {
		t.Fatal(err)
	}
	return inspectionIDs{unit: unitA, entry: e.ID, inspection: in.ID, finding: f.ID, file: f.Files[0].ID}
}
