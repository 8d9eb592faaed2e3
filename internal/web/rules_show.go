package web

import (
	"errors"
	"net/http"
	"strconv"
)

// RulesPage is the data of the rules page (督查规则).
type RulesPage struct {
	Page
	*RulesView
}

// RulesFormPage is the data of the rules' edit form.
type RulesFormPage struct {
	Page
	*RulesForm
}

// rulesList shows the default rules and each plan's own.
func (h *Handler) rulesList(w http.ResponseWriter, r *http.Request) {
	v, err := h.d.Rules.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "rules", RulesPage{Page: h.basePage(w, r, "/rules"), RulesView: v})
}

// rulesEdit shows the form of a plan's rules (0: the default).
func (h *Handler) rulesEdit(w http.ResponseWriter, r *http.Request) {
	plan, ok := rulesPlan(w, r, h)
	if !ok {
		return
	}
	f, err := h.d.Rules.Get(r.Context(), plan)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f.Levels = append(f.Levels, LevelForm{}) // room for one more level
	h.render(w, r, http.StatusOK, "rules_form", RulesFormPage{Page: h.basePage(w, r, ""), RulesForm: f})
}

// rulesSave stores the form; refused, it comes back with every problem.
func (h *Handler) rulesSave(w http.ResponseWriter, r *http.Request) {
	plan, ok := rulesPlan(w, r, h)
	if !ok || !parseForm(w, r) {
		return
	}
	in := RulesForm{PlanID: plan, Remind: field(r, "remind"), Press: r.PostFormValue("press") != "", ReportDay: field(r, "report_day")}
	names, labels, afters, rectifies := r.PostForm["name"], r.PostForm["label"], r.PostForm["after"], r.PostForm["rectify"]
	for i := range labels {
		l := LevelForm{Label: labels[i]}
		if i < len(names) {
			l.Name = names[i]
		}
		if i < len(afters) {
			l.After = afters[i]
		}
		if i < len(rectifies) {
			l.Rectify = rectifies[i]
		}
		in.Levels = append(in.Levels, l)
	}
	err := h.d.Rules.Save(r.Context(), plan, in)
	var bad *RulesInputError
	switch {
	case err == nil:
		flash(w, r, "success", "rules.saved")
		redirect(w, r, "/rules")
	case errors.As(err, &bad):
		cur, gerr := h.d.Rules.Get(r.Context(), plan)
		if gerr != nil {
			h.fail(w, r, gerr)
			return
		}
		in.PlanTitle, in.Problems = cur.PlanTitle, bad.Problems
		h.render(w, r, http.StatusUnprocessableEntity, "rules_form", RulesFormPage{Page: h.basePage(w, r, ""), RulesForm: &in})
	default:
		h.fail(w, r, err)
	}
}

// rulesClear lets a plan follow the default again.
func (h *Handler) rulesClear(w http.ResponseWriter, r *http.Request) {
	plan, ok := rulesPlan(w, r, h)
	if !ok || !parseForm(w, r) {
		return
	}
	if err := h.d.Rules.Clear(r.Context(), plan); err != nil {
		h.fail(w, r, err)
		return
	}
	flash(w, r, "success", "rules.cleared")
	redirect(w, r, "/rules")
}

// rulesPlan is the plan of the path: a plan's number, or 0 for the default.
func rulesPlan(w http.ResponseWriter, r *http.Request, h *Handler) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("plan"), 10, 64)
	if err != nil || id < 0 {
		h.fail(w, r, ErrNotFound)
		return 0, false
	}
	return id, true
}
