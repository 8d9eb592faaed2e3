package api

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/intakesvc"
)

// intakeFail answers intake's errors in the caller's language: a
// document that could not be read as a problem at "file", a draft with
// tasks nobody would be told to do as 409 naming them, a plan to publish
// whose tasks hold personal data as 409 naming them, and the rest
// (problems at fields, a refusal in the plan's state, 403, 404…) as every
// service's refusal (fail).
func intakeFail(w http.ResponseWriter, r *http.Request, err error) {
	l, _ := i18n.FromRequest(r)
	var unitless *intakesvc.UnitlessError
	var doc *intakesvc.DocumentError
	var personal *intakesvc.PersonalDataError
	switch {
	case errors.As(err, &doc):
		msg := strings.TrimPrefix(doc.Error(), doc.Name+": ")
		if doc.Key != "" {
			slog.Error("api: plan parser failed", "file", doc.Name, "err", doc.Err)
			msg = l.T(doc.Key)
		}
		writeProblems(w, l.T("plans.error.unreadable"), []problem{{Field: "file", Label: l.T("plans.field.file"), Message: msg}})
	case errors.As(err, &unitless):
		writeJSON(w, http.StatusConflict, map[string]any{"error": map[string]string{"code": "unitless", "message": unitlessMessage(l, unitless)},
			"tasks": nonNilRefs(unitless.Tasks), "unmatched": unitless.Unmatched, "unmatched_tasks": nonNilRefs(unitless.UnmatchedTasks)})
	case errors.As(err, &personal):
		writeJSON(w, http.StatusConflict, map[string]any{"error": map[string]string{"code": "personal_data",
			"message": l.T("plans.error.publish_personal_data", "n", strconv.Itoa(len(personal.Tasks)))}, "tasks": personal.Tasks})
	default:
		fail(w, r, err)
	}
}

// unitlessMessage says why a confirmation is asked for: the tasks
// without a unit, named, and the unit names not in the registry.
func unitlessMessage(l i18n.Localizer, e *intakesvc.UnitlessError) string {
	var parts []string
	if len(e.Tasks) > 0 {
		names := make([]string, len(e.Tasks))
		for i, t := range e.Tasks {
			names[i] = t.Name()
		}
		parts = append(parts, l.T("plans.error.unitless", "n", strconv.Itoa(len(e.Tasks)), "tasks", strings.Join(names, "；")))
	}
	if e.Unmatched > 0 {
		parts = append(parts, l.T("plans.error.unmatched", "n", strconv.Itoa(e.Unmatched), "tasks", strconv.Itoa(len(e.UnmatchedTasks))))
	}
	return strings.Join(parts, " ")
}

func nonNilRefs(refs []intakesvc.TaskRef) []intakesvc.TaskRef {
	if refs == nil {
		return []intakesvc.TaskRef{}
	}
	return refs
}

// pathInt reads a positive integer path value.
func pathInt(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		l, _ := i18n.FromRequest(r)
		return 0, errBadRequestf(l.T("api.error.path_int", "name", name))
	}
	return id, nil
}
