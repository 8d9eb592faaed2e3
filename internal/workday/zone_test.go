package workday

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestZone: Zone is UTC+8 all year, and agrees with the tz database's
// Asia/Shanghai on every instant since 1992 where that database is
// installed (the fixed offset is why duban needs none).
func TestZone(t *testing.T) {
	for _, at := range []time.Time{
		time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC),
		time.Date(2026, 7, 15, 12, 0, 0, 0, time.UTC),
	} {
		if name, off := at.In(Zone).Zone(); name != "CST" || off != 8*3600 {
			t.Errorf("%s in Zone: %s %+d, want CST +28800", at, name, off)
		}
	}
	if got := DateOf(time.Date(2026, 2, 14, 16, 30, 0, 0, time.UTC).In(Zone)); !got.Equal(time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("16:30 UTC on the 14th is %s in China, want the 15th", got.Format(time.DateOnly))
	}
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Skipf("no tzdata here to compare with: %v", err)
	}
	for at := time.Date(1992, 1, 1, 0, 0, 0, 0, time.UTC); at.Year() < 2040; at = at.Add(97 * 24 * time.Hour) {
		if _, want := at.In(sh).Zone(); want != 8*3600 {
			t.Fatalf("Asia/Shanghai is %+d on %s", want, at)
		}
	}
}

// TestZoneDeclaredOnce: no code outside the tests declares China's zone
// again — a time.FixedZone call or time.LoadLocation of a Chinese zone
// name — beside Zone in zone.go. Everything else uses Zone.
func TestZoneDeclaredOnce(t *testing.T) {
	root := filepath.Join("..", "..")
	var found []string
	for _, dir := range []string{"internal", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if name := d.Name(); name == "testdata" || strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			rel, _ := filepath.Rel(root, path)
			if filepath.ToSlash(rel) == "internal/workday/zone.go" {
				return nil
			}
			for _, at := range zoneDeclarations(t, path) {
				found = append(found, filepath.ToSlash(rel)+":"+at)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(found) > 0 {
		t.Errorf("China's time zone declared outside internal/workday/zone.go; use workday.Zone:\n\t%s", strings.Join(found, "\n\t"))
	}
}

// chinaZoneNames are the tz database's names for China's time.
var chinaZoneNames = map[string]bool{"Asia/Shanghai": true, "Asia/Chongqing": true, "Asia/Chungking": true,
	"Asia/Harbin": true, "Asia/Urumqi": true, "PRC": true}

// zoneDeclarations returns the lines of path that call time.FixedZone, or
// time.LoadLocation with a Chinese zone name, under whatever name the file
// imports package time.
func zoneDeclarations(t *testing.T, path string) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	timeName := ""
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == "time" {
			timeName = "time"
			if imp.Name != nil {
				timeName = imp.Name.Name
			}
		}
	}
	if timeName == "" || timeName == "_" {
		return nil
	}
	var lines []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if x, ok := sel.X.(*ast.Ident); !ok || x.Name != timeName {
			return true
		}
		china := sel.Sel.Name == "FixedZone"
		if sel.Sel.Name == "LoadLocation" && len(call.Args) == 1 {
			if lit, ok := call.Args[0].(*ast.BasicLit); ok {
				name, _ := strconv.Unquote(lit.Value)
				china = chinaZoneNames[name]
			}
		}
		if china {
			lines = append(lines, strconv.Itoa(fset.Position(call.Pos()).Line))
		}
		return true
	})
	return lines
}
