package cli

import (
	"runtime"
	"strings"
	"testing"

	"github.com/duban/duban/internal/buildinfo"
)

// TestVersionCommand: `duban version` prints the version on its first
// line and the Go toolchain on the second; an argument is a usage error.
func TestVersionCommand(t *testing.T) {
	code, out, errOut := runMain(t, "version")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || errOut != "" || len(lines) != 2 {
		t.Fatalf("duban version: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	v := strings.TrimPrefix(lines[0], "duban ")
	if v == lines[0] || strings.TrimSpace(v) == "" || v != buildinfo.Version() {
		t.Errorf("first line %q, want duban and the version %q", lines[0], buildinfo.Version())
	}
	if !strings.HasPrefix(lines[1], runtime.Version()+" ") {
		t.Errorf("second line %q, want the Go version %s", lines[1], runtime.Version())
	}
	if code, _, errOut := runMain(t, "version", "x"); code != 2 || english(errOut) {
		t.Errorf("duban version x: exit %d, stderr %q", code, errOut)
	}
}
