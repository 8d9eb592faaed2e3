package services

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/duban/duban/internal/"

// TestAdaptersImportNoStore: the web pages and the API reach data only
// through the services, so neither depends on the store, not even
// through a service, and the page adapter (webdeps) imports none either.
// A rule enforced on one side and not the other starts with a store call
// in an adapter; this keeps that door shut.
func TestAdaptersImportNoStore(t *testing.T) {
	deps := goList(t, "-deps", "./../api", "./../web")
	for _, p := range deps {
		if p == module+"store" || strings.HasPrefix(p, module+"store/") {
			t.Errorf("the API or the pages depend on %s", p)
		}
	}
	for _, pkg := range []string{"./../webdeps", "./../services"} {
		for _, p := range goList(t, "-f", "{{join .Imports \"\\n\"}}", pkg) {
			if p == module+"store" {
				t.Errorf("%s imports the store", pkg)
			}
		}
	}
}

// goList runs go list with args and returns its lines.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list"}, args...)...).Output()
	if err != nil {
		t.Fatalf("go list %v: %v", args, err)
	}
	return strings.Fields(string(out))
}
