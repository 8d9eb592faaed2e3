package adminsvc

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/signin"
)

// Units lists the unit registry, ordered by the pinyin of the names, for
// anyone who may read it.
func (s *Service) Units(ctx context.Context, p authz.Principal) ([]records.Unit, error) {
	if err := may(p, authz.UnitRead); err != nil {
		return nil, err
	}
	units, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, fmt.Errorf("adminsvc: units: %w", err)
	}
	return units, nil
}

// Unit is one registered unit.
func (s *Service) Unit(ctx context.Context, p authz.Principal, id int64) (*records.Unit, error) {
	if err := may(p, authz.UnitRead); err != nil {
		return nil, err
	}
	u, err := s.Store.FindUnitByID(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("adminsvc: unit %d: %w", id, err)
	}
	return u, nil
}

// CreateUnit registers a unit; a unit of no kind is of kind "other".
func (s *Service) CreateUnit(ctx context.Context, p authz.Principal, actor audit.Actor, in records.UnitCreate) (*records.Unit, error) {
	if err := may(p, authz.UnitWrite); err != nil {
		return nil, err
	}
	if in.Kind == "" {
		in.Kind = records.UnitOther
	}
	if err := checkUnit(&in.Name, &in.Kind, &in.Aliases); err != nil {
		return nil, err
	}
	if err := s.checkParent(ctx, 0, in.ParentID); err != nil {
		return nil, err
	}
	u, err := s.Store.CreateUnit(ctx, actor, in)
	if err != nil {
		return nil, unitRefusal("create unit", err)
	}
	return u, nil
}

// UpdateUnit changes what is not nil of a unit: its name, place in the
// tree, kind, aliases, e-mail, or the unit group a catch-all unit stands
// for (分解下达: its tasks are passed down to the group's members; 0
// unlinks). The rules are CreateUnit's, applied to
// the fields given; moving a unit under itself is refused.
func (s *Service) UpdateUnit(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, up records.UnitUpdate) (*records.Unit, error) {
	if err := may(p, authz.UnitWrite); err != nil {
		return nil, err
	}
	// Copies, so that tidying them leaves the caller's values alone.
	name, kind, aliases := clone(up.Name), clone(up.Kind), clone(up.Aliases)
	if aliases != nil && name == nil {
		// An alias may not repeat the name the unit keeps.
		cur, err := s.Store.FindUnitByID(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("adminsvc: unit %d: %w", id, err)
		}
		name = &cur.Name
	}
	if err := checkUnit(name, kind, aliases); err != nil {
		return nil, err
	}
	if up.ParentID != nil {
		if err := s.checkParent(ctx, id, *up.ParentID); err != nil {
			return nil, err
		}
	}
	if g := up.MembersGroupID; g != nil && *g != 0 {
		if _, err := s.Store.FindUnitGroupByID(ctx, *g); errors.Is(err, fault.ErrNotFound) {
			return nil, fault.Field("members_group_id", "units.error.members_group_unknown")
		} else if err != nil {
			return nil, fmt.Errorf("adminsvc: unit group %d: %w", *g, err)
		}
	}
	if up.Name != nil {
		up.Name = name
	}
	up.Kind, up.Aliases = kind, aliases
	u, err := s.Store.UpdateUnit(ctx, actor, id, up)
	if err != nil {
		return nil, unitRefusal(fmt.Sprintf("update unit %d", id), err)
	}
	return u, nil
}

// checkParent refuses a parent that is not registered, or is the unit id
// itself; a parent under the unit is the store's to refuse (it walks the
// tree in the write's transaction).
func (s *Service) checkParent(ctx context.Context, id, parent int64) error {
	if parent == 0 {
		return nil
	}
	if parent == id {
		return fault.Field("parent", "error.parent_cycle")
	}
	_, err := s.Store.FindUnitByID(ctx, parent)
	if errors.Is(err, fault.ErrNotFound) {
		return fault.Field("parent", "error.unit_not_found")
	}
	if err != nil {
		return fmt.Errorf("adminsvc: parent unit %d: %w", parent, err)
	}
	return nil
}

func clone[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// checkUnit checks and tidies the fields given (not nil): a name is
// required and at most signin.MaxNameLen characters, a kind is one of
// records.UnitKinds, aliases are names too and none repeats the name.
func checkUnit(name, kind *string, aliases *[]string) error {
	problems := map[string]string{}
	if name != nil {
		*name = strings.TrimSpace(*name)
		switch {
		case *name == "":
			problems["name"] = "error.required"
		case utf8.RuneCountInString(*name) > signin.MaxNameLen:
			problems["name"] = "error.too_long"
		}
	}
	if kind != nil && !slices.Contains(records.UnitKinds, *kind) {
		problems["kind"] = "error.kind_invalid"
	}
	if aliases != nil {
		var kept []string
		for _, a := range *aliases {
			a = strings.TrimSpace(a)
			switch {
			case a == "" || slices.Contains(kept, a):
				continue
			case utf8.RuneCountInString(a) > signin.MaxNameLen:
				problems["aliases"] = "error.too_long"
			case name != nil && a == *name:
				problems["aliases"] = "error.alias_is_name"
			}
			kept = append(kept, a)
		}
		*aliases = kept
	}
	if len(problems) > 0 {
		return &fault.Error{Code: fault.Invalid, Fields: problems}
	}
	return nil
}

// unitRefusal names the field a refused unit is about: a taken name (or
// alias, which shares the names' register), a bad e-mail address.
func unitRefusal(doing string, err error) error {
	switch {
	case errors.Is(err, records.ErrBadEmail):
		return &fault.Error{Code: fault.Invalid, Fields: map[string]string{"email": "error.email_invalid"}, Err: err}
	case errors.Is(err, fault.ErrConflict):
		return &fault.Error{Code: fault.Conflict, Fields: map[string]string{"name": "error.unit_name_taken"}, Err: err}
	case errors.Is(err, fault.ErrInvalid):
		// The fields are checked before; what the store still refuses
		// is a parent under the unit itself, a loop in the tree.
		return &fault.Error{Code: fault.Invalid, Fields: map[string]string{"parent": "error.parent_cycle"}, Err: err}
	}
	return fmt.Errorf("adminsvc: %s: %w", doing, err)
}
