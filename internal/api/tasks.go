package api

import (
	"net/http"
	"strconv"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/store"
)

// taskList lists tasks with filters plan, unit, status, q, limit, offset;
// a liaison sees only their units' tasks.
func (h *Handler) taskList(w http.ResponseWriter, r *http.Request) {
	c, err := allowed(r, authz.TaskRead)
	if err != nil {
		fail(w, r, err)
		return
	}
	q := r.URL.Query()
	f := store.TaskFilter{Status: q.Get("status"), Q: q.Get("q")}
	for key, dst := range map[string]*int64{"plan": &f.PlanID, "unit": &f.UnitID} {
		if v := q.Get(key); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				fail(w, r, errBadRequestf(key+" 应为整数 id"))
				return
			}
			*dst = n
		}
	}
	if f.Limit, err = queryInt(r, "limit"); err != nil {
		fail(w, r, err)
		return
	}
	if f.Offset, err = queryInt(r, "offset"); err != nil {
		fail(w, r, err)
		return
	}
	units, _ := authz.ScopeUnits(c.Principal())
	f.Scoped, f.ScopeUnits = units != nil, units
	tasks, total, err := h.Store.FindTasks(r.Context(), f)
	if err != nil {
		fail(w, r, err)
		return
	}
	items := make([]taskView, len(tasks))
	for i := range tasks {
		items[i] = viewTask(&tasks[i])
	}
	writeJSON(w, http.StatusOK, list[taskView]{Items: items, Total: total})
}

// taskGet returns one task the caller may read.
func (h *Handler) taskGet(w http.ResponseWriter, r *http.Request) {
	_, id, ok := begin(w, r, authz.TaskRead)
	if !ok {
		return
	}
	t, err := h.Store.FindTaskByID(r.Context(), id)
	if err != nil {
		fail(w, r, err)
		return
	}
	if _, err := require(r, authz.TaskRead, authz.Resource{Units: t.UnitIDs}); err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, viewTask(t))
}
