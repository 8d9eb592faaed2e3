package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/store"
)

// taskFilter reads the list filters of a request: plan, unit, status,
// light, due_from, due_to, q, sort, limit, offset.
func (h *Handler) taskFilter(r *http.Request) (store.TaskFilter, error) {
	q := r.URL.Query()
	today := h.today()
	f := store.TaskFilter{Q: q.Get("q"), Status: ledger.Status(q.Get("status")), Light: ledger.Light(q.Get("light")),
		Sort: q.Get("sort"), Today: today, DueSoonLimit: ledger.DueSoonLimit(today, h.Calendar, h.Rules)}
	for key, dst := range map[string]*int64{"plan": &f.PlanID, "unit": &f.UnitID} {
		if v := q.Get(key); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return f, errBadRequestf(key + " 应为整数 id")
			}
			*dst = n
		}
	}
	for key, dst := range map[string]*time.Time{"due_from": &f.DueFrom, "due_to": &f.DueTo} {
		if v := q.Get(key); v != "" {
			d, err := time.Parse("2006-01-02", v)
			if err != nil {
				return f, errBadRequestf(key + " 应为 YYYY-MM-DD")
			}
			*dst = d
		}
	}
	var err error
	if f.Limit, err = queryInt(r, "limit"); err != nil {
		return f, err
	}
	f.Offset, err = queryInt(r, "offset")
	return f, err
}

// scope limits a filter to what the caller may read: a liaison sees the
// registered tasks of their units, leaders registered tasks, the office
// everything including drafts under review.
func scope(p authz.Principal, f *store.TaskFilter) {
	units, _ := authz.ScopeUnits(p)
	f.Scoped, f.ScopeUnits = units != nil, units
	f.Registered = p.Role != authz.Office
}

// taskList lists tasks; a liaison sees only their units' tasks.
func (h *Handler) taskList(w http.ResponseWriter, r *http.Request) {
	c, err := allowed(r, authz.TaskRead)
	if err != nil {
		fail(w, r, err)
		return
	}
	f, err := h.taskFilter(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	scope(c.Principal(), &f)
	tasks, total, err := h.Store.FindTasks(r.Context(), f)
	if err != nil {
		fail(w, r, err)
		return
	}
	items := make([]taskView, len(tasks))
	for i := range tasks {
		items[i] = h.viewTask(&tasks[i])
	}
	writeJSON(w, http.StatusOK, list[taskView]{Items: items, Total: total})
}

// taskGet returns one task the caller may read, with its progress, 销号
// applications, history and report obligations.
func (h *Handler) taskGet(w http.ResponseWriter, r *http.Request) {
	_, id, ok := begin(w, r, authz.TaskRead)
	if !ok {
		return
	}
	t, err := h.readableTask(r, id)
	if err != nil {
		fail(w, r, err)
		return
	}
	detail, err := h.taskDetail(r, t)
	reply(w, r, http.StatusOK, detail, err)
}

// readableTask loads a task the caller may read: their unit's, and not a
// draft unless they are the office.
func (h *Handler) readableTask(r *http.Request, id int64) (*store.Task, error) {
	t, err := h.Store.FindTaskByID(r.Context(), id)
	if err != nil {
		return nil, err
	}
	c, err := require(r, authz.TaskRead, authz.Resource{Units: t.UnitIDs})
	if err != nil {
		return nil, err
	}
	if t.Status == string(ledger.Draft) && c.Principal().Role != authz.Office {
		return nil, store.ErrNotFound
	}
	return t, nil
}

func (h *Handler) today() time.Time {
	y, m, d := h.Now().In(shanghai).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
