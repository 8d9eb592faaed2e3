package plandoc

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/docread"
)

var update = flag.Bool("update", false, "rewrite the golden JSON files from the parser's output")

// TestGolden parses every input under testdata/golden (and the five demo
// seeds) and compares the result with the .json beside it. Run
// `go test ./internal/plandoc -run Golden -update` after a deliberate
// change and review the diff.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/golden/*.txt")
	seeds, _ := filepath.Glob("../../demo/seeds/*.txt")
	inputs = append(inputs, seeds...)
	if len(inputs) < 10 {
		t.Fatalf("only %d golden inputs found", len(inputs))
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			doc, err := docread.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(Parse(doc)); err != nil {
				t.Fatal(err)
			}
			want := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(want, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			exp, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(exp, got.Bytes()) {
				t.Errorf("parse of %s differs from %s; run with -update and review the diff", in, want)
			}
		})
	}
}
