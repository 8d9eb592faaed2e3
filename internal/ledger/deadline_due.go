package ledger

// DueDeadline is the date of the deadline a change of deadline moves (an
// approved extension, the office's 调整): the task's next due date when a
// deadline of the task falls on it, else its final due date (the next due
// date is then a milestone's, which the change leaves alone). Dates are
// ISO; "" when the task has none.
func DueDeadline(next, final string, deadlines []string) string {
	for _, d := range deadlines {
		if next != "" && d == next {
			return next
		}
	}
	return final
}
