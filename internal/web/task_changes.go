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
		Adjust: AdjustForm{Title: t.Title, Text: t.Text, Requirement: t.Requirement, Due: tc.Due,
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
	flash(w, r, "success", key)
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

// changeForm reads the task's id and the posted form.
func (h *Handler) changeForm(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return 0, false
	}
	return id, parseForm(w, r)
}
