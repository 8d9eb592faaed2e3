package report

import (
	"io"
	"testing"
)

// BenchmarkWriteLedger100k exports a 100,000-task ledger, the size of the
// issue's load target, to io.Discard and reports rows per second.
func BenchmarkWriteLedger100k(b *testing.B) {
	const n = 100_000
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteLedger(io.Discard, LedgerMeta{Title: "基准测试 执行台账"}, genRows(n)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}
