package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"github.com/duban/duban/internal/plandoc"
)

// Rows of the add form: a task added by hand has a unit or two and a
// deadline; more are added on its card afterwards.
const (
	addUnitRows     = 3
	addDeadlineRows = 2
)

// AddTaskForm is the form that adds a task to the draft by hand (新增任务),
// after a chosen task.
type AddTaskForm struct {
	After             int64 // the task it follows; 0 puts it first
	Path, Title, Text string
	Units             []ReviewUnitRow
	Deadlines         []plandoc.Deadline
	Errors            FieldErrors
	Open              bool // shown unfolded: refused, or asked for (?after=)
}

// newAddTaskForm is the empty form, its new task placed last by default
// (the page picks the last task).
func newAddTaskForm() AddTaskForm {
	return AddTaskForm{After: -1, Errors: FieldErrors{}}.withRows()
}

// withRows pads the unit and deadline rows to the form's size.
func (f AddTaskForm) withRows() AddTaskForm {
	for len(f.Units) < addUnitRows {
		f.Units = append(f.Units, ReviewUnitRow{})
	}
	for len(f.Deadlines) < addDeadlineRows {
		f.Deadlines = append(f.Deadlines, plandoc.Deadline{})
	}
	return f
}

// taskPath reads a numbering path as typed: 二.(一).4, 二/(一)/4 or
// 二、(一)、4 all give [二 (一) 4].
func taskPath(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '.' || r == '/' || r == '．' || r == '／' || r == '、' || unicode.IsSpace(r)
	})
}

// readAddTask reads a posted add form; the service checks it.
func readAddTask(r *http.Request) (AddTaskForm, NewTask) {
	f := AddTaskForm{Path: field(r, "path"), Title: field(r, "title"), Text: field(r, "text"), Errors: FieldErrors{}, Open: true}
	after, err := strconv.ParseInt(field(r, "after"), 10, 64)
	if err != nil || after < 0 {
		f.Errors.add("after", "error.invalid")
	}
	f.After = after
	var links []UnitLink
	f.Units, links = readUnitRows(r)
	f.Deadlines = readDeadlineRows(r, f.Errors)
	in := NewTask{After: max(after, 0), Path: taskPath(f.Path), Title: f.Title, Text: f.Text, Units: links,
		Deadlines: append([]plandoc.Deadline{}, f.Deadlines...)}
	return f, in
}

// reviewTaskAdd adds a task to the draft (AddTask) and shows it on the
// review page.
func (h *Handler) reviewTaskAdd(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	form, in := readAddTask(r)
	if form.Errors.Any() {
		err = &ValidationError{Fields: form.Errors}
	} else {
		var task int64
		if task, err = h.d.Plans.AddTask(r.Context(), id, in); err == nil {
			flash(w, r, "success", "review.task_added", "name", in.Title)
			redirect(w, r, fmt.Sprintf("/plans/%d/review#task-%d", id, task))
			return
		}
	}
	h.reviewRefused(w, r, id, err, func(p *ReviewPage, fe FieldErrors) {
		form.Errors = fe
		p.Add = form.withRows()
	})
}
