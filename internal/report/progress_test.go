package report

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fillCells opens an exported ledger, sets cells as a unit would, and saves.
func fillCells(t *testing.T, data []byte, cells map[string]any) []byte {
	t.Helper()
	f := openBytes(t, data)
	for ref, v := range cells {
		if err := f.SetCellValue(sheetName, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	return workbookBytes(t, f)
}

// blankProgress is sampleRows with no progress reported yet.
func blankProgress() []LedgerRow {
	rows := sampleRows()
	for i := range rows {
		rows[i].Progress = ""
	}
	return rows
}

func TestReadProgressRoundTrip(t *testing.T) {
	exported := writeLedgerBytes(t, sampleMeta, SliceRows(blankProgress()))
	filled := fillCells(t, exported, map[string]any{
		"F4": "  一期已验收。\r\n二期完成招标。 ",   // Windows line end and stray spaces
		"F6": "流程已压减至3个环节", "I6": 0.75, // typed into the exported 0% cell: stored as 0.75
		"F8": "已启动", "I8": "10%",
	})
	got, err := ReadProgress(bytes.NewReader(filled), "台账-市发改委.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want := []ProgressUpdate{
		// 62.5 was exported and left alone; the stored fraction keeps the .5
		// that the "63%" display drops.
		{Row: 4, TaskID: 101, Title: "推进数字经济“一号工程”", Text: "一期已验收。\n二期完成招标。", Percent: pct(62.5)},
		{Row: 6, TaskID: 103, Title: "优化审批流程", Text: "流程已压减至3个环节", Percent: pct(75), Problems: "部门间数据未打通", NextSteps: "三季度完成系统对接"},
		{Row: 8, TaskID: 105, Title: "未启动的任务", Text: "已启动", Percent: pct(10)},
	}
	assertUpdates(t, got, want)
}

// TestReadProgressCarriedOver pins down that rows exported with a report
// come back unchanged: telling new text from old is the caller's job.
func TestReadProgressCarriedOver(t *testing.T) {
	got, err := ReadProgress(bytes.NewReader(writeLedgerBytes(t, sampleMeta, SliceRows(sampleRows()))), "x.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want := []ProgressUpdate{
		{Row: 4, TaskID: 101, Title: "推进数字经济“一号工程”", Text: "已完成一期。\n二期在建。", Percent: pct(62.5)},
		{Row: 6, TaskID: 103, Title: "优化审批流程", Text: "按季推进", Percent: pct(40), Problems: "部门间数据未打通", NextSteps: "三季度完成系统对接"},
	}
	assertUpdates(t, got, want)
}

func TestReadProgressGroupedLedger(t *testing.T) {
	meta := sampleMeta
	meta.GroupByPlan = true
	got, err := ReadProgress(bytes.NewReader(writeLedgerBytes(t, meta, SliceRows(sampleRows()))), "x.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if ids := taskIDs(got); !slices.Equal(ids, []int64{101, 103}) {
		t.Errorf("task IDs = %v; band rows must be skipped", ids)
	}
}

func assertUpdates(t *testing.T, got, want []ProgressUpdate) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d updates, want %d:\n%s", len(got), len(want), dumpUpdates(got))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Row != w.Row || g.TaskID != w.TaskID || g.Title != w.Title || g.Text != w.Text || !samePercent(g.Percent, w.Percent) ||
			g.Problems != w.Problems || g.NextSteps != w.NextSteps {
			t.Errorf("update %d:\n got %s\nwant %s", i, dumpUpdates(got[i:i+1]), dumpUpdates(want[i:i+1]))
		}
	}
}

