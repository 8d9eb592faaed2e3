package web

import (
	"net/http"
	"strconv"
	"strings"
)

// splitBlankRows is how many empty rows the split form offers at first.
const splitBlankRows = 3

// taskSplit splits a task into sub-tasks from the 分解任务 form: every
// filled row is a sub-task, all or none. "增加一行" shows the form again
// with one more empty row.
func (h *Handler) taskSplit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseForm(w, r) {
		return
	}
	form := SplitForm{Rows: formRows(r), Errors: FieldErrors{}}
	if r.PostFormValue("op") == "add_row" {
		form.Rows = append(form.Rows, SubtaskRow{N: len(form.Rows) + 1})
		h.renderTask(w, r, http.StatusOK, func(p *TaskPage) { p.Split = form })
		return
	}
	var filled []SubtaskRow
	for _, row := range form.Rows {
		if !row.blank() {
			filled = append(filled, row)
		}
	}
	err = h.d.Subtasks.Split(r.Context(), id, filled)
	if err == nil {
		flash(w, r, "success", "subtasks.done", "n", strconv.Itoa(len(filled)))
		redirect(w, r, "/tasks/"+strconv.FormatInt(id, 10)+"#subtasks")
		return
	}
	fe, ok := validationErrors(r, err)
	if !ok {
		h.fail(w, r, err)
		return
	}
	form.Errors = renumber(fe, filled)
	h.renderTask(w, r, http.StatusUnprocessableEntity, func(p *TaskPage) { p.Split = form })
}

// formRows reads the rows of a split or review form: parallel fields, one
// value a row.
func formRows(r *http.Request) []SubtaskRow {
	v := func(name string, i int) string {
		if vs := r.PostForm[name]; i < len(vs) {
			return strings.TrimSpace(vs[i])
		}
		return ""
	}
	keep := map[string]bool{}
	for _, k := range r.PostForm["keep"] {
		keep[k] = true
	}
	n := len(r.PostForm["title"])
	rows := make([]SubtaskRow, n)
	for i := range rows {
		item, _ := strconv.Atoi(v("item", i))
		rows[i] = SubtaskRow{N: i + 1, Title: v("title", i), Text: v("text", i), Unit: v("unit", i), Due: v("due", i),
			Weight: v("weight", i), Keep: keep[strconv.Itoa(i+1)], Item: item, Path: v("path", i),
			UnitNamed: v("unit_named", i), Notes: strings.Fields(v("notes", i))}
	}
	return rows
}

// renumber moves the errors of the rows sent (numbered from 1 as sent)
// to the rows of the form they came from.
func renumber(fe FieldErrors, sent []SubtaskRow) FieldErrors {
	out := FieldErrors{}
	for f, key := range fe {
		rest, ok := strings.CutPrefix(f, "subtasks.")
		num, field, ok2 := strings.Cut(rest, ".")
		n, err := strconv.Atoi(num)
		if !ok || !ok2 || err != nil || n < 1 || n > len(sent) {
			out.add(f, key)
			continue
		}
		out.add("subtasks."+strconv.Itoa(sent[n-1].N)+"."+field, key)
	}
	return out
}
