// Package calendarsvc is the working-day calendar as an administrator keeps
// it at run time: the embedded official schedules (and the calendar folder)
// with the days stored in the database laid over them — the national layer
// (a year's schedule uploaded, a day corrected) and then the locality's
// own. A change is stored with its reason, moves every running 限期整改
// deadline that counted across the changed days, and takes effect at once
// in this process; other processes on the same database pick it up on
// their next Refresh.
package calendarsvc

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// Service is the live calendar. It is a workday.Source, and a
// ledger.Calendar for the status rules.
type Service struct {
	Store Store
	// Base is the calendar before any stored change: the embedded data
	// and the calendar folder.
	Base *workday.Calendar
	// Locality names the local layer on the pages (e.g. 广西壮族自治区);
	// empty reads 本地.
	Locality string
	// Now is the clock; today (in China) decides which deadlines still run.
	Now func() time.Time

	cur     atomic.Pointer[workday.Calendar]
	version atomic.Int64
	mu      sync.Mutex // one change at a time in this process
}

// Today is today's date in China, the day from which deadlines still run.
func (s *Service) Today() time.Time { return workday.DateOf(s.Now().In(workday.Zone)) }

// Load reads the stored days and puts the calendar they make in force.
func (s *Service) Load(ctx context.Context) error {
	v, err := s.Store.CalendarVersion(ctx)
	if err != nil {
		return err
	}
	layers, err := s.Store.CalendarDays(ctx)
	if err != nil {
		return err
	}
	s.cur.Store(build(s.Base, layers))
	s.version.Store(v)
	return nil
}

// build lays the stored layers over base: national first, local on top.
func build(base *workday.Calendar, l records.CalendarLayers) *workday.Calendar {
	days := append(append([]workday.Day{}, l.National...), l.Local...)
	if len(days) == 0 {
		return base
	}
	return base.With(days...)
}

// Refresh reloads when another process changed the calendar since the
// last load; the scheduler calls it on every tick.
func (s *Service) Refresh(ctx context.Context) error {
	v, err := s.Store.CalendarVersion(ctx)
	if err != nil {
		return err
	}
	if v == s.version.Load() && s.cur.Load() != nil {
		return nil
	}
	return s.Load(ctx)
}

// Current returns the calendar in force (Base until Load).
func (s *Service) Current() *workday.Calendar {
	if c := s.cur.Load(); c != nil {
		return c
	}
	return s.Base
}

// AddWorkdays makes the service a ledger.Calendar.
func (s *Service) AddWorkdays(d time.Time, n int) time.Time { return s.Current().AddWorkdays(d, n) }

// LocalityName is the local layer's name as loc shows it: the configured
// one (e.g. 广西壮族自治区), else the catalogue's word for "local".
func (s *Service) LocalityName(loc i18n.Localizer) string {
	if s.Locality == "" {
		return loc.T("calendar.locality_local")
	}
	return s.Locality
}

// Result is what a change did.
type Result struct {
	Change records.CalendarChange
	Moves  []records.DeadlineMove
}

// Apply stores days in scope with the reason, moves the running deadlines
// and puts the new calendar in force. A deadline keeps its count of
// working days from the notice's issue: under the new calendar it falls
// on the same count, later when a day in between became a day off.
func (s *Service) Apply(ctx context.Context, actor audit.Actor, scope, source, reason string, days []workday.Day) (Result, error) {
	if reason == "" {
		return Result{}, refusal("reason", "calendar.error.reason", nil)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.Refresh(ctx); err != nil {
		return Result{}, err
	}
	layers, err := s.Store.CalendarDays(ctx)
	if err != nil {
		return Result{}, err
	}
	old := build(s.Base, layers)
	next := build(s.Base, merge(layers, scope, days))
	today := s.Today()
	ch, moves, err := s.Store.ChangeCalendar(ctx, actor, scope, source, reason, days, today, func(on, deadline time.Time) time.Time {
		return next.AddWorkdays(on, old.WorkdaysBetween(on, deadline))
	})
	if err != nil {
		return Result{}, err
	}
	s.cur.Store(next)
	s.version.Store(ch.ID)
	return Result{Change: ch, Moves: moves}, nil
}

// merge is the layers with days stored in scope, as ChangeCalendar will
// leave them.
func merge(l records.CalendarLayers, scope string, days []workday.Day) records.CalendarLayers {
	if scope == records.ScopeLocal {
		l.Local = append(append([]workday.Day{}, l.Local...), days...)
	} else {
		l.National = append(append([]workday.Day{}, l.National...), days...)
	}
	return l
}
