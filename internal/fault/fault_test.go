package fault

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
)

// TestIs: a bare code matches every refusal of that code, a keyed one
// only itself, through any wrapping; the status table answers each code.
func TestIs(t *testing.T) {
	closed := New(State, "error.task_closed")
	err := fmt.Errorf("store: task 3: %w", closed)
	if !errors.Is(err, ErrState) || !errors.Is(err, closed) {
		t.Errorf("%v is not the state refusal it wraps", err)
	}
	if errors.Is(err, New(State, "error.other")) || errors.Is(err, ErrNotFound) {
		t.Errorf("%v matches a refusal it is not", err)
	}
	for _, c := range []struct {
		err  error
		want int
	}{
		{Field("title", "error.required"), http.StatusUnprocessableEntity},
		{fmt.Errorf("x: %w", ErrInvalid), http.StatusBadRequest},
		{ErrNotFound, http.StatusNotFound},
		{err, http.StatusConflict},
		{ErrConflict, http.StatusConflict},
		{ErrForbidden, http.StatusForbidden},
		{ErrUnauthenticated, http.StatusUnauthorized},
		{errors.New("disk full"), http.StatusInternalServerError},
	} {
		if got := Status(c.err); got != c.want {
			t.Errorf("Status(%v) = %d, want %d", c.err, got, c.want)
		}
	}
	if e := As(err); e == nil || e.Key != "error.task_closed" || CodeOf(err) != State {
		t.Errorf("As(%v) = %v", err, e)
	}
}
