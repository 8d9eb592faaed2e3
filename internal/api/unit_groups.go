package api

import (
	"net/http"

	"github.com/duban/duban/internal/records"
)

// unitGroupList returns the unit groups (县市区, 市直部门 …) with their
// members' ids.
func (h *Handler) unitGroupList(w http.ResponseWriter, r *http.Request) {
	p, _, err := principalOf(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	gs, err := h.Admin.UnitGroups(r.Context(), p)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list[records.Group]{Items: nonNilSlice(gs), Total: len(gs)})
}

// unitGroupGet returns one unit group.
func (h *Handler) unitGroupGet(w http.ResponseWriter, r *http.Request) {
	p, _, id, ok := h.callOn(w, r)
	if !ok {
		return
	}
	g, err := h.Admin.UnitGroup(r.Context(), p, id)
	reply(w, r, http.StatusOK, g, err)
}

type unitGroupInput struct {
	Name    string  `json:"name"`
	Note    string  `json:"note"`
	Members []int64 `json:"members"`
}

func (in unitGroupInput) records() records.GroupInput {
	return records.GroupInput{Name: in.Name, Note: in.Note, Members: in.Members}
}

// unitGroupCreate makes a unit group.
func (h *Handler) unitGroupCreate(w http.ResponseWriter, r *http.Request) {
	p, actor, err := principalOf(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	var in unitGroupInput
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	g, err := h.Admin.CreateUnitGroup(r.Context(), p, actor, in.records())
	reply(w, r, http.StatusCreated, g, err)
}

// unitGroupPut replaces a unit group's name, note and members.
func (h *Handler) unitGroupPut(w http.ResponseWriter, r *http.Request) {
	p, actor, id, ok := h.callOn(w, r)
	if !ok {
		return
	}
	var in unitGroupInput
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	g, err := h.Admin.UpdateUnitGroup(r.Context(), p, actor, id, in.records())
	reply(w, r, http.StatusOK, g, err)
}

// unitGroupDelete removes a unit group; its units stay.
func (h *Handler) unitGroupDelete(w http.ResponseWriter, r *http.Request) {
	p, actor, id, ok := h.callOn(w, r)
	if !ok {
		return
	}
	if err := h.Admin.DeleteUnitGroup(r.Context(), p, actor, id); err != nil {
		fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// unitMerge merges the unit of the path into the unit "into": its
// tasks, records, scores, liaisons, groups and aliases move, its name
// becomes an alias, and it leaves the registry.
func (h *Handler) unitMerge(w http.ResponseWriter, r *http.Request) {
	p, actor, id, ok := h.callOn(w, r)
	if !ok {
		return
	}
	var in struct {
		Into int64 `json:"into"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	m, err := h.Admin.MergeUnit(r.Context(), p, actor, id, in.Into)
	reply(w, r, http.StatusOK, m, err)
}
