package api

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
)

// taskFilter reads the list filters of a request: plan, unit, source,
// status, light, due_from, due_to, q, sort, limit, offset, cursor.
func (h *Handler) taskFilter(r *http.Request) (records.TaskFilter, error) {
	q := r.URL.Query()
	f := records.TaskFilter{Q: q.Get("q"), Status: ledger.Status(q.Get("status")), Light: ledger.Light(q.Get("light")), Sort: q.Get("sort")}
	if f.Source = q.Get("source"); f.Source != "" && !records.KnownSource(f.Source) {
		return f, errInvalid("api.problem.source", "value", f.Source)
	}
	for key, dst := range map[string]*int64{"plan": &f.PlanID, "unit": &f.UnitID} {
		if v := q.Get(key); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return f, errInvalid("api.problem.id_int", "key", key)
			}
			*dst = n
		}
	}
	for key, dst := range map[string]*time.Time{"due_from": &f.DueFrom, "due_to": &f.DueTo} {
		if v := q.Get(key); v != "" {
			d, err := time.Parse("2006-01-02", v)
			if err != nil {
				return f, errInvalid("api.problem.date", "key", key)
			}
			*dst = d
		}
	}
	var err error
	if f.Limit, err = queryInt(r, "limit"); err != nil {
		return f, err
	}
	f.Offset, err = queryInt(r, "offset")
	f.Cursor = q.Get("cursor")
	return f, err
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
	// The page — {"items": [ledgersvc.Task…], "total": n, "next_cursor":
	// the cursor of the next page, absent on the last} — is written into a buffer kept from
	// an earlier answer: a page is tens of kilobytes, and one allocated
	// for each made the collector a good part of a list's cost.
	buf := pageBuffers.Get().(*[]byte)
	defer pageBuffers.Put(buf)
	b, page, err := h.Ledger.AppendPageJSON(r.Context(), append((*buf)[:0], `{"items":`...), c.Principal(), f)
	if err != nil {
		fail(w, r, err)
		return
	}
	b = strconv.AppendInt(append(b, `,"total":`...), int64(page.Total), 10)
	if page.NextCursor != "" {
		cursor, _ := json.Marshal(page.NextCursor)
		b = append(append(b, `,"next_cursor":`...), cursor...)
	}
	b = append(b, "}\n"...)
	*buf = b
	writeJSONBytes(w, http.StatusOK, b)
}

// pageBuffers keeps the buffers task list pages are written into.
var pageBuffers = sync.Pool{New: func() any { return new([]byte) }}

// taskGet returns one task the caller may read, with its progress, 销号
// applications, history and report obligations.
func (h *Handler) taskGet(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.TaskRead)
	if !ok {
		return
	}
	detail, err := h.Ledger.Detail(r.Context(), c.Principal(), id)
	reply(w, r, http.StatusOK, detail, err)
}

// workspaceGet answers with the caller's workspace: a liaison's units'
// tasks, or all registered tasks for the office and leaders.
func (h *Handler) workspaceGet(w http.ResponseWriter, r *http.Request) {
	c, err := allowed(r, authz.TaskRead)
	if err != nil {
		fail(w, r, err)
		return
	}
	ws, err := h.Ledger.Workspace(r.Context(), c.Principal())
	reply(w, r, http.StatusOK, ws, err)
}
