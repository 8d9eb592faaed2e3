package api

import (
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/supervise"
)

// rulesList is the rule book: the default in force and each plan's own
// rules with the plan's title, as the rules page shows them (rules kept
// for a plan removed since are left out).
func (h *Handler) rulesList(w http.ResponseWriter, r *http.Request) {
	c := httpauth.From(r.Context())
	if c == nil {
		fail(w, r, errUnauthenticated)
		return
	}
	b, err := h.Supervision.Rules(r.Context(), c.Principal())
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"default": b.Default.Rules, "plans": b.Plans})
}

// rulesPut stores a plan's own rules ({plan} 0: the default), the body
// being the rules' JSON (remind_workdays, press_after_missed, ladder,
// report_day).
func (h *Handler) rulesPut(w http.ResponseWriter, r *http.Request) {
	c, plan, ok := rulesPlan(w, r)
	if !ok {
		return
	}
	var in supervise.Rules
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	if err := h.Supervision.SaveRules(r.Context(), c.Principal(), httpauth.Actor(r), plan, in); err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"plan_id": plan, "rules": in})
}

// rulesDelete lets a plan follow the default again.
func (h *Handler) rulesDelete(w http.ResponseWriter, r *http.Request) {
	c, plan, ok := rulesPlan(w, r)
	if !ok {
		return
	}
	if err := h.Supervision.ClearRules(r.Context(), c.Principal(), httpauth.Actor(r), plan); err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"plan_id": plan, "cleared": true})
}

// rulesPlan is the signed-in caller and the plan of the path: a plan's
// number, or 0 for the default.
func rulesPlan(w http.ResponseWriter, r *http.Request) (*httpauth.Caller, int64, bool) {
	c := httpauth.From(r.Context())
	if c == nil {
		fail(w, r, errUnauthenticated)
		return nil, 0, false
	}
	plan, err := strconv.ParseInt(r.PathValue("plan"), 10, 64)
	if err != nil || plan < 0 {
		fail(w, r, errInvalid("rules.error.plan"))
		return nil, 0, false
	}
	return c, plan, true
}
