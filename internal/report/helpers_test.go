package report

import (
	"bytes"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// testTime is a fixed clock: 2024-06-30 01:30 UTC is 09:30 in Beijing.
var testTime = time.Date(2024, 6, 30, 1, 30, 0, 0, time.UTC)

func pct(v float64) *float64 { return &v }

// sampleRows is a small ledger touching every light and every optional field.
func sampleRows() []LedgerRow {
	return []LedgerRow{
		{TaskID: 101, Seq: "一.(一).1", Plan: "数字经济方案", Title: "推进数字经济“一号工程”", Units: []string{"市发改委", "市经信局", "市数据局"},
			LeadUnits: []string{"市发改委"}, Deadline: "2018年底前；每年", Dates: []string{"2018-12-31", "每年"}, Progress: "已完成一期。\n二期在建。", Percent: pct(62.5),
			Status: "逾期", Light: "red", LastReport: "2024-05-01"},
		{TaskID: 102, Seq: "一.(一).2", Plan: "数字经济方案", Title: "建设城市大脑", Units: []string{"市数据局"}, LeadUnits: []string{"市数据局"},
			Due: "2024-07-05", Status: "临期", Light: "yellow"},
		{TaskID: 103, Seq: "二.(一).1", Plan: "营商环境方案", Title: "优化审批流程", Units: []string{"市审管办", "市司法局"},
			Deadline: "每季度", Progress: "按季推进", Problems: "部门间数据未打通", NextSteps: "三季度完成系统对接", Percent: pct(40), Status: "推进中", Light: "green", LastReport: "2024-06-20"},
		{TaskID: 104, Seq: "附件.3", Plan: "营商环境方案", Title: "清理证明事项", Units: []string{"市司法局"}, Percent: pct(100),
			Status: "已销号", Light: "blue", LastReport: "2024-03-15"},
		{TaskID: 105, Seq: "附件.4", Plan: "营商环境方案", Title: "未启动的任务", Units: []string{"市商务局"}, Status: "未启动", Light: "gray"},
	}
}

// genRows yields n synthetic rows without holding them, as a cursor would.
func genRows(n int) iter.Seq2[LedgerRow, error] {
	lights := []string{"green", "yellow", "red", "blue", "gray"}
	statuses := []string{"推进中", "临期", "逾期", "已销号", "未启动"}
	return func(yield func(LedgerRow, error) bool) {
		for i := range n {
			r := LedgerRow{
				TaskID: int64(i + 1), Seq: fmt.Sprintf("%d.%d", i/100+1, i%100+1), Title: fmt.Sprintf("第%d项重点任务：推进某某工作落实落地", i+1),
				Units: []string{"市发改委", "市财政局"}, LeadUnits: []string{"市发改委"}, Deadline: "2025年底前",
				Progress: fmt.Sprintf("截至本期，第%d项任务已完成阶段目标，正在推进下一阶段工作。", i+1), Percent: pct(float64(i % 101)),
				Status: statuses[i%5], Light: lights[i%5], LastReport: "2024-06-01",
			}
			if !yield(r, nil) {
				return
			}
		}
	}
}

// writeLedgerBytes runs WriteLedger and returns the workbook.
func writeLedgerBytes(t testing.TB, meta LedgerMeta, rows iter.Seq2[LedgerRow, error]) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteLedger(&buf, meta, rows); err != nil {
		t.Fatalf("WriteLedger: %v", err)
	}
	return buf.Bytes()
}

// openBytes opens a workbook with excelize, the way a test inspects it.
func openBytes(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// saveBytes writes data under t.TempDir() and returns the path.
func saveBytes(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// workbookBytes saves an excelize file into memory.
func workbookBytes(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
