package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/duban/duban/internal/i18n"
)

// tCall finds `t "key"` in templates. Keys picked at run time ({{t .}}
// for field errors) are checked by TestDynamicKeysExist instead.
var tCall = regexp.MustCompile(`\bt\s+"([^"]+)"`)

func hasEverywhere(t *testing.T, key, where string) {
	t.Helper()
	for _, lang := range i18n.Langs {
		found := false
		for _, k := range i18n.Keys(lang) {
			if k == key {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s: key %q missing from %s catalogue", where, key, lang)
		}
	}
}

func TestTemplateKeysExist(t *testing.T) {
	n := 0
	err := fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templateFS, p)
		if err != nil {
			return err
		}
		for _, m := range tCall.FindAllStringSubmatch(string(b), -1) {
			hasEverywhere(t, m[1], p)
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Fatalf("found only %d t calls; is the pattern still right?", n)
	}
}

// goKey finds string literals in Go code that look like catalogue keys.
var goKey = regexp.MustCompile(`"((?:error|password|users|units|setup|signin|signout|audit|home|nav|role|unit|lang|field|action)\.[a-z0-9_.]*[a-z0-9_])"`)

// TestGoKeysExist checks the keys Go code passes around as strings:
// validation errors, flash messages, CSV headers.
func TestGoKeysExist(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goKey.FindAllStringSubmatch(string(b), -1) {
			hasEverywhere(t, m[1], f)
		}
	}
}

// TestDynamicKeysExist checks keys built from codes: role names, unit
// kinds, the navigation and its workbench descriptions, role intros.
func TestDynamicKeysExist(t *testing.T) {
	for _, r := range append([]string{RoleNone}, Roles...) {
		hasEverywhere(t, roleKey(r), "roleKey")
		hasEverywhere(t, homeIntroKey(r), "homeIntroKey")
	}
	for _, k := range UnitKinds {
		hasEverywhere(t, unitKindKey(k), "unitKindKey")
	}
	for _, entries := range navByRole {
		for _, e := range entries {
			hasEverywhere(t, e.key, "nav")
			if e != navHome {
				hasEverywhere(t, e.key+".desc", "nav")
			}
		}
	}
	hasEverywhere(t, "lang.self", "langLinks")
}
