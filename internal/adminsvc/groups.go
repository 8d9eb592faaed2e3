package adminsvc

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/signin"
)

// maxNoteLen bounds a group's note, in characters.
const maxNoteLen = 500

// UnitGroups lists the unit groups (县市区, 市直部门 …) by the pinyin of
// their names, for anyone who may read the registry.
func (s *Service) UnitGroups(ctx context.Context, p authz.Principal) ([]records.Group, error) {
	if err := may(p, authz.UnitRead); err != nil {
		return nil, err
	}
	gs, err := s.Store.FindUnitGroups(ctx)
	if err != nil {
		return nil, fmt.Errorf("adminsvc: unit groups: %w", err)
	}
	return gs, nil
}

// UnitGroup is one unit group.
func (s *Service) UnitGroup(ctx context.Context, p authz.Principal, id int64) (*records.Group, error) {
	if err := may(p, authz.UnitRead); err != nil {
		return nil, err
	}
	g, err := s.Store.FindUnitGroupByID(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("adminsvc: unit group %d: %w", id, err)
	}
	return g, nil
}

// CreateUnitGroup makes a unit group of registered units, for whoever
// keeps the registry. A unit may be a member of several groups.
func (s *Service) CreateUnitGroup(ctx context.Context, p authz.Principal, actor audit.Actor, in records.GroupInput) (*records.Group, error) {
	if err := may(p, authz.UnitWrite); err != nil {
		return nil, err
	}
	if err := checkGroup(&in); err != nil {
		return nil, err
	}
	g, err := s.Store.CreateUnitGroup(ctx, actor, in)
	if err != nil {
		return nil, groupRefusal("create unit group", err)
	}
	return g, nil
}

// UpdateUnitGroup renames a unit group and sets its members to in's.
func (s *Service) UpdateUnitGroup(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, in records.GroupInput) (*records.Group, error) {
	if err := may(p, authz.UnitWrite); err != nil {
		return nil, err
	}
	if err := checkGroup(&in); err != nil {
		return nil, err
	}
	if _, err := s.Store.FindUnitGroupByID(ctx, id); err != nil {
		return nil, fmt.Errorf("adminsvc: unit group %d: %w", id, err)
	}
	g, err := s.Store.UpdateUnitGroup(ctx, actor, id, in)
	if err != nil {
		return nil, groupRefusal(fmt.Sprintf("update unit group %d", id), err)
	}
	return g, nil
}

// DeleteUnitGroup removes a unit group; its units stay as they are.
func (s *Service) DeleteUnitGroup(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) error {
	if err := may(p, authz.UnitWrite); err != nil {
		return err
	}
	if err := s.Store.DeleteUnitGroup(ctx, actor, id); err != nil {
		return fmt.Errorf("adminsvc: delete unit group %d: %w", id, err)
	}
	return nil
}

func checkGroup(in *records.GroupInput) error {
	problems := map[string]string{}
	in.Name, in.Note = strings.TrimSpace(in.Name), strings.TrimSpace(in.Note)
	switch {
	case in.Name == "":
		problems["name"] = "error.required"
	case utf8.RuneCountInString(in.Name) > signin.MaxNameLen:
		problems["name"] = "error.too_long"
	}
	if utf8.RuneCountInString(in.Note) > maxNoteLen {
		problems["note"] = "error.too_long"
	}
	if in.Members == nil {
		in.Members = []int64{}
	}
	if len(problems) > 0 {
		return &fault.Error{Code: fault.Invalid, Fields: problems}
	}
	return nil
}

// groupRefusal names the field a refused group is about: a taken name, a
// member that is not a registered unit.
func groupRefusal(doing string, err error) error {
	switch {
	case errors.Is(err, fault.ErrConflict):
		return &fault.Error{Code: fault.Conflict, Fields: map[string]string{"name": "error.group_name_taken"}, Err: err}
	case errors.Is(err, fault.ErrNotFound):
		return &fault.Error{Code: fault.Invalid, Fields: map[string]string{"members": "error.unit_not_found"}, Err: err}
	}
	return fmt.Errorf("adminsvc: %s: %w", doing, err)
}
