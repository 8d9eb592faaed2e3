package plandoc

import (
	"fmt"
	"os"
	"testing"

	"github.com/duban/duban/internal/docread"
)

func TestZZDebugLines(t *testing.T) {
	path := os.Getenv("DEBUG_FILE")
	if path == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(path)
	doc, _ := docread.Read(path, data)
	for i, l := range linesOf(doc) {
		if l.table != nil {
			fmt.Printf("%3d TABLE %d rows\n", i, len(l.table))
			continue
		}
		r := []rune(l.text)
		if len(r) > 70 {
			r = append(r[:70], '…')
		}
		fmt.Printf("%3d %s\n", i, string(r))
	}
}
