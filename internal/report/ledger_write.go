package report

import (
	"fmt"
	"io"
	"iter"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/workday"
)

// sheetName is the exported worksheet's name.
const sheetName = "执行台账"

// WriteLedger writes the ledger as an .xlsx workbook to w.
//
// rows is read once, in order, and each row is written as it arrives, so a
// database cursor can feed it directly; an error it yields stops the export
// and is returned. A caller that wants to show progress or honour a context
// wraps rows. Nothing is written to w unless the whole workbook was built:
// excelize assembles the finished (compressed) file in memory, about 45
// bytes a row, and the sheet XML before it spills to a temporary file.
func WriteLedger(w io.Writer, meta LedgerMeta, rows iter.Seq2[LedgerRow, error]) error {
	f := excelize.NewFile()
	defer f.Close() // removes the stream writer's temporary file
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		return fmt.Errorf("report: naming the sheet: %w", err)
	}
	st, err := newLedgerStyles(f)
	if err != nil {
		return err
	}
	// Page setup first: the stream writer copies the sheet's properties
	// into its output when it starts, and changes after that are lost.
	if err := setupLedgerPage(f, meta); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheetName)
	if err != nil {
		return fmt.Errorf("report: starting the sheet: %w", err)
	}
	last, err := writeLedgerSheet(sw, st, meta, rows)
	if err != nil {
		return err
	}
	// The filter range covers the rows actually written, so it is set last;
	// the stream writer emits autoFilter when it flushes. AutoFilter also
	// marks the sheet as filtered (sheetPr filterMode), but sheetPr went out
	// when the stream started, which is right: nothing is filtered yet.
	ref := fmt.Sprintf("A%d:%s%d", headerRow, lastColumn(), max(last, headerRow))
	if err := f.AutoFilter(sheetName, ref, nil); err != nil {
		return fmt.Errorf("report: adding the filter: %w", err)
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("report: finishing the sheet: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("report: writing the workbook: %w", err)
	}
	return nil
}

// writeLedgerSheet writes the title, subtitle, header and body rows and
// returns the number of the last row written.
func writeLedgerSheet(sw *excelize.StreamWriter, st *ledgerStyles, meta LedgerMeta, rows iter.Seq2[LedgerRow, error]) (int, error) {
	// Backwards: excelize puts each new <col> first, and Excel expects them
	// in ascending order.
	for i := len(ledgerColumns) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, ledgerColumns[i].width); err != nil {
			return 0, fmt.Errorf("report: setting column widths: %w", err)
		}
	}
	first := "A" + strconv.Itoa(firstBody)
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: headerRow, TopLeftCell: first, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: first, ActiveCell: first, Pane: "bottomLeft"}},
	}); err != nil {
		return 0, fmt.Errorf("report: freezing the header: %w", err)
	}
	if err := writeLedgerTop(sw, st, meta); err != nil {
		return 0, err
	}
	n := firstBody
	values := make([]any, len(ledgerColumns))
	plan := ""
	for r, err := range rows {
		if err != nil {
			return 0, fmt.Errorf("report: reading ledger rows: %w", err)
		}
		if n > excelize.TotalRows {
			return 0, fmt.Errorf("report: the ledger has more rows than a sheet holds (%d)", excelize.TotalRows)
		}
		if meta.GroupByPlan && r.Plan != "" && r.Plan != plan {
			plan = r.Plan
			if err := sw.SetRow("A"+strconv.Itoa(n), bandRow(st, plan)); err != nil {
				return 0, fmt.Errorf("report: writing row %d: %w", n, err)
			}
			n++
		}
		fillLedgerRow(values, st, r)
		if err := sw.SetRow("A"+strconv.Itoa(n), values, excelize.RowOpts{Height: rowHeight(values)}); err != nil {
			return 0, fmt.Errorf("report: writing row %d: %w", n, err)
		}
		n++
	}
	return n - 1, nil
}

// writeLedgerTop writes the merged title and subtitle and the header row.
func writeLedgerTop(sw *excelize.StreamWriter, st *ledgerStyles, meta LedgerMeta) error {
	title := strings.TrimSpace(meta.Title)
	if title == "" {
		title = sheetName
	}
	header := make([]any, len(ledgerColumns))
	for i, c := range ledgerColumns {
		header[i] = excelize.Cell{StyleID: st.header, Value: c.name}
	}
	end := lastColumn()
	steps := []struct {
		row    int
		values []any
		height float64
	}{
		{titleRow, []any{excelize.Cell{StyleID: st.title, Value: title}}, 40},
		{subRow, []any{excelize.Cell{StyleID: st.subtitle, Value: subtitleText(meta)}}, 22},
		{headerRow, header, 30},
	}
	for _, s := range steps {
		if err := sw.SetRow("A"+strconv.Itoa(s.row), s.values, excelize.RowOpts{Height: s.height}); err != nil {
			return fmt.Errorf("report: writing row %d: %w", s.row, err)
		}
	}
	for _, row := range []int{titleRow, subRow} {
		r := strconv.Itoa(row)
		if err := sw.MergeCell("A"+r, end+r); err != nil {
			return fmt.Errorf("report: merging row %d: %w", row, err)
		}
	}
	return nil
}

