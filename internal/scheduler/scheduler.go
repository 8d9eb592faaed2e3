// Package scheduler runs supervision inside `duban serve`: on every tick
// it asks package supervise what the rules call for by today, records
// each event once (the store skips keys already recorded, by this or any
// other instance), queues its notifications, and delivers the queued ones
// through package notify — catching up after downtime without duplicates.
package scheduler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/notify"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/supervisionsvc"
	"github.com/duban/duban/internal/workday"
)

// Scheduler holds what a tick needs.
type Scheduler struct {
	Store *store.DB
	// Calendar is the working-day calendar in force; when it can be
	// changed at run time (calendarsvc) each tick first reloads it if
	// another instance changed it.
	Calendar workday.Source
	// Rules are the built-in rules; the office's stored default and each
	// plan's own rules (store.SupervisionRules) override them.
	Rules supervise.Rules
	// Channels deliver notifications beyond the in-app inbox, by name
	// (webhook, dingtalk, wecom, email); each has its own limiter.
	Channels map[string]notify.Channel
	Limiters map[string]*notify.Limiter
	BaseURL  string // for links in messages
	Now      func() time.Time
	Log      *slog.Logger
	// Alerts are time-critical messages beyond the ledger's steps (a
	// major incident's 5-hour clock); each tick queues the new ones.
	Alerts []AlertSource
	// Observe, when set, hears of every tick Run makes: how long it
	// took, what it did, and its error (for /metrics).
	Observe func(took time.Duration, res Result, err error)

	walked walk // where the last tick's look at the ledger left off
}

// Alert is a message that must go out once, now: to the unit's inbox and
// mail, and to the group channels. Path is the page it links to. A source
// that words it as messages of the catalogue (Message: the title's, then
// a line of the text each) has it shown in the reader's language in the
// inbox and sent in zh-CN; Title and Text are then written from it.
type Alert struct {
	Key         string
	Entity      string // what the audit entry names: incident
	ID          int64
	UnitID      int64
	Title, Text string
	Message     []i18n.Message
	Path        string
}

// AlertSource says which alerts are due now.
type AlertSource func(ctx context.Context) ([]Alert, error)

// Result says what one tick did. Checked is how many tasks it looked
// at: every registered task on the day's first tick, the changed ones
// after.
type Result struct {
	Recorded, Sent, Retried, Dead int
	Checked                       int
}

// refresher is a calendar that another instance may have changed.
type refresher interface {
	Refresh(ctx context.Context) error
}

