package scheduler

import (
	"context"
	"slices"
	"time"

	"github.com/duban/duban/internal/records"
)

// walk is where the scheduler's last look at the ledger left off. A tick
// looks at every task once a day — the first tick of a day, when rules
// fire on dates that have now come — and otherwise only at the tasks the
// audit log says changed since its last tick (a report, a 销号, a plan's
// rules, a notice answered): what the rules call for on a task changes
// only with the task, its history, the rules, the calendar or the day.
// The calendar, a unit or the office's default rules changing sends the
// next tick round the whole ledger again. One Scheduler ticks one tick
// at a time (Run); two instances have a Scheduler each.
type walk struct {
	day  time.Time // the day of the last whole walk; zero before the first
	head int64     // the audit entry the last tick read up to
}

// recordDue records the events due by today: for every task on the
// first tick of a day (or after a change that may reach any task), for
// the tasks changed since the last tick otherwise. It says how many
// tasks it looked at.
func (s *Scheduler) recordDue(ctx context.Context, today time.Time, st standing, res *Result) error {
	var ids []int64
	whole := s.walked.day.IsZero() || !s.walked.day.Equal(today)
	head := s.walked.head
	if whole {
		// Read the head before walking: whatever is written during the
		// walk is looked at again by the next tick.
		seq, err := s.Store.AuditSeq(ctx)
		if err != nil {
			return err
		}
		head = seq
	} else {
		touched, err := s.Store.FindTouchedTasks(ctx, s.walked.head)
		if err != nil {
			return err
		}
		head, whole, ids = touched.Head, touched.Every, touched.Tasks
	}
	page := func(tasks []records.Task) error {
		res.Checked += len(tasks)
		n, err := s.recordPage(ctx, tasks, today, st)
		res.Recorded += n
		return err
	}
	if whole {
		if err := s.eachPage(ctx, page); err != nil {
			return err
		}
		s.walked.day, s.walked.head = today, head
		return nil
	}
	slices.Sort(ids)
	for chunk := range slices.Chunk(ids, 500) {
		tasks, err := s.Store.FindRegisteredTasks(ctx, chunk)
		if err != nil {
			return err
		}
		if err := page(tasks); err != nil {
			return err
		}
	}
	s.walked.head = head
	return nil
}
