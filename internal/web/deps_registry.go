package web

import (
	"context"
	"html/template"
)

// Registry is the unit registry's housekeeping: unit groups (县市区,
// 市直部门 …), merging a unit into another, and registering units and
// accounts in bulk from an .xlsx. Nil leaves its pages out.
type Registry interface {
	// Groups lists the unit groups with their members' names.
	Groups(ctx context.Context) ([]GroupView, error)
	// Group is one group; an error wrapping ErrNotFound when there is none.
	Group(ctx context.Context, id int64) (GroupView, error)
	CreateGroup(ctx context.Context, in GroupInput) (int64, error)
	UpdateGroup(ctx context.Context, id int64, in GroupInput) error
	DeleteGroup(ctx context.Context, id int64) error
	// Merge merges unit from into unit into and says what moved.
	Merge(ctx context.Context, from, into int64) (*MergeView, error)
	// ImportTemplate is the .xlsx to fill in for Import.
	ImportTemplate(ctx context.Context) (*Download, error)
	// Import registers the units and accounts of an uploaded .xlsx, all
	// or nothing; a file with problems is a *RulesInputError listing them
	// at their sheet, row and column.
	Import(ctx context.Context, file Upload) (*ImportView, error)
}

// GroupView is a unit group.
type GroupView struct {
	ID          int64
	Name, Note  string
	Members     []int64
	MemberNames []string // in pinyin order
}

// GroupInput is what the group form submits.
type GroupInput struct {
	Name, Note string
	Members    []int64
}

// MergeView says what a merge did: the units, and how many rows of each
// kind moved, worded for people.
type MergeView struct {
	From, Into string
	Moved      []string
}

// ImportView is what an import registered: the units' names, and the
// accounts with the one-time passwords the page shows once.
type ImportView struct {
	Units    []string
	Accounts []ImportedAccountView
	// PasswordsFile is the accounts and their passwords as an .xlsx in a
	// data: link, downloaded from this page only: nothing keeps it.
	PasswordsFile template.URL
}

// ImportedAccountView is an imported account and its one-time password.
type ImportedAccountView struct {
	Username, DisplayName, Role, Password string
}
