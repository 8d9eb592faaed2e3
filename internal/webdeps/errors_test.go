package webdeps

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
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
		{authz.CheckScope(authz.Principal{Scope: []int64{7}}, "units", []int64{1}), map[string]string{"units": authz.OutsideScopeKey}, nil},
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

// TestListError: a refusal for a form that lists its problems is worded
// in the reader's language, the whole first, then each field under its
// label (with its part) in the form's order, the refusal's arguments
// filled; every other error is pageError's.
func TestListError(t *testing.T) {
	ctx := i18n.WithLocalizer(context.Background(), i18n.New(i18n.ZhTW))
	err := &fault.Error{Code: fault.Invalid, Key: "assess.problem.all_zero",
		Fields: map[string]string{"bonus": "assess.problem.bonus_kind", "late": "assess.problem.range_0_1", "name": "error.required"},
		Labels: map[string]fault.Label{"late": {Key: "assess.scheme.field.late", Group: "assess.scheme.group.key_work"},
			"name": {Key: "assess.scheme.field.name"}},
		Args: map[string]any{"kind": "medal"}}
	var list *web.RulesInputError
	if !errors.As(listError(ctx, err, "name", "late"), &list) {
		t.Fatalf("listError(%v) is no list", err)
	}
	want := []string{"重點攻堅、日常考評與滿意度的分值不能全為 0", "名稱：此項為必填項。", "逾期完成得分比例（重點攻堅考績）：應在 0–1 之間",
		"加分項 medal 不是亮點、創新或表揚"}
	if !slices.Equal(list.Problems, want) {
		t.Errorf("listError = %q, want %q", list.Problems, want)
	}
	if err := listError(ctx, fault.ErrForbidden); !errors.Is(err, web.ErrForbidden) {
		t.Errorf("forbidden: %v", err)
	}
	if err := listError(ctx, nil); err != nil {
		t.Errorf("nil: %v", err)
	}
}
