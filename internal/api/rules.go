package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/supervise"
)

// rulesList is the rule book: the default in force and each plan's own
// rules as stored.
func (h *Handler) rulesList(w http.ResponseWriter, r *http.Request) {
	if _, err := allowed(r, authz.TaskRead); err != nil {
		fail(w, r, err)
		return
	}
	book, stored, err := h.Store.SupervisionRules(r.Context(), h.Supervision.RulesBase)
	if err != nil {
		fail(w, r, err)
		return
	}
	plans := []any{}
	for _, s := range stored {
		if s.PlanID != 0 {
			plans = append(plans, s)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"default": book.Default, "plans": plans})
}

// rulesPut stores a plan's own rules ({plan} 0: the default), the body
// being the rules' JSON (remind_workdays, press_after_missed, ladder,
// report_day).
func (h *Handler) rulesPut(w http.ResponseWriter, r *http.Request) {
	plan, ok := h.rulesPlan(w, r)
	if !ok {
		return
	}
	var in supervise.Rules
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	err := h.Store.SetSupervisionRules(r.Context(), httpauth.Actor(r), plan, in)
	reply(w, r, http.StatusOK, map[string]any{"plan_id": plan, "rules": in}, err)
}

// rulesDelete lets a plan follow the default again.
func (h *Handler) rulesDelete(w http.ResponseWriter, r *http.Request) {
	plan, ok := h.rulesPlan(w, r)
	if !ok {
		return
	}
	err := h.Store.ClearSupervisionRules(r.Context(), httpauth.Actor(r), plan)
	reply(w, r, http.StatusOK, map[string]any{"plan_id": plan, "cleared": true}, err)
}

func (h *Handler) rulesPlan(w http.ResponseWriter, r *http.Request) (int64, bool) {
	if _, err := allowed(r, authz.TaskSupervise); err != nil {
		fail(w, r, err)
		return 0, false
	}
	plan, err := strconv.ParseInt(r.PathValue("plan"), 10, 64)
	if err != nil || plan < 0 {
		fail(w, r, errors.Join(errBadRequest, errors.New("plan 应为方案编号，0 表示默认规则")))
		return 0, false
	}
	return plan, true
}
