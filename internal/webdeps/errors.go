package webdeps

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// pageError translates a service's error for the pages, the one table
// for every capability: a refusal's fields become catalogue keys at the
// form's fields, its key the form's message, and its code the page's
// answer (404, 403, sign-in). field names the form field a conflict
// without a key of its own is about.
func pageError(err error, field, conflictKey string) error {
	if err == nil {
		return nil
	}
	e := fault.As(err)
	if e == nil {
		return err
	}
	switch {
	case e.Code == fault.NotFound:
		return fmt.Errorf("%w: %v", web.ErrNotFound, err)
	case e.Code == fault.Forbidden && len(e.Fields) == 0:
		// A refusal that names its field (a unit outside a scoped
		// office's scope, 分级督查) is the form's, shown at the field.
		return fmt.Errorf("%w: %v", web.ErrForbidden, err)
	case e.Code == fault.Unauthenticated:
		return fmt.Errorf("%w: %v", web.ErrSignedOut, err)
	case len(e.Fields) > 0:
		fields := make(map[string]string, len(e.Fields)+1)
		maps.Copy(fields, e.Fields)
		if e.Key != "" {
			if _, set := fields[""]; !set {
				fields[""] = e.Key
			}
		}
		return &web.ValidationError{Fields: fields}
	case errors.Is(err, records.ErrClosed) || (e.Code == fault.State && e.Key == ""):
		// Someone else moved the task on (closed it, applied for 销号)
		// between the page being shown and the form being sent.
		return &web.ValidationError{Fields: map[string]string{"": "error.task_state"}}
	case e.Key != "":
		return &web.ValidationError{Fields: map[string]string{"": e.Key}}
	case e.Code == fault.Conflict:
		return &web.ValidationError{Fields: map[string]string{field: conflictKey}}
	}
	return &web.ValidationError{Fields: map[string]string{"": "error.invalid"}}
}

// listError translates a service's error for the pages that list an
// input's problems above the form (the scheme, records and rules forms,
// *web.RulesInputError): the refusal's key first, then each field's
// problem under the field's label ("配合单位系数（重点攻坚考绩）：应在 0–1
// 之间"), worded with the refusal's arguments in the reader's language,
// in the form's order (order lists its fields; others follow by name).
// Every other error as pageError answers it.
func listError(ctx context.Context, err error, order ...string) error {
	e := fault.As(err)
	if e == nil || e.Code != fault.Invalid || (len(e.Fields) == 0 && e.Key == "") {
		return pageError(err, "", "")
	}
	loc := i18n.FromContext(ctx)
	args := e.Pairs()
	var out []string
	if e.Key != "" {
		out = append(out, loc.T(e.Key, args...))
	}
	at := func(f string) int {
		if i := slices.Index(order, f); i >= 0 {
			return i
		}
		return len(order)
	}
	fields := slices.SortedFunc(maps.Keys(e.Fields), func(a, b string) int { return cmp.Or(cmp.Compare(at(a), at(b)), cmp.Compare(a, b)) })
	for _, f := range fields {
		msg := loc.T(e.Fields[f], args...)
		if label := e.LabelOf(loc.T, f); label != "" {
			msg = loc.T("field.problem_at", "field", label, "problem", msg)
		}
		out = append(out, msg)
	}
	return &web.RulesInputError{Problems: out}
}

// acting returns the signed-in user of ctx as a principal and an audit
// actor, and checks that they may do action.
func (d *Deps) acting(ctx context.Context, action authz.Action) (authz.Principal, audit.Actor, error) {
	p, actor, err := d.caller(ctx)
	if err != nil {
		return p, actor, err
	}
	if !authz.Allowed(p, action) {
		return p, audit.Actor{}, web.ErrForbidden
	}
	return p, actor, nil
}

// caller returns the signed-in user of ctx as a principal and an audit
// actor, for a service that checks what they may do itself.
func (d *Deps) caller(ctx context.Context) (authz.Principal, audit.Actor, error) {
	cu, ok := web.CurrentUserFrom(ctx)
	if !ok {
		return authz.Principal{}, audit.Actor{}, web.ErrSignedOut
	}
	p, err := d.Signin.Principal(ctx, cu.ID)
	if err != nil {
		return authz.Principal{}, audit.Actor{}, web.ErrSignedOut
	}
	return p, audit.Actor{ID: p.UserID, Username: p.Username, IP: httpauth.IPFrom(ctx)}, nil
}

// intakeError translates intake's errors for the pages: tasks nobody
// would be told to do and an unreadable document are the pages' own
// errors; the rest (problems at fields, a refusal in the plan's state…)
// every service's refusal (pageError).
func intakeError(err error) error {
	var unitless *intakesvc.UnitlessError
	var doc *intakesvc.DocumentError
	var personal *intakesvc.PersonalDataError
	switch {
	case errors.As(err, &unitless):
		return &web.UnitlessError{Tasks: taskRefs(unitless.Tasks), Unmatched: unitless.Unmatched,
			UnmatchedTasks: taskRefs(unitless.UnmatchedTasks)}
	case errors.As(err, &personal):
		e := &web.PersonalDataError{}
		for _, t := range personal.Tasks {
			row := web.PersonalTask{TaskRef: taskRefs([]intakesvc.TaskRef{t.TaskRef})[0]}
			for _, k := range t.Kinds {
				row.Kinds = append(row.Kinds, "pii.kind."+string(k))
			}
			e.Tasks = append(e.Tasks, row)
		}
		return e
	case errors.As(err, &doc) && doc.Key != "":
		// The parser failed on the document: the page says so in the
		// catalogue's words; what failed is for the log.
		slog.Error("webdeps: plan parser failed", "file", doc.Name, "err", doc.Err)
		return &web.ValidationError{Fields: map[string]string{"file": doc.Key}}
	case errors.As(err, &doc):
		return &web.DocumentError{Message: doc.Error()}
	}
	return pageError(err, "", "")
}

// taskRefs names tasks for the pages, their paths written as the review
// page writes them (labels joined by ".").
func taskRefs(in []intakesvc.TaskRef) []web.TaskRef {
	out := make([]web.TaskRef, len(in))
	for i, t := range in {
		out[i] = web.TaskRef{ID: t.ID, Path: strings.Join(t.Path, "."), Title: t.Title}
	}
	return out
}
