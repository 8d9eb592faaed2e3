package web

import (
	"net/http"
	"strconv"
	"strings"
)

// taskReport records a progress report by a liaison of the task's unit:
// text, 存在问题 and 下步计划, percent, the period it reports for, milestones done, target
// values reached and attachments.
func (h *Handler) taskReport(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if !parseUpload(w, r) {
		return
	}
	form := ReportForm{Text: strings.TrimSpace(r.PostFormValue("text")), Percent: field(r, "percent"),
		Problems: strings.TrimSpace(r.PostFormValue("problems")), NextSteps: strings.TrimSpace(r.PostFormValue("next_steps")),
		Period: field(r, "period"), Targets: map[int]string{}, Errors: FieldErrors{}}
	in := ReportInput{Text: form.Text, Problems: form.Problems, NextSteps: form.NextSteps, Period: form.Period, Targets: map[int]float64{}}
	if form.Percent != "" {
		p, err := strconv.ParseFloat(strings.TrimSuffix(form.Percent, "%"), 64)
		if err != nil || p < 0 || p > 100 {
			form.Errors.add("percent", "error.percent_range")
		}
		in.Percent = &p
	}
	for _, v := range r.PostForm["milestones"] {
		if n, err := strconv.Atoi(v); err == nil {
			form.Done = append(form.Done, n)
			in.MilestonesDone = append(in.MilestonesDone, n)
		}
	}
	for k, vs := range r.PostForm {
		seq, ok := strings.CutPrefix(k, "target.")
		n, err := strconv.Atoi(seq)
		if !ok || err != nil || len(vs) == 0 || strings.TrimSpace(vs[0]) == "" {
			continue
		}
		form.Targets[n] = strings.TrimSpace(vs[0])
		v, err := strconv.ParseFloat(form.Targets[n], 64)
		if err != nil {
			form.Errors.add("targets", "error.number_invalid")
		}
		in.Targets[n] = v
	}
	files, ok := uploads(r, "files")
	if !ok {
		form.Errors.add("files", "error.too_many_files")
	}
	in.Files = files
	if !form.Errors.Any() {
		err := h.d.Tasks.Report(r.Context(), id, in)
		if err == nil {
			flash(w, r, "success", "task.reported")
			redirect(w, r, "/tasks/"+strconv.FormatInt(id, 10))
			return
		}
		fe, ok := validationErrors(r, err)
		if !ok {
			h.fail(w, r, err)
			return
		}
		form.Errors = fe
	}
	h.taskFormAgain(w, r, "report_form", func(p *TaskPage) { p.Report = form })
}

// taskFormAgain shows a refused form with its errors: to htmx the form
// alone, in place; otherwise the whole task page.
func (h *Handler) taskFormAgain(w http.ResponseWriter, r *http.Request, fragment string, edit func(*TaskPage)) {
	if !isHTMX(r) {
		h.renderTask(w, r, http.StatusUnprocessableEntity, edit)
		return
	}
	data, ok := h.taskPage(w, r)
	if !ok {
		return
	}
	edit(data)
	data.Periods = periodOptions(data.Task, data.Report.Period)
	h.renderFragment(w, r, http.StatusUnprocessableEntity, "task", fragment, data)
}
