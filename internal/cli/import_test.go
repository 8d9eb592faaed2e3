package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/store"
)

// runMain runs duban with args and returns its exit code and output.
func runMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func seedFiles(t *testing.T) []string {
	t.Helper()
	seeds, err := filepath.Glob(filepath.Join("..", "..", "demo", "seeds", "*.txt"))
	if err != nil || len(seeds) != 5 {
		t.Fatalf("seeds: %v, %v; want 5 files", seeds, err)
	}
	return seeds
}

func TestImportSeedsTwice(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	seeds := seedFiles(t)
	args := append([]string{"import", "--data", data}, seeds...)

	code, out, errOut := runMain(t, args...)
	if code != 0 {
		t.Fatalf("first import: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if !strings.Contains(out, "5 个文件: 新导入 5, 已存在 0, 失败 0, 任务 ") {
		t.Errorf("first import summary:\n%s", out)
	}
	for _, s := range seeds {
		if !strings.Contains(out, s+" → ") || !strings.Contains(out, "新导入") {
			t.Errorf("no line for %s:\n%s", s, out)
		}
	}

	// Flags may follow the files, as in `duban import *.txt --data DIR`.
	code, out, errOut = runMain(t, append(append([]string{"import"}, seeds...), "--data", data)...)
	if code != 0 {
		t.Fatalf("second import: exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "5 个文件: 新导入 0, 已存在 5, 失败 0, 任务 ") || strings.Count(out, "已存在\n") != 5 {
		t.Errorf("second import summary:\n%s", out)
	}

	db, err := store.Open(context.Background(), store.Options{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	plans, err := db.FindPlans(context.Background())
	if err != nil || len(plans) != 5 {
		t.Fatalf("stored plans = %d, %v; want 5", len(plans), err)
	}
	for _, p := range plans {
		if p.Format != "text" || len(p.SourceSHA256) != 64 || !strings.HasSuffix(p.SourceName, ".txt") || strings.Contains(p.SourceName, "/") {
			t.Errorf("stored plan %+v", p)
		}
	}
}

// TestImportBadFiles mixes files that cannot be imported with good ones:
// each bad file is named in its error, the good ones are still imported
// and the exit status says something failed.
func TestImportBadFiles(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	pdf := filepath.Join(dir, "扫描件.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "不存在.docx")
	seeds := seedFiles(t)

	code, out, errOut := runMain(t, "import", "--data", data, seeds[0], pdf, missing, dir, seeds[1])
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", code, out, errOut)
	}
	for _, bad := range []string{pdf, missing, dir} {
		if !strings.Contains(out, bad+" → 失败: ") {
			t.Errorf("no failure line naming %s:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "PDF") {
		t.Errorf("the PDF failure does not say PDF:\n%s", out)
	}
	if !strings.Contains(out, "5 个文件: 新导入 2, 已存在 0, 失败 3, ") {
		t.Errorf("summary:\n%s", out)
	}
	if !strings.Contains(errOut, "3 个文件导入失败") {
		t.Errorf("stderr:\n%s", errOut)
	}

	db, err := store.Open(context.Background(), store.Options{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if plans, err := db.FindPlans(context.Background()); err != nil || len(plans) != 2 {
		t.Errorf("stored plans = %d, %v; want only the 2 good files", len(plans), err)
	}
}

func TestImportUsage(t *testing.T) {
	code, _, errOut := runMain(t, "import", "--data", t.TempDir())
	if code != 2 || !strings.Contains(errOut, "用法: duban import") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}

func TestImportBarOnlyOnTerminal(t *testing.T) {
	if bar := newImportBar(&bytes.Buffer{}, 5); bar != nil {
		t.Error("a progress bar was drawn into a buffer")
	}
}

// TestImportStoresWhatParseSees checks that a seed read back from the
// database is the plan `duban parse` gives for it, field for field.
func TestImportStoresWhatParseSees(t *testing.T) {
	data := t.TempDir()
	seeds := seedFiles(t)
	if code, out, errOut := runMain(t, append([]string{"import", "--data", data}, seeds...)...); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{DataDir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	plans, err := db.FindPlans(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]int64{}
	for _, p := range plans {
		byName[p.SourceName] = p.ID
	}
	for _, s := range seeds {
		want, err := plandoc.ParseFile(s)
		if err != nil {
			t.Fatal(err)
		}
		if want.Title == "" { // a document without a title is named by its file
			want.Title = strings.TrimSuffix(filepath.Base(s), filepath.Ext(s))
		}
		stored, err := db.FindPlanByID(ctx, byName[filepath.Base(s)])
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		// What the review shows: the document's warnings kept at import,
		// then what the tasks lack as stored.
		got := stored.Doc()
		if got.Warnings, err = db.FindPlanWarnings(ctx, stored.ID); err != nil {
			t.Fatal(err)
		}
		got.Warnings = append(got.Warnings, plandoc.CheckTasks(got.Tasks)...)
		if w, g := planJSON(t, want), planJSON(t, got); w != g {
			t.Errorf("%s: stored plan differs from the parse\n got %s\nwant %s", s, g, w)
		}
	}
}

// planJSON is the plan's JSON with empty lists spelled [] whether the
// parser left them nil or not: the store always returns []. Warnings are
// compared in a fixed order: the parse and the review may list them
// differently.
func planJSON(t *testing.T, p *plandoc.Plan) string {
	t.Helper()
	q := *p
	q.Warnings = orEmpty(slices.Clone(p.Warnings))
	slices.SortFunc(q.Warnings, func(a, b plandoc.Warning) int {
		x, _ := json.Marshal(a)
		y, _ := json.Marshal(b)
		return strings.Compare(string(x), string(y))
	})
	q.Tasks = append([]plandoc.Task{}, p.Tasks...)
	for i := range q.Tasks {
		tk := &q.Tasks[i]
		tk.Path = orEmpty(tk.Path)
		tk.LeadUnits, tk.Units = orEmpty(tk.LeadUnits), orEmpty(tk.Units)
		tk.Deadlines, tk.Targets, tk.Milestones = orEmpty(tk.Deadlines), orEmpty(tk.Targets), orEmpty(tk.Milestones)
	}
	b, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
