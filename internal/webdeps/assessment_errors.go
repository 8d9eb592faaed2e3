package webdeps

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/duban/duban/internal/assesssvc"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/web"
)

// assessError translates the assessment service's refusals for the
// pages: a refused role is the forbidden page, an input's problems are
// the form's list, each the field's label and the catalogue's words; the
// rest as pageError does. (Until pageError reads fault.Error generically.)
func assessError(ctx context.Context, err error) error {
	e := fault.As(err)
	switch {
	case err == nil:
		return nil
	case e != nil && e.Code == fault.Forbidden:
		return fmt.Errorf("%w: %v", web.ErrForbidden, err)
	case e != nil && e.Code == fault.Invalid && (len(e.Fields) > 0 || e.Key != ""):
		return &web.RulesInputError{Problems: problems(i18n.FromContext(ctx), e)}
	}
	return pageError(err, "", "")
}

// problems words a refusal's problems: the whole first, then each field
// in the order the forms show them.
func problems(loc i18n.Localizer, e *fault.Error) []string {
	args := make([]any, 0, 2*len(e.Args))
	for _, k := range slices.Sorted(maps.Keys(e.Args)) {
		args = append(args, k, e.Args[k])
	}
	var out []string
	if e.Key != "" {
		out = append(out, loc.T(e.Key, args...))
	}
	fields := slices.SortedFunc(maps.Keys(e.Fields), func(a, b string) int {
		if d := fieldOrder(a) - fieldOrder(b); d != 0 {
			return d
		}
		if a < b {
			return -1
		}
		return 1
	})
	for _, f := range fields {
		msg := loc.T(e.Fields[f], args...)
		if label := fieldLabel(loc, f); label != "" {
			msg = loc.T("assess.problem.field_at", "field", label, "problem", msg)
		}
		out = append(out, msg)
	}
	return out
}

// recordFields are the record form's fields, in its order, with the
// catalogue's labels.
var recordFields = []struct{ key, label string }{
	{"unit_id", "field.unit_name"}, {"kind", "assess.record.kind"}, {"title", "assess.record.title"}, {"on", "assess.record.on"},
	{"task_ids", "assess.record.tasks"}, {"event_keys", "assess.record.notices"}, {"reason", "assess.record.revoke_reason"},
}

// fieldOrder is where a field sits on its form.
func fieldOrder(f string) int {
	switch f {
	case assesssvc.FieldName:
		return 0
	case assesssvc.FieldMinTasks:
		return 1
	}
	for i, sf := range assesssvc.SchemeFields {
		if sf.Key == f {
			return 2 + i
		}
	}
	for i, rf := range recordFields {
		if rf.key == f {
			return 100 + i
		}
	}
	return 1000
}

// fieldLabel names a field of the scheme or record form as the form does:
// a scheme's number with its part (分值（公众满意度）); "" for a field the
// forms do not have.
func fieldLabel(loc i18n.Localizer, f string) string {
	switch f {
	case assesssvc.FieldName, assesssvc.FieldMinTasks:
		return loc.T("assess.scheme.field." + f)
	}
	for _, sf := range assesssvc.SchemeFields {
		if sf.Key == f {
			return loc.T("assess.scheme.field_in_group", "field", loc.T("assess.scheme.field."+f), "group", loc.T("assess.scheme.group."+sf.Group))
		}
	}
	for _, rf := range recordFields {
		if rf.key == f {
			return loc.T(rf.label)
		}
	}
	return ""
}
