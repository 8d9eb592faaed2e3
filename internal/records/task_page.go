package records

// TaskPage is one page of a task list: its tasks, how many match in all,
// and the cursor that opens the next page ("" on the last).
type TaskPage struct {
	Items      []Task
	Total      int
	NextCursor string
}

// TaskListing is a page of a task list as its entries: for each task what
// moves with the date read from the task, and the rest as the entry kept
// for it (migration 0040), or the whole task where none is kept yet.
type TaskListing struct {
	Items      []ListedTask
	Total      int
	NextCursor string
}

// ListedTask is one task of a TaskListing.
type ListedTask struct {
	ID      int64
	Status  string // the workflow state
	NextDue string
	Percent *float64
	// Rev is the entry's revision the task was read at, -1 where the task
	// has no entry row; SaveTaskEntries stores an entry only at it.
	Rev int64
	// Entry is the kept entry, in the shape asked for; "" when there is
	// none, and then Task is the whole task to build it from.
	Entry string
	Task  *Task
}

// TaskEntry is an entry built for a task read at revision Rev.
type TaskEntry struct {
	ID, Rev int64
	Entry   string
}
