package plandoc

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban/internal/docread"
)

// The real office files in ../docread/testdata (a provincial bureau's
// uploads; see its README) have no gold answer, but the counts below were
// checked by hand against the documents. They hold the importer to shapes
// the corpus lacks: several plans annexed to one report, a table exported
// as text one cell per line, a workbook saved as CSV, a signing date after
// the last item.

func parseReal(t *testing.T, name string) *Plan {
	t.Helper()
	doc, err := docread.ReadFile(filepath.Join("..", "docread", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return Parse(doc)
}

// TestRealAnnexedPlans: a report carrying five departmental action plans
// as 附件3–附件7 gives the measures of every one, each under its annex.
func TestRealAnnexedPlans(t *testing.T) {
	for _, ext := range []string{".txt", ".docx"} {
		p := parseReal(t, "06_sichuan_wugeyipi_poverty_action_plans_2015"+ext)
		if len(p.Tasks) < 30 {
			t.Errorf("%s: %d tasks, want at least 30", ext, len(p.Tasks))
		}
		annexes := map[string]int{}
		for _, task := range p.Tasks {
			annexes[task.Path[0]]++
		}
		for _, a := range []string{"附件3", "附件4", "附件5", "附件6", "附件7"} {
			if annexes[a] == 0 {
				t.Errorf("%s: no task from %s (tasks by first label: %v)", ext, a, annexes)
			}
		}
		for _, w := range p.Warnings {
			if w.Kind == WarnUnreadAnnex || w.Kind == WarnDuplicatePath {
				t.Errorf("%s: warning %+v", ext, w)
			}
		}
	}
}

// TestRealTextExportOfATable: LibreOffice's text export of a .docx prints
// its annex table one cell per line; the same measures come out.
func TestRealTextExportOfATable(t *testing.T) {
	paths := func(p *Plan) []string {
		var out []string
		for _, task := range p.Tasks {
			out = append(out, strings.Join(task.Path, "/"))
		}
		return out
	}
	fromDocx := paths(parseReal(t, "01_sichuan_reform_task_division_table_2015.docx"))
	fromText := paths(parseReal(t, "01_sichuan_reform_task_division_table_2015.txt"))
	if len(fromDocx) != 4 || !reflect.DeepEqual(fromDocx, fromText) {
		t.Errorf("docx gives %v, its text export %v; want the same 4 measures", fromDocx, fromText)
	}
}

// TestRealCSVLikeWorkbook: a worksheet saved as CSV gives the workbook's
// items.
func TestRealCSVLikeWorkbook(t *testing.T) {
	x := parseReal(t, "07_sichuan_bureau_it_maintenance_items.xlsx")
	c := parseReal(t, "07_sichuan_bureau_it_maintenance_items.sheet1.csv")
	if len(x.Tasks) != 11 || len(c.Tasks) != len(x.Tasks) {
		t.Fatalf("xlsx gives %d tasks, csv %d; want 11 each", len(x.Tasks), len(c.Tasks))
	}
	for i := range x.Tasks {
		if x.Tasks[i].Title != c.Tasks[i].Title {
			t.Errorf("task %d: xlsx %q, csv %q", i, x.Tasks[i].Title, c.Tasks[i].Title)
		}
	}
}

// TestRealSigningDateIsNoDeadline: a work plan whose items 4 and 5 begin
// with a month (4.10月中旬…) keeps them apart, and the date under the
// signature is not the last item's deadline.
func TestRealSigningDateIsNoDeadline(t *testing.T) {
	p := parseReal(t, "04_sichuan_resettlement_dept_workplan_2014_10.docx")
	if p.IssuedOn == "" {
		t.Error("no signing date read")
	}
	last := p.Tasks[len(p.Tasks)-1]
	for _, d := range last.Deadlines {
		if d.Due == p.IssuedOn {
			t.Errorf("the signing date %s became the last task's deadline: %+v", p.IssuedOn, last)
		}
	}
	if len(p.Tasks) < 18 {
		t.Errorf("%d tasks, want the 18 items of the plan", len(p.Tasks))
	}
}