// Tick records the supervision events due by today and delivers what is
// queued.
func (s *Scheduler) Tick(ctx context.Context) (Result, error) {
	var res Result
	if r, ok := s.Calendar.(refresher); ok {
		if err := r.Refresh(ctx); err != nil {
			return res, err
		}
	}
	today := workday.DateOf(s.Now().In(workday.Zone))
	st, err := s.load(ctx)
	if err != nil {
		return res, err
	}
	if err := s.recordDue(ctx, today, st, &res); err != nil {
		return res, err
	}
	n, err := s.recordProposals(ctx, today, st)
	res.Recorded += n
	if err != nil {
		return res, err
	}
	n, err = s.queueAlerts(ctx, st)
	res.Recorded += n
	if err != nil {
		return res, err
	}
	for name, ch := range s.Channels {
		if err := s.deliver(ctx, name, ch, &res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// standing is what a tick reads once: the rules in force and where each
// unit's mail goes.
type standing struct {
	book   supervise.Book
	emails map[int64]string // unit → addresses, for units that have them
}

func (s *Scheduler) load(ctx context.Context) (standing, error) {
	book, _, err := s.Store.SupervisionRules(ctx, s.Rules)
	if err != nil {
		return standing{}, err
	}
	st := standing{book: book, emails: map[int64]string{}}
	if _, ok := s.Channels["email"]; !ok {
		return st, nil
	}
	units, err := s.Store.FindUnits(ctx)
	if err != nil {
		return standing{}, err
	}
	for _, u := range units {
		if u.Email != "" {
			st.emails[u.ID] = u.Email
		}
	}
	return st, nil
}

// recordPage records the events due for one page of tasks.
func (s *Scheduler) recordPage(ctx context.Context, tasks []records.Task, today time.Time, st standing) (int, error) {
	due, err := s.duePage(ctx, tasks, today, st.book)
	if err != nil || len(due) == 0 {
		return 0, err
	}
	byID := map[int64]*records.Task{}
	for i := range tasks {
		byID[tasks[i].ID] = &tasks[i]
	}
	recorded, err := s.Store.RecordSupervision(ctx, due, func(e supervise.Event) []records.Notification {
		return s.notifications(e, byID[e.TaskID], st.emails)
	})
	return len(recorded), err
}

// duePage is what the rules of each task's plan call for by today and is
// not yet recorded, for one page of tasks.
func (s *Scheduler) duePage(ctx context.Context, tasks []records.Task, today time.Time, book supervise.Book) ([]supervise.Event, error) {
	ids := make([]int64, len(tasks))
	for i := range tasks {
		ids[i] = tasks[i].ID
	}
	history, err := s.Store.SupervisionHistory(ctx, ids)
	if err != nil {
		return nil, err
	}
	var due []supervise.Event
	for i := range tasks {
		t := &tasks[i]
		st, err := s.superviseTask(ctx, t)
		if err != nil {
			return nil, err
		}
		events, err := supervise.Due(book.For(t.PlanID), s.Calendar.Current(), st, history[t.ID], today)
		if err != nil {
			s.Log.Warn("supervise", "task", t.ID, "err", err)
			continue
		}
		if !supervisionsvc.Addressable(t) {
			events = withoutNotices(events)
		}
		due = append(due, events...)
	}
	return due, nil
}

// withoutNotices drops the 督办单 (a first level or a higher one) from
// the events of a task with no responsible unit: such a notice would be
// addressed to nobody, as supervisionsvc refuses to issue one by hand.
// Reminders and 催办 still go to the channels configured.
func withoutNotices(events []supervise.Event) []supervise.Event {
	return slices.DeleteFunc(events, func(e supervise.Event) bool {
		return e.Kind == supervise.KindNotice || e.Kind == supervise.KindEscalate
	})
}

// DryRun returns what a tick on today would record, recording nothing,
// with the titles of the tasks concerned: `duban supervise --dry-run`.
func (s *Scheduler) DryRun(ctx context.Context, today time.Time) ([]supervise.Event, map[int64]string, error) {
	book, _, err := s.Store.SupervisionRules(ctx, s.Rules)
	if err != nil {
		return nil, nil, err
	}
	var all []supervise.Event
	titles := map[int64]string{}
	err = s.eachPage(ctx, func(tasks []records.Task) error {
		due, err := s.duePage(ctx, tasks, today, book)
		for i := range tasks {
			titles[tasks[i].ID] = tasks[i].Title
		}
		all = append(all, due...)
		return err
	})
	slices.SortStableFunc(all, func(a, b supervise.Event) int { return a.On.Compare(b.On) })
	return all, titles, err
}

// eachPage calls fn with the tasks in the ledger, 500 at a time.
func (s *Scheduler) eachPage(ctx context.Context, fn func([]records.Task) error) error {
	for offset := 0; ; offset += 500 {
		tasks, total, err := s.Store.FindTasks(ctx, records.TaskFilter{Registered: true, Limit: 500, Offset: offset})
		if err != nil {
			return err
		}
		if err := fn(tasks); err != nil {
			return err
		}
		if offset+len(tasks) >= total {
			return nil
		}
	}
}

// superviseTask is a task as the rules read it, read as supervisionsvc
// reads it for a 督办单 issued by hand.
func (s *Scheduler) superviseTask(ctx context.Context, t *records.Task) (supervise.Task, error) {
	return supervisionsvc.TaskState(ctx, s.Store, t)
}

// deliver sends one channel's due notifications.
func (s *Scheduler) deliver(ctx context.Context, name string, ch notify.Channel, res *Result) error {
	now := s.Now()
	claimed, err := s.Store.ClaimNotifications(ctx, name, now, 2*time.Minute, 50)
	if err != nil {
		return err
	}
	for _, n := range claimed {
		m := notify.Message{Key: n.Key, Title: n.Title, Text: n.Text, Link: n.Link}
		if n.Recipient != "" {
			m.Recipients = strings.Split(n.Recipient, ",")
		}
		out := notify.Deliver(ctx, ch, s.Limiters[name], m,
			n.Attempts, now)
		msg := ""
		if out.Err != nil {
			msg = out.Err.Error()
		}
		switch {
		case out.Sent:
			res.Sent++
		case out.Dead:
			res.Dead++
		default:
			res.Retried++
		}
		if err := s.Store.FinishNotification(ctx, n.ID, out.Sent, out.Dead, out.Attempted, out.RetryAt, msg); err != nil {
			return errors.Join(fmt.Errorf("scheduler: notification %d went %v", n.ID, out.Sent), err)
		}
	}
	return nil
}

// Run ticks every interval until ctx ends, logging each tick's result.
// A tick's failure is logged and the next tick tries again.
func (s *Scheduler) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		start := time.Now() // the wall clock: how long the tick took, not the service clock
		res, err := s.tickOnce(ctx)
		if s.Observe != nil && ctx.Err() == nil {
			s.Observe(time.Since(start), res, err)
		}
		if err != nil && ctx.Err() == nil {
			s.Log.Error("supervision tick", "err", err)
		} else if res.Recorded+res.Sent+res.Retried+res.Dead > 0 {
			s.Log.Info("supervision tick", "recorded", res.Recorded, "sent", res.Sent, "retried", res.Retried, "dead", res.Dead)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// link is the address of p (a path from duban's root) in a message:
// BaseURL with or without its trailing slash, and with the path of a
// reverse proxy's sub-path (https://host/duban/tasks/5).
func (s *Scheduler) link(p string) string { return strings.TrimSuffix(s.BaseURL, "/") + p }
