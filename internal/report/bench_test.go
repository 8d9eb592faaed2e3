package report

import (
	"bytes"
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

// BenchmarkReadProgress100k reads back a 100,000-row ledger in which every
// row carries progress, the worst case for an import.
func BenchmarkReadProgress100k(b *testing.B) {
	const n = 100_000
	data := writeLedgerBytes(b, LedgerMeta{Title: "基准测试 执行台账"}, genRows(n))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		got, err := ReadProgress(bytes.NewReader(data), "bench.xlsx")
		if err != nil || len(got) != n {
			b.Fatalf("%d updates, %v", len(got), err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}
