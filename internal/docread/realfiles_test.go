package docread

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The files in testdata/ are real documents of a provincial bureau (see
// /work/shared/real-files/INDEX.md), each with the text LibreOffice
// renders from it. LibreOffice prints Word's automatic numbers, so
// agreeing with it line for line shows the labels are right.

// squeeze removes all white space: LibreOffice renders indentation and
// the tab after a number as spaces, which says nothing about the text.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\uFEFF' {
			return -1
		}
		return r
	}, s)
}

// lines returns the non-empty squeezed lines of doc's paragraphs and of
// its table cells, row by row, each cell's value once: LibreOffice prints
// a merged cell once, where the reader repeats it.
func docLines(doc *Doc) []string {
	var out []string
	add := func(s string) {
		for _, l := range strings.Split(s, "\n") {
			if l = squeeze(l); l != "" {
				out = append(out, l)
			}
		}
	}
	for _, b := range doc.Blocks {
		if !b.IsTable() {
			add(b.Text)
			continue
		}
		for i, row := range b.Table {
			for j, c := range row {
				if j > 0 && row[j-1] == c || i > 0 && b.Table[i-1][j] == c {
					continue
				}
				add(c)
			}
		}
	}
	return out
}

func fileLines(t *testing.T, name string) []string {
	var out []string
	for _, l := range strings.Split(string(testdata(t, name)), "\n") {
		if l = squeeze(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func TestRealDocxMatchesLibreOffice(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "0[2-6]_*.docx"))
	if len(files) != 5 {
		t.Fatalf("testdata has %d of the 5 documents", len(files))
	}
	for _, path := range files {
		base := strings.TrimSuffix(filepath.Base(path), ".docx")
		t.Run(base[:2], func(t *testing.T) {
			doc, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want := fileLines(t, base+".txt")
			if base[:2] == "02" {
				// LibreOffice's export keeps text deleted as a tracked
				// change; the reader, rightly, does not.
				for i, l := range want {
					want[i] = strings.Replace(l, "（试行）》。,并经", "（试行）,并经", 1)
				}
			}
			got := docLines(doc)
			if !slices.Equal(got, want) {
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Fatalf("line %d:\n got  %q\n want %q", i, got[i], want[i])
					}
				}
				t.Fatalf("%d lines, want %d", len(got), len(want))
			}
		})
	}
}

func TestRealAutomaticNumbers(t *testing.T) {
	doc := mustRead(t, "02.docx", testdata(t, "02_sichuan_resettlement_plan_assessment_measures_2014.docx"))
	var articles []string
	for _, s := range texts(doc) {
		if strings.HasPrefix(s, "第") && strings.Contains(s, "条 【") {
			articles = append(articles, s[:strings.Index(s, " ")])
		}
	}
	want := []string{"第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条",
		"第九条", "第十条", "第十一条", "第十二条", "第十三条", "第十四条", "第十五条", "第十六条"}
	if !slices.Equal(articles, want) {
		t.Errorf("articles %q", articles)
	}

	doc = mustRead(t, "04.docx", testdata(t, "04_sichuan_resettlement_dept_workplan_2014_10.docx"))
	var heads []string
	for _, s := range texts(doc) {
		s = strings.TrimSpace(s)
		for _, n := range []string{"一、", "二、", "三、"} {
			if strings.HasPrefix(s, n) {
				heads = append(heads, s)
			}
		}
	}
	if want := []string{"一、主要工作", "二、设计变更工作", "三、验收工作"}; len(heads) < 3 || !slices.Equal(heads[:3], want) {
		t.Errorf("headings %q", heads)
	}
}

func TestRealDocxTables(t *testing.T) {
	doc := mustRead(t, "01.docx", testdata(t, "01_sichuan_reform_task_division_table_2015.docx"))
	tbls := tables(doc)
	if len(tbls) != 2 || len(tbls[0]) != 12 || len(tbls[1]) != 5 {
		t.Fatalf("tables: %d", len(tbls))
	}
	first := tbls[0]
	if first[0][0] != "序号" || first[0][3] != "主要成果及出台时间" || first[0][4] != "主要成果及出台时间" {
		t.Errorf("header %q", first[0])
	}
	for i, row := range first[1:] {
		// 80 is merged down the whole first table: every row stands alone.
		if row[0] != "80" {
			t.Errorf("row %d starts %q", i+1, row[0])
		}
	}
	if got := tbls[1][4][0]; got != "162" {
		t.Errorf("last measure %q", got)
	}
	// Text outside the tables matches LibreOffice's rendering; cells are
	// compared as a set because LibreOffice's output of merged cells
	// follows the file, not the grid.
	want := fileLines(t, "01_sichuan_reform_task_division_table_2015.txt")
	got := docLines(doc)
	for _, l := range got {
		if !slices.Contains(want, l) {
			t.Errorf("line %q not in LibreOffice's text", l)
		}
	}
}

func TestRealXlsx(t *testing.T) {
	doc := mustRead(t, "07.xlsx", testdata(t, "07_sichuan_bureau_it_maintenance_items.xlsx"))
	if len(doc.Blocks) != 1 || doc.Blocks[0].Sheet != "Sheet1" {
		t.Fatalf("blocks %d", len(doc.Blocks))
	}
	got := doc.Blocks[0].Table
	f, err := os.Open(filepath.Join("testdata", "07_sichuan_bureau_it_maintenance_items.sheet1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows, LibreOffice %d", len(got), len(want))
	}
	for i := range want {
		for j, v := range want[i] {
			if v != "" && got[i][j] != v {
				t.Errorf("cell %d,%d = %q, LibreOffice %q", i, j, got[i][j], v)
			}
		}
	}
	// The title merged over A1:F3 and the section rows merged across.
	if got[2][5] != "信息化设备维护项目表" || got[4][5] != "硬件维护项目" || got[3][0] != "序号" {
		t.Errorf("merges not spread: %q / %q / %q", got[2], got[4], got[3])
	}
}
