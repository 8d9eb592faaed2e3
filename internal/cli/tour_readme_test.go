package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestReadmeScreenshotsInStep: the README shows every screenshot of the
// tour and no other from docs/screenshots, each file is there and is a
// picture, and the folder holds no stale one.
func TestReadmeScreenshotsInStep(t *testing.T) {
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	var shown []string
	for _, m := range regexp.MustCompile(`docs/screenshots/([^)\s"]+)\.png`).FindAllStringSubmatch(string(readme), -1) {
		if !slices.Contains(shown, m[1]) {
			shown = append(shown, m[1])
		}
	}
	for _, name := range shown {
		if !slices.Contains(tourShots, name) {
			t.Errorf("the README shows docs/screenshots/%s.png, which the tour does not make", name)
		}
	}
	for _, name := range tourShots {
		if !slices.Contains(shown, name) {
			t.Errorf("the tour makes %s.png, which the README does not show", name)
		}
		checkScreenshot(t, filepath.Join(screenshotsDir, name+".png"))
	}
	files, err := filepath.Glob(filepath.Join(screenshotsDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	total := int64(0)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".png")
		if !slices.Contains(tourShots, name) || !strings.HasSuffix(f, ".png") {
			t.Errorf("%s is in docs/screenshots but not in the tour", f)
		}
		if fi, err := os.Stat(f); err == nil {
			total += fi.Size()
		}
	}
	if total > 3<<20 {
		t.Errorf("docs/screenshots holds %d bytes, want under 3 MB", total)
	}
}
