package records

// TaskPage is one page of a task list: its tasks, how many match in all,
// and the cursor that opens the next page ("" on the last).
type TaskPage struct {
	Items      []Task
	Total      int
	NextCursor string
}
