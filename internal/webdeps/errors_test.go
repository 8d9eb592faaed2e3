package webdeps

import (
	"errors"
	"fmt"
	"testing"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// TestPageError: every service's refusal becomes the pages' answer from
// one table: fields as form fields, a key as the form's message, the
// codes as 404, 403 and sign-in.
func TestPageError(t *testing.T) {
	for _, c := range []struct {
		err    error
		fields map[string]string // the form's errors expected, or nil
		is     error             // else the page error expected
	}{
		{fault.Field("text", "error.text_too_long"), map[string]string{"text": "error.text_too_long"}, nil},
		{fault.Wrap(fault.Conflict, "error.answered", fault.ErrConflict), map[string]string{"": "error.answered"}, nil},
		{fmt.Errorf("store: %w", records.ErrClosed), map[string]string{"": "error.task_state"}, nil},
		{fault.ErrState, map[string]string{"": "error.task_state"}, nil},
		{fault.ErrConflict, map[string]string{"name": "error.name_taken"}, nil},
		{fault.ErrInvalid, map[string]string{"": "error.invalid"}, nil},
		{fmt.Errorf("x: %w", fault.ErrNotFound), nil, web.ErrNotFound},
		{fault.ErrForbidden, nil, web.ErrForbidden},
		{fault.ErrUnauthenticated, nil, web.ErrSignedOut},
	} {
		got := pageError(c.err, "name", "error.name_taken")
		var ve *web.ValidationError
		switch {
		case c.fields != nil:
			if !errors.As(got, &ve) || fmt.Sprint(ve.Fields) != fmt.Sprint(c.fields) {
				t.Errorf("%v: %v, want the form's %v", c.err, got, c.fields)
			}
		case !errors.Is(got, c.is):
			t.Errorf("%v: %v, want %v", c.err, got, c.is)
		}
	}
	if err := errors.New("disk full"); pageError(err, "", "") != err {
		t.Error("an internal error is not passed on as it is")
	}
}