// subtitleText says which tasks the sheet holds and when and by whom it was
// made, so a printed copy can be dated and traced.
func subtitleText(meta LedgerMeta) string {
	var parts []string
	if s := strings.TrimSpace(meta.Subtitle); s != "" {
		parts = append(parts, s)
	}
	if !meta.GeneratedAt.IsZero() {
		parts = append(parts, "生成时间："+meta.GeneratedAt.In(workday.Zone).Format("2006-01-02 15:04"))
	}
	if s := strings.TrimSpace(meta.GeneratedBy); s != "" {
		parts = append(parts, "生成人："+s)
	}
	return strings.Join(parts, "　　")
}

// fillLedgerRow puts one task's cells into values, reusing the slice so
// that a long export does not allocate one per row.
func fillLedgerRow(values []any, st *ledgerStyles, r LedgerRow) {
	percent := excelize.Cell{StyleID: st.percent}
	if r.Percent != nil {
		percent.Value = *r.Percent / 100
	}
	lead, help := splitUnits(r)
	values[0] = textCell(st.center, r.Seq)
	values[1] = textCell(st.text, r.Title)
	values[2] = textCell(st.text, lead)
	values[3] = textCell(st.text, help)
	values[4] = textCell(st.center, deadlineText(r))
	values[5] = textCell(st.text, r.Progress)
	values[6] = textCell(st.text, r.Problems)
	values[7] = textCell(st.text, r.NextSteps)
	values[8] = percent
	values[9] = textCell(st.statusStyle(r.Light), r.Status)
	values[10] = dateCell(st, r.LastReport)
	values[11] = excelize.Cell{StyleID: st.center, Value: r.TaskID}
}

// Row heights in points: a body line of the 11 pt font, the padding above
// and below it, and the most Excel allows.
const (
	lineHeight = 14.5
	rowPadding = 4
	minRowH    = 20
	maxRowH    = 409
)

// rowHeight is the height a body row needs for its wrapped texts to show
// whole, on screen and printed: the tallest cell's line count, each
// paragraph taking as many lines as its width in Excel character widths
// (CJK characters count two) fills in the column, less a little for the
// cell's margins. Excel does not size a row to wrapped text that the
// writer did not measure, so the sheet carries the height.
func rowHeight(values []any) float64 {
	lines := 1
	for i, v := range values {
		c, ok := v.(excelize.Cell)
		if !ok {
			continue
		}
		s, ok := c.Value.(string)
		if !ok || s == "" {
			continue
		}
		room := max(ledgerColumns[i].width-1.5, 1)
		n := 0
		for _, para := range strings.Split(s, "\n") {
			n += max(1, int(math.Ceil(textWidth(para)/room)))
		}
		lines = max(lines, n)
	}
	return min(max(float64(lines)*lineHeight+rowPadding, minRowH), maxRowH)
}

// textWidth is s's width in Excel character widths: a wide (CJK or
// full-width) character takes two, others one.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hangul, unicode.Hiragana, unicode.Katakana) ||
			(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || (r >= 0x2010 && r <= 0x201F)) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// textCell is a styled text cell. An empty string becomes a cell with no
// value at all, which is what Excel writes for a blank and what a reader
// treats as blank; an empty inline string is neither.
func textCell(style int, s string) excelize.Cell {
	if s == "" {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: s}
}

// bandRow is the row that opens a plan's section when a ledger spans plans.
func bandRow(st *ledgerStyles, plan string) []any {
	values := make([]any, len(ledgerColumns))
	values[0] = excelize.Cell{StyleID: st.band, Value: plan}
	for i := 1; i < len(values); i++ {
		values[i] = excelize.Cell{StyleID: st.band}
	}
	return values
}

// excelEpoch is day 0 of Excel's 1900 date system, as Excel counts it
// (its phantom 1900-02-29 makes serials from March 1900 on line up).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// dateCell writes an ISO date as a real date, so the filter groups by year
// and month and sorting works; anything else is kept as the text it is.
func dateCell(st *ledgerStyles, iso string) excelize.Cell {
	if iso == "" {
		return excelize.Cell{StyleID: st.center}
	}
	d, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return excelize.Cell{StyleID: st.center, Value: iso}
	}
	return excelize.Cell{StyleID: st.date, Value: int64(d.Sub(excelEpoch).Hours() / 24)}
}

// lastColumn is the letter of the 任务编号 column.
func lastColumn() string {
	name, _ := excelize.ColumnNumberToName(len(ledgerColumns))
	return name
}
