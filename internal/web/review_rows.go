package web

import "github.com/duban/duban/internal/plandoc"

// UnitRows is a form's unit rows as the one partial that shows them
// (review_unit_rows) needs them: the registry for the selects and, on a
// task's card, the card's ids for its 新建单位 buttons. Only a card shows
// how each name matched the registry: the add form's names are matched
// once the task exists.
type UnitRows struct {
	Rows           []ReviewUnitRow
	Registry       []UnitView
	PlanID, TaskID int64  // the card's; TaskID 0 on the add form
	Error          string // the catalogue key of what is wrong with the list
}

// Card reports whether the rows are on a task's card.
func (u UnitRows) Card() bool { return u.TaskID != 0 }

// DeadlineRows is a form's deadline rows for review_deadline_rows.
type DeadlineRows struct {
	Rows  []plandoc.Deadline
	Card  bool   // on a task's card, whose blank row says 新增一行
	Error string // the catalogue key of what is wrong with the list
}

// Cadences are the choices of a row's cadence select, in order.
func (DeadlineRows) Cadences() []string { return Cadences }

// UnitRows are the card's unit rows.
func (f ReviewTaskForm) UnitRows() UnitRows {
	return UnitRows{Rows: f.Units, Registry: f.Registry, PlanID: f.PlanID, TaskID: f.ID, Error: f.Errors["units"]}
}

// DeadlineRows are the card's deadline rows.
func (f ReviewTaskForm) DeadlineRows() DeadlineRows {
	return DeadlineRows{Rows: f.Deadlines, Card: true, Error: f.Errors["deadlines"]}
}

// AddUnitRows are the unit rows of the form that adds a task.
func (p ReviewPage) AddUnitRows() UnitRows {
	return UnitRows{Rows: p.Add.Units, Registry: p.Registry, PlanID: p.Plan.ID, Error: p.Add.Errors["units"]}
}

// AddDeadlineRows are the deadline rows of the form that adds a task.
func (p ReviewPage) AddDeadlineRows() DeadlineRows {
	return DeadlineRows{Rows: p.Add.Deadlines, Error: p.Add.Errors["deadlines"]}
}
