package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/workday"
)

// auditPageSize is how many entries one page of the viewer shows.
const auditPageSize = 50

// AuditFilterForm is the filter form as typed, with its errors.
type AuditFilterForm struct {
	From   string // yyyy-mm-dd, a day in Asia/Shanghai
	To     string // yyyy-mm-dd, inclusive
	Actor  string
	Action string
	Object string
	Page   int // 1-based
	Errors FieldErrors
}

// readAuditFilter reads the viewer's query. A malformed date is reported
// and left out of the filter rather than failing the whole page.
func readAuditFilter(q url.Values) (AuditFilterForm, AuditFilter) {
	form := AuditFilterForm{
		From:   strings.TrimSpace(q.Get("from")),
		To:     strings.TrimSpace(q.Get("to")),
		Actor:  strings.TrimSpace(q.Get("actor")),
		Action: strings.TrimSpace(q.Get("action")),
		Object: strings.TrimSpace(q.Get("object")),
		Page:   1,
		Errors: FieldErrors{},
	}
	if p, err := strconv.Atoi(q.Get("page")); err == nil && p > 1 {
		form.Page = p
	}
	f := AuditFilter{Actor: form.Actor, Action: form.Action, Object: form.Object,
		Limit: auditPageSize, Offset: (form.Page - 1) * auditPageSize}
	if form.From != "" {
		if d, err := time.ParseInLocation("2006-01-02", form.From, workday.Zone); err == nil {
			f.From = d.UTC()
		} else {
			form.Errors.add("from", "error.date_invalid")
		}
	}
	if form.To != "" {
		if d, err := time.ParseInLocation("2006-01-02", form.To, workday.Zone); err == nil {
			// The form's "to" day is inclusive; the filter's To is not.
			f.To = d.AddDate(0, 0, 1).UTC()
		} else {
			form.Errors.add("to", "error.date_invalid")
		}
	}
	return form, f
}

// query is the form as URL parameters, page set to page (0 leaves it out).
func (f AuditFilterForm) query(page int) url.Values {
	q := url.Values{}
	for k, v := range map[string]string{"from": f.From, "to": f.To, "actor": f.Actor, "action": f.Action, "object": f.Object} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if page > 1 {
		q.Set("page", strconv.Itoa(page))
	}
	return q
}

// href is path with the form's parameters.
func (f AuditFilterForm) href(path string, page int) string {
	if q := f.query(page).Encode(); q != "" {
		return path + "?" + q
	}
	return path
}
