package plandoc

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/duban/duban/internal/docread"
)

// BenchmarkCoverageSeeds measures the coverage check alone over the demo
// plans, to be read beside BenchmarkParseSeeds (which includes it).
func BenchmarkCoverageSeeds(b *testing.B) {
	paths, _ := filepath.Glob("../../demo/seeds/*.txt")
	type parsed struct {
		doc   *docread.Doc
		tasks []Task
	}
	var docs []parsed
	total := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := docread.Read(p, data)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, parsed{doc, Parse(doc).Tasks})
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			coverageWarnings(d.doc, d.tasks)
		}
	}
}
