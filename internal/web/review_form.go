package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/units"
)

// maxRows bounds each list of a task's form (units, deadlines, targets,
// milestones); a real task has a handful.
const maxRows = 50

// ReviewTaskForm is one task's review form, as shown or as posted. Each
// list ends with one blank row, which is how a row is added; a row whose
// text is cleared is dropped, which is how one is deleted.
type ReviewTaskForm struct {
	ID, PlanID  int64
	Path        string
	Text        string // the document's own words, for reference
	Title       string
	Goal        string
	Owner       string
	Requirement string
	Measure     string
	Weight      string
	Units       []ReviewUnitRow
	Deadlines   []plandoc.Deadline
	Targets     []TargetRow
	Milestones  []plandoc.Milestone
	Registry    []UnitView
	Errors      FieldErrors
	// Saved and Notice are the feedback after a save: 已保存, or what
	// else happened (a unit created), as a catalogue key with Arg.
	Saved  bool
	Notice string
	Arg    string

	// The card's tools: split at a sentence, merge with the next task,
	// move, add a task after it, delete.
	SplitParts []SplitPart // Text cut at its split points; a cut before each part but the first
	Next       *TaskRef    // the task after this one, which 合并 appends to it
	Warnings   []string    // catalogue keys of what the check says about this task
	Tool       string      // the tool shown open after it was refused: split, merge, delete
	ToolError  string      // the catalogue key of why
}

// TaskRef names a task of the draft in the pickers (after which task).
type TaskRef struct {
	ID          int64
	Path, Title string
}

// ReviewUnitRow is one unit name and how the registry placed it.
type ReviewUnitRow struct {
	Name        string
	Lead        bool
	UnitID      int64
	How         string // name or alias when matched
	Suggestions []units.Suggestion
}

// Unknown reports whether the name is matched to no registered unit.
func (u ReviewUnitRow) Unknown() bool { return u.UnitID == 0 && u.Name != "" }

// TargetRow is a quantitative target as the form holds it.
type TargetRow struct {
	Text, Value, Unit string
}

// Flagged reports whether the task has a unit the registry does not know.
func (f ReviewTaskForm) Flagged() bool {
	for _, u := range f.Units {
		if u.Unknown() {
			return true
		}
	}
	return false
}

// Cadences are the reporting cadences, in the order the select shows them.
var Cadences = []string{plandoc.EveryYear, plandoc.EveryHalfYear, plandoc.EveryQuarter, plandoc.EveryMonth}

// reviewTaskForm fills the form of a task under review.
func reviewTaskForm(planID int64, t *ledgersvc.ReviewTask, registry []UnitView) ReviewTaskForm {
	f := ReviewTaskForm{ID: t.ID, PlanID: planID, Path: strings.Join(t.Path, "."), Text: t.Text, Title: t.Title,
		Goal: t.Goal, Owner: t.Owner, Requirement: t.Requirement, Measure: t.Measure, Registry: registry, Errors: FieldErrors{}}
	if t.Weight != nil {
		f.Weight = strconv.FormatFloat(*t.Weight, 'f', -1, 64)
	}
	for _, m := range t.UnitMatches {
		f.Units = append(f.Units, ReviewUnitRow{Name: m.Name, Lead: m.Lead, UnitID: m.UnitID, How: m.How, Suggestions: m.Suggestions})
	}
	f.Deadlines = append(f.Deadlines, t.Deadlines...)
	for _, g := range t.Targets {
		f.Targets = append(f.Targets, TargetRow{Text: g.Text, Value: strconv.FormatFloat(g.Value, 'f', -1, 64), Unit: g.Unit})
	}
	f.Milestones = append(f.Milestones, t.Milestones...)
	return f.withBlanks()
}

// withBlanks appends the blank row of each list.
func (f ReviewTaskForm) withBlanks() ReviewTaskForm {
	f.Units = append(f.Units, ReviewUnitRow{})
	f.Deadlines = append(f.Deadlines, plandoc.Deadline{})
	f.Targets = append(f.Targets, TargetRow{})
	f.Milestones = append(f.Milestones, plandoc.Milestone{})
	return f
}

