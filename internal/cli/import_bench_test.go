package cli

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/duban/duban/demo"
)

// BenchmarkImport100Seeds runs `duban import` end to end — read, detect,
// parse, store — on 100 distinct documents: the five demo plans, twenty
// variants each (a trailing line makes every file a new document).
func BenchmarkImport100Seeds(b *testing.B) {
	src := b.TempDir()
	names, _ := fs.Glob(demo.Seeds(), "*.txt")
	var files []string
	for _, n := range names {
		data, err := fs.ReadFile(demo.Seeds(), n)
		if err != nil {
			b.Fatal(err)
		}
		for v := range 20 {
			path := filepath.Join(src, fmt.Sprintf("%02d_%s", v, n))
			if err := os.WriteFile(path, append(append([]byte{}, data...), fmt.Sprintf("\n（第%d份）\n", v)...), 0o644); err != nil {
				b.Fatal(err)
			}
			files = append(files, path)
		}
	}
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		dataDir := b.TempDir()
		var out, errOut bytes.Buffer
		b.StartTimer()
		if code := Main(ctx, append([]string{"import", "--data", dataDir}, files...), nil, &out, &errOut); code != 0 {
			b.Fatalf("import exited %d: %s", code, errOut.String())
		}
	}
	b.ReportMetric(float64(len(files))/(b.Elapsed().Seconds()/float64(b.N)), "plans/s")
}
