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

// TestLabelOf: a field is named by its label, with its part when it has
// one, worded by the caller's Say; a field without a label by nothing.
func TestLabelOf(t *testing.T) {
	say := func(key string, args ...any) string { return fmt.Sprint(append([]any{key}, args...)...) }
	e := &Error{Code: Invalid, Fields: map[string]string{"a": "k", "b": "k", "c": "k"},
		Labels: map[string]Label{"a": {Key: "la", Args: map[string]any{"n": 1}}, "b": {Key: "lb", Group: "gb"}}, Args: map[string]any{"y": 2, "x": 1}}
	if got := e.LabelOf(say, "a"); got != say("la", "n", 1) {
		t.Errorf("a: %q", got)
	}
	if got, want := e.LabelOf(say, "b"), say(InGroupKey, "field", "lb", "group", "gb"); got != want {
		t.Errorf("b: %q, want %q", got, want)
	}
	if got := e.LabelOf(say, "c"); got != "" {
		t.Errorf("c: %q", got)
	}
	if got := fmt.Sprint(e.Pairs()); got != "[x 1 y 2]" {
		t.Errorf("Pairs() = %s", got)
	}
}

// TestProblems: the first problem at a field stands, placeholders are
// kept, and no problem is no refusal.
func TestProblems(t *testing.T) {
	var p Problems
	if p.Err() != nil {
		t.Fatal("no problem refused")
	}
	p.At("phone", "error.phone", "value", "12")
	p.At("phone", "error.required")
	p.At("name", "error.required")
	e := As(p.Err())
	if e == nil || e.Code != Invalid || e.Fields["phone"] != "error.phone" || e.Fields["name"] != "error.required" || e.Args["value"] != "12" {
		t.Errorf("problems %+v", e)
	}
	if e := As(InvalidAt("day", "error.date", "value", "x")); e == nil || e.Fields["day"] != "error.date" || Status(e) != 422 {
		t.Errorf("one problem %+v", e)
	}
}
