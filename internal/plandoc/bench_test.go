package plandoc

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/duban/duban/internal/docread"
)

// BenchmarkParseSeeds measures parse throughput (reading and extracting)
// over the five demo plans; MB/s is reported through SetBytes.
func BenchmarkParseSeeds(b *testing.B) {
	paths, _ := filepath.Glob("../../demo/seeds/*.txt")
	var docs [][]byte
	total := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for i, data := range docs {
			doc, err := docread.Read(paths[i], data)
			if err != nil {
				b.Fatal(err)
			}
			if len(Parse(doc).Tasks) == 0 {
				b.Fatal("no tasks")
			}
		}
	}
}

// BenchmarkParseDocx measures the word-processor path: unzip, XML, tables.
func BenchmarkParseDocx(b *testing.B) {
	data, err := os.ReadFile("testdata/formats/003_writer.docx")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		doc, err := docread.Read("plan.docx", data)
		if err != nil {
			b.Fatal(err)
		}
		Parse(doc)
	}
}
