package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// taskPageSize is how many tasks one page of the list shows.
const taskPageSize = 50

// Ledger statuses and lights, in the order the filter selects show them;
// their labels are "ledger.status.<code>" and "ledger.light.<code>".
var (
	LedgerStatuses = []string{"not_started", "in_progress", "due_soon", "overdue", "pending", "closed", "revoked"}
	LedgerLights   = []string{"red", "yellow", "green", "blue"}
	TaskSorts      = []string{"plan", "due", "report"}
	// TaskSources are where tasks come from (records.Sources); their
	// labels are "source.<code>".
	TaskSources = []string{"plan", "instruction", "meeting", "assignment", "inspection", "other"}
)

// TaskFilterForm is the task list's filter as typed.
type TaskFilterForm struct {
	Plan, Unit    int64
	Status, Light string
	Source        string
	From, To      string // yyyy-mm-dd
	Q             string
	Sort          string
	Page          int // 1-based
	// Cursor is the list's place after the previous page: the next link
	// carries it, so that a page deep in the list is found through the
	// index instead of by skipping (Page-1)*50 rows.
	Cursor string
	Errors FieldErrors
}

// readTaskFilter reads the list's query. Unknown codes are dropped and a
// malformed date is reported, rather than failing the page.
func readTaskFilter(q url.Values) (TaskFilterForm, TaskFilter) {
	form := TaskFilterForm{Status: q.Get("status"), Light: q.Get("light"), From: strings.TrimSpace(q.Get("due_from")),
		To: strings.TrimSpace(q.Get("due_to")), Q: strings.TrimSpace(q.Get("q")), Sort: q.Get("sort"), Page: 1, Errors: FieldErrors{}}
	form.Plan, _ = strconv.ParseInt(q.Get("plan"), 10, 64)
	form.Unit, _ = strconv.ParseInt(q.Get("unit"), 10, 64)
	form.Plan, form.Unit = max(form.Plan, 0), max(form.Unit, 0)
	if !oneOf(LedgerStatuses, form.Status) {
		form.Status = ""
	}
	if !oneOf(LedgerLights, form.Light) {
		form.Light = ""
	}
	if form.Source = q.Get("source"); !oneOf(TaskSources, form.Source) {
		form.Source = ""
	}
	if !oneOf(TaskSorts, form.Sort) {
		form.Sort = ""
	}
	if p, err := strconv.Atoi(q.Get("page")); err == nil && p > 1 {
		form.Page = p
	}
	f := TaskFilter{PlanID: form.Plan, UnitID: form.Unit, Status: form.Status, Light: form.Light, Source: form.Source, Q: form.Q, Sort: form.Sort,
		Limit: taskPageSize, Offset: (form.Page - 1) * taskPageSize}
	if form.Cursor = q.Get("cursor"); form.Cursor != "" && form.Page > 1 {
		f.Cursor, f.Offset = form.Cursor, 0
	}
	for name, v := range map[string]struct {
		s   string
		dst *time.Time
	}{"due_from": {form.From, &f.DueFrom}, "due_to": {form.To, &f.DueTo}} {
		if v.s == "" {
			continue
		}
		d, err := time.Parse("2006-01-02", v.s)
		if err != nil {
			form.Errors.add(name, "error.date_invalid")
			continue
		}
		*v.dst = d
	}
	return form, f
}

func oneOf(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return s == ""
}

// query is the filter as URL parameters, page set to page (0 leaves it out).
func (f TaskFilterForm) query(page int) url.Values {
	q := url.Values{}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	if f.Plan != 0 {
		q.Set("plan", strconv.FormatInt(f.Plan, 10))
	}
	if f.Unit != 0 {
		q.Set("unit", strconv.FormatInt(f.Unit, 10))
	}
	set("status", f.Status)
	set("light", f.Light)
	set("source", f.Source)
	set("due_from", f.From)
	set("due_to", f.To)
	set("q", f.Q)
	set("sort", f.Sort)
	if page > 1 {
		q.Set("page", strconv.Itoa(page))
		set("cursor", f.Cursor)
	}
	return q
}

// href is path with the filter's parameters.
func (f TaskFilterForm) href(path string, page int) string {
	if q := f.query(page).Encode(); q != "" {
		return path + "?" + q
	}
	return path
}

// Any reports whether any filter is set, for the clear link.
func (f TaskFilterForm) Any() bool {
	return f.Plan != 0 || f.Unit != 0 || f.Status != "" || f.Light != "" || f.Source != "" || f.From != "" || f.To != "" || f.Q != ""
}
