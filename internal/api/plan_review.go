package api

import (
	"context"
	"net/http"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/units"
)

// unitMatch is one unit name of a draft task as the registry sees it: the
// unit it matched (and how), or suggestions for the office to pick from.
type unitMatch struct {
	Name        string             `json:"name"`
	Lead        bool               `json:"lead"`
	UnitID      int64              `json:"unit_id,omitempty"`
	How         string             `json:"how,omitempty"` // name, alias, or "" when unknown
	Suggestions []units.Suggestion `json:"suggestions"`
}

type reviewTask struct {
	taskView
	UnitMatches []unitMatch `json:"unit_matches"`
}

// review is a draft plan as the review screen needs it.
type review struct {
	planView
	SourceText string       `json:"source_text"`
	Tasks      []reviewTask `json:"tasks"`
	Unknown    int          `json:"unknown_units"` // names matched to no registered unit
}

// planReview returns a plan with its source text and every task's unit
// names matched against the registry.
func (h *Handler) planReview(w http.ResponseWriter, r *http.Request) {
	_, id, ok := begin(w, r, authz.PlanWrite)
	if !ok {
		return
	}
	rv, err := h.review(r.Context(), id)
	reply(w, r, http.StatusOK, rv, err)
}

func (h *Handler) review(ctx context.Context, id int64) (*review, error) {
	p, err := h.Store.FindPlanByID(ctx, id)
	if err != nil {
		return nil, err
	}
	src, err := h.Store.FindPlanSource(ctx, id)
	if err != nil {
		return nil, err
	}
	reg, err := h.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	list := make([]units.Unit, len(reg))
	for i, u := range reg {
		list[i] = units.Unit{ID: u.ID, Name: u.Name, Aliases: u.Aliases}
	}
	ix := units.NewIndex(list)
	rv := &review{planView: viewPlan(p), SourceText: src, Tasks: []reviewTask{}}
	for i := range p.Tasks {
		t := &p.Tasks[i]
		rt := reviewTask{taskView: h.viewTask(t), UnitMatches: []unitMatch{}}
		for _, name := range t.Units {
			m := ix.Match(name)
			um := unitMatch{Name: name, Lead: contains(t.LeadUnits, name), UnitID: m.UnitID, How: m.How, Suggestions: m.Suggestions}
			if um.Suggestions == nil {
				um.Suggestions = []units.Suggestion{}
			}
			if m.UnitID == 0 {
				rv.Unknown++
			}
			rt.UnitMatches = append(rt.UnitMatches, um)
		}
		rv.Tasks = append(rv.Tasks, rt)
	}
	return rv, nil
}

// planConfirm ends the review: the plan's tasks are registered (挂号) and
// their units see them.
func (h *Handler) planConfirm(w http.ResponseWriter, r *http.Request) {
	_, id, ok := begin(w, r, authz.PlanWrite)
	if !ok {
		return
	}
	if err := h.Store.ConfirmPlan(r.Context(), httpauth.Actor(r), id); err != nil {
		fail(w, r, err)
		return
	}
	p, err := h.Store.FindPlanByID(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, viewPlan(p))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
