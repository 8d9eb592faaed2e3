package buildinfo

import (
	"runtime/debug"
	"strings"
	"testing"
)

// TestVersion: a stamp wins; else the recorded commit, marked when the
// tree was dirty; else "dev".
func TestVersion(t *testing.T) {
	rev := []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "false"}}
	if v := fromSettings(rev); v != "0123456789ab" {
		t.Errorf("clean commit: %q", v)
	}
	rev[2].Value = "true"
	if v := fromSettings(rev); v != "0123456789ab-dirty" {
		t.Errorf("dirty commit: %q", v)
	}
	if v := fromSettings(nil); v != "dev" {
		t.Errorf("no commit: %q", v)
	}
	defer func(s string) { Stamp = s }(Stamp)
	Stamp = "v1.4.0"
	if v := Version(); v != "v1.4.0" {
		t.Errorf("stamped: %q", v)
	}
	if g := Go(); !strings.HasPrefix(g, "go1.") || !strings.Contains(g, "/") {
		t.Errorf("Go() = %q", g)
	}
}
