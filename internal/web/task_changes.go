package web

import (
	"net/http"
	"strconv"
	"strings"
)

// ExtensionForm is a unit's 延期申请 as typed, with its errors.
type ExtensionForm struct {
	NewDue, Reason string
	Errors         FieldErrors
}

// ExtensionDecideForm is the office's decision on a request.
type ExtensionDecideForm struct {
	Comment string
	Errors  FieldErrors
}

// AdjustForm is the office's 调整 as typed, with its errors.
type AdjustForm struct {
	Title, Text, Requirement, Due, Lead, Coop, Reason string
	Errors                                            FieldErrors
}

// RevokeForm is the office's 撤销 as typed, with its errors.
type RevokeForm struct {
	Reason string
	Errors FieldErrors
}

// ChangeForms are the change forms of a task's page and its 变更记录.
type ChangeForms struct {
	*TaskChanges
	Extension ExtensionForm
	Decide    ExtensionDecideForm
	Adjust    AdjustForm
	Revoke    RevokeForm
}

// loadChanges fills the page's 变更记录 and the change forms, the 调整
// form with the task as it stands.
func (h *Handler) loadChanges(r *http.Request, data *TaskPage) error {
	if h.d.Changes == nil {
		return nil
	}
	tc, err := h.d.Changes.Task(r.Context(), data.Task.ID, data.Task.Workflow)
	if err != nil {
		return err
	}
	t := data.Task
	var lead, coop []string
	for _, u := range t.Units {
		if containsStr(t.LeadUnits, u) {
			lead = append(lead, u)
		} else {
			coop = append(coop, u)
		}
	}
	data.Changes = &ChangeForms{TaskChanges: tc,
		Extension: ExtensionForm{Errors: FieldErrors{}}, Decide: ExtensionDecideForm{Errors: FieldErrors{}},
		Adjust: AdjustForm{Title: t.Title, Text: t.Text, Requirement: t.Requirement, Due: t.NextDue,
			Lead: strings.Join(lead, "、"), Coop: strings.Join(coop, "、"), Errors: FieldErrors{}},
		Revoke: RevokeForm{Errors: FieldErrors{}}}
	return nil
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// splitNames reads unit names one per line or separated by 、，, or ;.
func splitNames(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == '\n' || r == '\r' || r == '、' || r == '，' || r == ',' || r == '；' || r == ';'
	})
	var out []string
	for _, n := range f {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// changeDone redirects to the task with a success message.
func changeDone(w http.ResponseWriter, r *http.Request, id int64, key string) {
	flash(w, "success", key)
	redirect(w, r, "/tasks/"+strconv.FormatInt(id, 10)+"#changes")
}

// changeRefused shows the task page again with the refused form, or
// fails the request when the error is no refusal.
func (h *Handler) changeRefused(w http.ResponseWriter, r *http.Request, err error, edit func(c *ChangeForms, fe FieldErrors)) {
	fe, ok := validationErrors(r, err)
	if !ok {
		h.fail(w, r, err)
		return
	}
	h.renderTask(w, r, http.StatusUnprocessableEntity, func(p *TaskPage) {
		if p.Changes == nil {
			return
		}
		edit(p.Changes, fe)
		// A form the page no longer offers (the task moved on) shows its
		// refusal at the top.
		if msg := fe[""]; msg != "" && p.Alert == "" && !p.Changes.CanRequest && !p.Changes.CanDecide && !p.Changes.CanChange {
			p.Alert = msg
		}
	})
}

// taskExtensionRequest is a unit's 延期申请.
func (h *Handler) taskExtensionRequest(w http.ResponseWriter, r *http.Request) {
	id, ok := h.changeForm(w, r)
	if !ok {
		return
	}
	form := ExtensionForm{NewDue: field(r, "new_due"), Reason: field(r, "reason")}
	if err := h.d.Changes.RequestExtension(r.Context(), id, form.NewDue, form.Reason); err != nil {
		h.changeRefused(w, r, err, func(c *ChangeForms, fe FieldErrors) { form.Errors = fe; c.Extension = form })
		return
	}
	changeDone(w, r, id, "extension.requested_done")
}

// taskExtensionDecide is the office's 同意 or 不同意 on a request.
func (h *Handler) taskExtensionDecide(w http.ResponseWriter, r *http.Request) {
	id, ok := h.changeForm(w, r)
	if !ok {
		return
	}
	approve := field(r, "decision") == "approve"
	form := ExtensionDecideForm{Comment: field(r, "comment")}
	if err := h.d.Changes.DecideExtension(r.Context(), id, approve, form.Comment); err != nil {
		h.changeRefused(w, r, err, func(c *ChangeForms, fe FieldErrors) { form.Errors = fe; c.Decide = form })
		return
	}
	changeDone(w, r, id, map[bool]string{true: "extension.approved_done", false: "extension.refused_done"}[approve])
}

// taskAdjust is the office's 调整: only the fields changed from the
// task as shown are sent on.
func (h *Handler) taskAdjust(w http.ResponseWriter, r *http.Request) {
	id, ok := h.changeForm(w, r)
	if !ok {
		return
	}
	form := AdjustForm{Title: field(r, "title"), Text: field(r, "text"), Requirement: field(r, "requirement"), Due: field(r, "due"),
		Lead: field(r, "lead"), Coop: field(r, "coop"), Reason: field(r, "reason")}
	in := AdjustEdit{Title: &form.Title, Text: &form.Text, Requirement: &form.Requirement, Reason: form.Reason,
		Lead: splitNames(form.Lead), Coop: splitNames(form.Coop), UnitsSet: true}
	if form.Due != "" {
		in.Due = &form.Due
	}
	if err := h.d.Changes.Adjust(r.Context(), id, in); err != nil {
		h.changeRefused(w, r, err, func(c *ChangeForms, fe FieldErrors) { form.Errors = fe; c.Adjust = form })
		return
	}
	changeDone(w, r, id, "adjust.done")
}

// taskRevoke is the office's 撤销, confirmed in the browser first.
func (h *Handler) taskRevoke(w http.ResponseWriter, r *http.Request) {
	id, ok := h.changeForm(w, r)
	if !ok {
		return
	}
	form := RevokeForm{Reason: field(r, "reason")}
	if err := h.d.Changes.Revoke(r.Context(), id, form.Reason); err != nil {
		h.changeRefused(w, r, err, func(c *ChangeForms, fe FieldErrors) { form.Errors = fe; c.Revoke = form })
		return
	}
	changeDone(w, r, id, "revoke.done")
}

// changeForm reads the task's id and the posted form.
func (h *Handler) changeForm(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return 0, false
	}
	return id, parseForm(w, r)
}
