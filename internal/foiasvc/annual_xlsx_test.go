package foiasvc

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/officetest"
)

// TestAnnualXlsxPrints: the annual table's workbook prints landscape one
// page wide with its title and header repeated, the table's cells
// bordered, and LibreOffice prints its rows on one page with its number.
func TestAnnualXlsxPrints(t *testing.T) {
	rows := foia.AnnualTable(2026, nil)
	data, err := AnnualXlsx(2026, rows)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "收到和处理申请情况"
	pl, err := f.GetPageLayout(sheet)
	if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
		t.Errorf("page layout %+v %v", pl, err)
	}
	found := false
	for _, n := range f.GetDefinedName() {
		found = found || (n.Name == "_xlnm.Print_Titles" && n.Scope == sheet && n.RefersTo == "'"+sheet+"'!$1:$2")
	}
	if !found {
		t.Errorf("no print titles: %+v", f.GetDefinedName())
	}
	last, _ := excelize.ColumnNumberToName(len(foia.Applicants) + 2)
	for _, cell := range []string{"A2", last + "2", "A3", fmt.Sprintf("%s%d", last, len(rows)+2)} {
		id, _ := f.GetCellStyle(sheet, cell)
		st, err := f.GetStyle(id)
		if err != nil || len(st.Border) != 4 {
			t.Errorf("%s: borders %+v %v", cell, st.Border, err)
		}
	}
	officetest.Require(t)
	pages := map[int]string{}
	for _, l := range officetest.PDFText(t, officetest.ConvertBytes(t, "年报.xlsx", data, "pdf", "pdf")) {
		pages[l.Page] += l.Text
	}
	if len(pages) < 1 || len(pages) > 2 {
		t.Errorf("%d rows print on %d pages, want 1 or 2", len(rows), len(pages))
	}
	for p, text := range pages {
		if !strings.Contains(text, fmt.Sprintf("第 %d 页 共 %d 页", p, len(pages))) || !strings.Contains(text, "收到和处理政府信息公开申请情况") {
			t.Errorf("page %d lacks its number or title: %.150s", p, text)
		}
	}
}