func samePercent(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func dumpUpdates(us []ProgressUpdate) string {
	var b strings.Builder
	for _, u := range us {
		p := "nil"
		if u.Percent != nil {
			p = fmt.Sprint(*u.Percent)
		}
		fmt.Fprintf(&b, "{row %d id %d %q %q %s %q %q}\n", u.Row, u.TaskID, u.Title, u.Text, p, u.Problems, u.NextSteps)
	}
	return b.String()
}

// itoa keeps cell references short to write.
func itoa(i int) string { return strconv.Itoa(i) }

func taskIDs(us []ProgressUpdate) []int64 {
	var ids []int64
	for _, u := range us {
		ids = append(ids, u.TaskID)
	}
	return ids
}

// buildWorkbook makes a workbook for a reader test with excelize's ordinary
// API, the way a unit's own template would be made.
func buildWorkbook(t *testing.T, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	t.Cleanup(func() { _ = f.Close() })
	build(f)
	return workbookBytes(t, f)
}

func setCells(t *testing.T, f *excelize.File, sheet string, cells map[string]any) {
	t.Helper()
	for ref, v := range cells {
		if err := f.SetCellValue(sheet, ref, v); err != nil {
			t.Fatal(err)
		}
	}
}

func setStyle(t *testing.T, f *excelize.File, sheet, ref string, st *excelize.Style) {
	t.Helper()
	id, err := f.NewStyle(st)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle(sheet, ref, ref, id); err != nil {
		t.Fatal(err)
	}
}

// TestReadProgressUnitTemplate reads a unit's own layout: the table on the
// second sheet, the header on row 5 under other names and spellings, the
// columns in another order, and percentages in every form people type.
func TestReadProgressUnitTemplate(t *testing.T) {
	data := buildWorkbook(t, func(f *excelize.File) {
		setCells(t, f, "Sheet1", map[string]any{"A1": "填报说明：请在第二页填写", "A2": "进展情况请写实"})
		if _, err := f.NewSheet("填报"); err != nil {
			t.Fatal(err)
		}
		setCells(t, f, "填报", map[string]any{
			"A1": "市审管办 2024年6月 进展填报",
			"A5": "任 务 编 号", "B5": "工作任务", "C5": "完成百分比（%）", "D5": "*本期进展\n（限300字）",
		})
		pcts := []struct {
			value any
			style *excelize.Style
			want  *float64
		}{
			{60, nil, pct(60)},                              // a number typed in a General cell
			{0.6, &excelize.Style{NumFmt: 9}, pct(60)},      // a number in a 0% cell
			{0.625, &excelize.Style{NumFmt: 10}, pct(62.5)}, // 0.00%
			{0.625, &excelize.Style{CustomNumFmt: ptr("0.0%")}, pct(62.5)},
			{62.5, &excelize.Style{CustomNumFmt: ptr(`0.0"%"`)}, pct(62.5)}, // a % sign only
			{"60%", nil, pct(60)},
			{"６０％", nil, pct(60)},
			{" 45 ", nil, pct(45)},
			{"", nil, nil},
			{0, nil, pct(0)},
			{100, nil, pct(100)},
			{0.07, &excelize.Style{NumFmt: 9}, pct(7)}, // 0.07×100 has float noise
		}
		for i, p := range pcts {
			r := itoa(6 + i)
			setCells(t, f, "填报", map[string]any{"A" + r: 200 + i, "B" + r: "任务" + itoa(i), "C" + r: p.value, "D" + r: "进展" + itoa(i)})
			if p.style != nil {
				setStyle(t, f, "填报", "C"+r, p.style)
			}
		}
		f.SetActiveSheet(1)
	})
	got, err := ReadProgress(bytes.NewReader(data), "模板.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	wantPcts := []*float64{pct(60), pct(60), pct(62.5), pct(62.5), pct(62.5), pct(60), pct(60), pct(45), nil, pct(0), pct(100), pct(7)}
	if len(got) != len(wantPcts) {
		t.Fatalf("got %d updates, want %d:\n%s", len(got), len(wantPcts), dumpUpdates(got))
	}
	for i, u := range got {
		if u.Row != 6+i || u.TaskID != int64(200+i) || u.Title != "任务"+itoa(i) || u.Text != "进展"+itoa(i) || !samePercent(u.Percent, wantPcts[i]) {
			t.Errorf("row %d: got %s", 6+i, dumpUpdates(got[i:i+1]))
		}
	}
}

func ptr[T any](v T) *T { return &v }

func TestReadProgressRowErrors(t *testing.T) {
	exported := writeLedgerBytes(t, sampleMeta, SliceRows(blankProgress()))
	f := openBytes(t, exported)
	// Three more task rows below the export, as a unit might add them.
	setCells(t, f, sheetName, map[string]any{
		"F4": "进展", "L4": nil, // 任务编号 deleted
		"F5": "进展", "L5": "abc",
		"F6": "进展", "I6": 1.2, // 120% in the exported 0% cell
		"F7": "进展", "I7": "很多",
		"F8": "进展", "L8": 101, // 101 again: row 4 lost its number, so this is the first 101
		"F9": "进展", "L9": 101, "I9": "-5",
		"F10": "进展", "L10": "1.5",
		"F11": "没有问题的一行", "L11": 300,
		"F12": "", "L12": "xyz", // no progress: skipped unchecked
	})
	data := workbookBytes(t, f)
	got, err := ReadProgress(bytes.NewReader(data), "有错.xlsx")
	if got != nil {
		t.Errorf("updates returned with errors: %v", got)
	}
	var se *SheetError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want *SheetError", err)
	}
	if se.File != "有错.xlsx" || se.Sheet != sheetName {
		t.Errorf("SheetError names %q / %q", se.File, se.Sheet)
	}
	want := []struct {
		row       int
		column    string
		cell, key string
		msg       string
	}{
		{4, "任务编号", "L4", "report.import.id_missing", "任务编号为空"},
		{5, "任务编号", "L5", "report.import.id_invalid", "「abc」"},
		{6, "完成比例", "I6", "report.import.percent_range", "「120%」"},
		{7, "完成比例", "I7", "report.import.percent_invalid", "「很多」"},
		{9, "任务编号", "L9", "report.import.id_duplicate", "与第 8 行重复"},
		{9, "完成比例", "I9", "report.import.percent_range", "「-5」"},
		{10, "任务编号", "L10", "report.import.id_invalid", "「1.5」"},
	}
	if len(se.Errors) != len(want) {
		t.Fatalf("got %d row errors, want %d: %v", len(se.Errors), len(want), se.Errors)
	}
	for i, w := range want {
		g := se.Errors[i]
		if g.Row != w.row || g.Column != w.column || g.Cell != w.cell || g.Key != w.key || !strings.Contains(g.Message, w.msg) {
			t.Errorf("error %d = %+v, want row %d %s %s %s containing %q", i, g, w.row, w.column, w.cell, w.key, w.msg)
		}
	}
	if msg := err.Error(); !strings.Contains(msg, "有错.xlsx") || !strings.Contains(msg, "第 4 行「任务编号」") || !strings.Contains(msg, "7 处错误") {
		t.Errorf("Error() = %q", msg)
	}
}

func TestReadProgressUnknownTasks(t *testing.T) {
	exported := writeLedgerBytes(t, sampleMeta, SliceRows(blankProgress()))
	filled := fillCells(t, exported, map[string]any{
		"F4": "进展", "F5": "进展", "I5": 2, // 200%
		"F6": "进展", "L6": 999,
	})
	asked := map[int64]int{}
	known := func(id int64) bool { asked[id]++; return id != 999 && id != 102 }
	_, err := ReadProgressFor(bytes.NewReader(filled), "x.xlsx", known)
	var se *SheetError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want *SheetError", err)
	}
	var got []string
	for _, e := range se.Errors {
		got = append(got, e.Cell+" "+e.Key)
	}
	want := []string{"L5 report.import.id_unknown", "I5 report.import.percent_range", "L6 report.import.id_unknown"}
	if !slices.Equal(got, want) {
		t.Errorf("errors = %q, want %q (every bad row in one list)", got, want)
	}
	if asked[101] != 1 || asked[999] != 1 {
		t.Errorf("known asked %v", asked)
	}
	ok, err := ReadProgressFor(bytes.NewReader(fillCells(t, exported, map[string]any{"F4": "进展"})), "x.xlsx", known)
	if err != nil || len(ok) != 1 || ok[0].TaskID != 101 {
		t.Errorf("known task: %v, %v", ok, err)
	}
}
