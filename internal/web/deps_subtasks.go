package web

import (
	"context"

	"github.com/duban/duban/internal/records"

	"github.com/duban/duban/internal/subtasksvc"
)

// Subtasks are 任务分解 and 落实计划 on a task's page: the sub-tasks with
// the roll-up, the form to split the task, and a unit's 落实计划 read
// into rows to review and confirm. A refusal is a *ValidationError with
// keys at "subtasks.{row}.{field}" (rows as sent, from 1), or a
// *DocumentError for a file that could not be read.
type Subtasks interface {
	Breakdown(ctx context.Context, taskID int64) (*subtasksvc.Breakdown, error)
	Split(ctx context.Context, taskID int64, rows []SubtaskRow) error
	ReadWorkPlan(ctx context.Context, taskID int64, name string, data []byte) (*subtasksvc.Proposal, error)
	ConfirmWorkPlan(ctx context.Context, taskID int64, file, sha256 string, rows []SubtaskRow) error
	// PassDown passes the task down to the members of its catch-all
	// units' groups (分解下达) and says how many sub-tasks it made.
	PassDown(ctx context.Context, taskID int64) (int, error)
}

// SubtaskRow is one row of the split form or of a 落实计划's review, as
// typed: Unit is a unit's id, Weight a number ("" is 1).
type SubtaskRow struct {
	N                              int // the row's number on the form, from 1
	Title, Text, Unit, Due, Weight string
	// Of a 落实计划's row: kept (not dropped), its place in the document,
	// its numbering there, the unit the document named that is not the
	// task's, and what was chosen for it (catalogue keys).
	Keep      bool
	Item      int
	Path      string
	UnitNamed string
	Notes     []string
}

// blank reports whether a row of the split form was left empty.
func (r SubtaskRow) blank() bool {
	return r.Title == "" && r.Text == "" && r.Unit == "" && r.Due == "" && r.Weight == ""
}

// SplitForm is the split form (分解任务) or a 落实计划's review, as typed,
// with its errors at "subtasks.{N}.{field}".
type SplitForm struct {
	Rows   []SubtaskRow
	Errors FieldErrors
}

// Err is the error key of row n's field, or "".
func (f SplitForm) Err(n int, field string) string {
	return f.Errors["subtasks."+itoa(int64(n))+"."+field]
}

// subtaskRowView is what the subtask_row template needs of one row: the
// form (for its errors), the row, the units to choose from, and whether
// it is a 落实计划's review (a keep box and the document's numbering).
type subtaskRowView struct {
	Form   SplitForm
	Row    SubtaskRow
	Units  []records.Unit
	Review bool
}

func subtaskRow(f SplitForm, r SubtaskRow, units []records.Unit, review bool) subtaskRowView {
	return subtaskRowView{Form: f, Row: r, Units: units, Review: review}
}
