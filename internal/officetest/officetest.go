// Package officetest has LibreOffice open the files duban writes, in
// tests: converting a .docx or .xlsx to PDF or text proves that another
// office suite reads it. scripts/test.sh installs LibreOffice where it is
// missing; where it still is, the tests skip — except under CI=true,
// where they fail, so that CI never passes without having checked.
package officetest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Soffice is where Debian's libreoffice-*-nogui packages put soffice.
const Soffice = "/usr/bin/soffice"

// Require skips (or, under CI=true, fails) a test without LibreOffice.
func Require(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(Soffice); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("LibreOffice is not installed (%s), and CI must check that the files open in it", Soffice)
		}
		t.Skipf("LibreOffice not installed (%s): skipping the check that the file opens in it", Soffice)
	}
}

// Convert has LibreOffice convert src into format ("pdf", "txt:Text
// (encoded):UTF8", "csv:…", "xlsx") in a fresh folder and returns the
// output's path, whose extension is ext.
func Convert(t testing.TB, src, format, ext string) string {
	t.Helper()
	Require(t)
	out := t.TempDir()
	// Each run gets its own profile: two soffice processes sharing one
	// wait on each other's lock, and a first run writes a new profile.
	profile := "file://" + filepath.Join(t.TempDir(), "profile")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, Soffice, "--headless", "--norestore", "--nolockcheck",
		"-env:UserInstallation="+profile, "--convert-to", format, "--outdir", out, src)
	msg, err := cmd.CombinedOutput()
	dst := filepath.Join(out, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+"."+ext)
	if _, statErr := os.Stat(dst); err != nil || statErr != nil {
		t.Fatalf("soffice --convert-to %s: %v %v\n%s", format, err, statErr, msg)
	}
	return dst
}

// ConvertBytes writes data as name in a temporary folder and converts it.
func ConvertBytes(t testing.TB, name string, data []byte, format, ext string) []byte {
	t.Helper()
	Require(t)
	src := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(src, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(Convert(t, src, format, ext))
	if err != nil {
		t.Fatal(err)
	}
	return out
}
