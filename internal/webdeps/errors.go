package webdeps

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// pageError translates a store error for the pages; field names the form
// field a conflict is about.
func pageError(err error, field, conflictKey string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fault.ErrNotFound):
		return fmt.Errorf("%w: %v", web.ErrNotFound, err)
	case errors.Is(err, ledgersvc.ErrForbidden):
		return fmt.Errorf("%w: %v", web.ErrForbidden, err)
	case errors.Is(err, records.ErrClosed), errors.Is(err, fault.ErrState):
		// Someone else moved the task on (closed it, applied for 销号)
		// between the page being shown and the form being sent.
		return &web.ValidationError{Fields: map[string]string{"": "error.task_state"}}
	case errors.Is(err, fault.ErrConflict):
		return &web.ValidationError{Fields: map[string]string{field: conflictKey}}
	case errors.Is(err, fault.ErrInvalid):
		return &web.ValidationError{Fields: map[string]string{"": "error.invalid"}}
	}
	return err
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

// intakeError translates intake's coded errors for the pages: an input's
// problems and a refusal in the plan's state become catalogue keys at
// their form fields, the others the pages' own errors.
func intakeError(err error) error {
	var bad *intakesvc.InputError
	var conflict *intakesvc.ConflictError
	var unitless *intakesvc.UnitlessError
	var doc *intakesvc.DocumentError
	switch {
	case errors.As(err, &bad):
		fields := map[string]string{}
		for _, p := range bad.Problems {
			if _, seen := fields[p.Field]; !seen {
				fields[p.Field] = p.Key
			}
		}
		return &web.ValidationError{Fields: fields}
	case errors.As(err, &conflict):
		return &web.ValidationError{Fields: map[string]string{"": conflict.Key}}
	case errors.As(err, &unitless):
		return &web.UnitlessError{Tasks: taskRefs(unitless.Tasks), Unmatched: unitless.Unmatched,
			UnmatchedTasks: taskRefs(unitless.UnmatchedTasks)}
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