// readReviewTask reads a posted review form. The lists keep only rows
// with text, so the form comes back without blanks: withBlanks adds them
// for showing it again. It only parses: the service checks lengths and
// what is required. A field or list the post did not carry is left nil
// in the edit, so that it is kept.
func readReviewTask(r *http.Request) (ReviewTaskForm, TaskEdit) {
	f := ReviewTaskForm{Title: field(r, "title"), Goal: field(r, "goal"), Owner: field(r, "owner"),
		Requirement: field(r, "requirement"), Measure: field(r, "measure"), Weight: field(r, "weight"), Errors: FieldErrors{}}
	var in TaskEdit
	for name, to := range map[string]**string{"title": &in.Title, "goal": &in.Goal, "owner": &in.Owner,
		"requirement": &in.Requirement, "measure": &in.Measure} {
		if has(r, name) {
			v := field(r, name)
			*to = &v
		}
	}
	if in.WeightSet = has(r, "weight"); f.Weight != "" {
		w, err := strconv.ParseFloat(f.Weight, 64)
		if err != nil || w < 0 {
			f.Errors.add("weight", "error.number_invalid")
		}
		in.Weight = &w
	}
	f.Units, in.Units = readUnitRows(r)
	f.Deadlines = readDeadlineRows(r, f.Errors)
	if carries(r, "deadlines", "text") {
		in.Deadlines = append([]plandoc.Deadline{}, f.Deadlines...)
	}
	if carries(r, "targets", "text") {
		in.Targets = []plandoc.Target{}
	}
	for i := 0; i < maxRows && has(r, fmt.Sprintf("targets.%d.text", i)); i++ {
		p := fmt.Sprintf("targets.%d.", i)
		g := TargetRow{Text: field(r, p+"text"), Value: field(r, p+"value"), Unit: field(r, p+"unit")}
		if g.Text == "" && g.Value == "" {
			continue
		}
		v, err := strconv.ParseFloat(g.Value, 64)
		if err != nil {
			f.Errors.add("targets", "error.number_invalid")
		}
		f.Targets = append(f.Targets, g)
		in.Targets = append(in.Targets, plandoc.Target{Text: g.Text, Value: v, Unit: g.Unit})
	}
	for i := 0; i < maxRows && has(r, fmt.Sprintf("milestones.%d.text", i)); i++ {
		p := fmt.Sprintf("milestones.%d.", i)
		m := plandoc.Milestone{Text: field(r, p+"text"), Due: field(r, p+"due")}
		if m.Text == "" && m.Due == "" {
			continue
		}
		if m.Text == "" {
			f.Errors.add("milestones", "error.required")
		}
		checkDate(f.Errors, "milestones", m.Due)
		f.Milestones = append(f.Milestones, m)
	}
	if carries(r, "milestones", "text") {
		in.Milestones = append([]plandoc.Milestone{}, f.Milestones...)
	}
	return f, in
}

// readUnitRows reads the posted unit rows (units.N.name, .lead, .unit),
// dropping blank ones; links is nil when the post carried no unit rows.
func readUnitRows(r *http.Request) ([]ReviewUnitRow, []UnitLink) {
	var rows []ReviewUnitRow
	var links []UnitLink
	if carries(r, "units", "name") {
		links = []UnitLink{}
	}
	for i := 0; i < maxRows && has(r, fmt.Sprintf("units.%d.name", i)); i++ {
		p := fmt.Sprintf("units.%d.", i)
		u := ReviewUnitRow{Name: field(r, p+"name"), Lead: r.PostFormValue(p+"lead") != ""}
		u.UnitID, _ = strconv.ParseInt(field(r, p+"unit"), 10, 64)
		if u.Name == "" && u.UnitID <= 0 {
			continue
		}
		rows = append(rows, u)
		links = append(links, UnitLink{Name: u.Name, Lead: u.Lead, UnitID: max(u.UnitID, 0)})
	}
	return rows, links
}

// readDeadlineRows reads the posted deadline rows (deadlines.N.text,
// .due, .every), dropping blank ones. A row whose words and date were
// cleared is blank whatever its 报送周期 still says: clearing a row is
// how the office deletes it, and a cadence alone would stay behind as a
// nameless 每年.
func readDeadlineRows(r *http.Request, fe FieldErrors) []plandoc.Deadline {
	var out []plandoc.Deadline
	for i := 0; i < maxRows && has(r, fmt.Sprintf("deadlines.%d.text", i)); i++ {
		p := fmt.Sprintf("deadlines.%d.", i)
		d := plandoc.Deadline{Text: field(r, p+"text"), Due: field(r, p+"due"), Every: field(r, p+"every")}
		if d.Text == "" && d.Due == "" {
			continue
		}
		if d.Text == "" {
			d.Text = d.Due // a date alone is its own description
		}
		checkDate(fe, "deadlines", d.Due)
		if d.Every != "" && !validCadence(d.Every) {
			fe.add("deadlines", "error.invalid")
		}
		out = append(out, d)
	}
	return out
}

func has(r *http.Request, name string) bool {
	_, ok := r.PostForm[name]
	return ok
}

// carries reports whether the post carried the rows of list (its first
// row's field, which the form always sends, if only blank).
func carries(r *http.Request, list, field string) bool {
	return has(r, list+".0."+field)
}

func checkDate(fe FieldErrors, name, value string) {
	if value == "" {
		return
	}
	if _, err := time.Parse("2006-01-02", value); err != nil {
		fe.add(name, "error.date_invalid")
	}
}

func validCadence(every string) bool {
	for _, c := range Cadences {
		if c == every {
			return true
		}
	}
	return false
}
