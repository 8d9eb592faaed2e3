package report

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/duban/duban/internal/officetest"
)

// convert has LibreOffice convert src (see package officetest).
func convert(t *testing.T, src, format, ext string) string {
	t.Helper()
	return officetest.Convert(t, src, format, ext)
}

// TestLedgerOpensInLibreOffice proves the export is a workbook another
// application reads: LibreOffice converts it to CSV with the cells intact
// and, unless -short, prints it to PDF with the page setup.
func TestLedgerOpensInLibreOffice(t *testing.T) {
	t.Parallel() // soffice mostly starts up; let it overlap the other slow tests
	meta := sampleMeta
	meta.GroupByPlan = true
	src := saveBytes(t, "台账.xlsx", writeLedgerBytes(t, meta, SliceRows(sampleRows())))

	csv, err := os.ReadFile(convert(t, src, `csv:Text - txt - csv (StarCalc):44,34,76`, "csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		sampleMeta.Title,
		"序号,重点任务,牵头单位,配合单位,时间要求,进展情况,存在问题,下步计划,完成比例,状态,最近报送,任务编号",
		"一.(一).1,推进数字经济“一号工程”,市发改委,市经信局、市数据局,2018-12-31；每年,\"已完成一期。\n二期在建。\",,,63%,逾期,2024-05-01,101",
		"营商环境方案,,,,,,,,,,,",
	} {
		if !strings.Contains(string(csv), want) {
			t.Errorf("LibreOffice CSV lacks %q:\n%s", want, csv)
		}
	}
	if testing.Short() {
		return
	}
	pdf, err := os.ReadFile(convert(t, src, "pdf", "pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || len(pdf) < 1000 {
		t.Errorf("LibreOffice PDF is %d bytes", len(pdf))
	}
}

// TestReadProgressAfterLibreOffice fills an export, has LibreOffice save it
// again (shared strings, its own styles and number formats, as a unit using
// LibreOffice or WPS would send it back) and reads the progress from that.
func TestReadProgressAfterLibreOffice(t *testing.T) {
	t.Parallel()
	exported := writeLedgerBytes(t, sampleMeta, SliceRows(blankProgress()))
	filled := fillCells(t, exported, map[string]any{
		"F4": "一期已验收。\n二期完成招标。",
		"F6": "流程已压减至3个环节", "I6": 0.75,
		"F8": "已启动", "I8": "10%",
	})
	resaved, err := os.ReadFile(convert(t, saveBytes(t, "填报.xlsx", filled), "xlsx", "xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(resaved, filled) {
		t.Fatal("LibreOffice returned the file unchanged")
	}
	got, err := ReadProgress(bytes.NewReader(resaved), "填报.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	assertUpdates(t, got, []ProgressUpdate{
		{Row: 4, TaskID: 101, Title: "推进数字经济“一号工程”", Text: "一期已验收。\n二期完成招标。", Percent: pct(62.5)},
		{Row: 6, TaskID: 103, Title: "优化审批流程", Text: "流程已压减至3个环节", Percent: pct(75), Problems: "部门间数据未打通", NextSteps: "三季度完成系统对接"},
		{Row: 8, TaskID: 105, Title: "未启动的任务", Text: "已启动", Percent: pct(10)},
	})
}
