package webdeps

import (
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/calendarsvc"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/workday"
)

// calendarAdmin is the 工作日历 page over the live calendar.
type calendarAdmin struct{ d *Deps }

func (s *calendarAdmin) View(ctx context.Context, year int) (*web.CalendarView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	svc := s.d.Calendar
	changes, err := svc.Changes(ctx, p, 50)
	if err != nil {
		return nil, refused(ctx, err)
	}
	cal, err := svc.For(p)
	if err != nil {
		return nil, refused(ctx, err)
	}
	v := &web.CalendarView{Year: year, Months: monthGrids(cal, year, svc.Today()),
		Holidays: listedDays(cal, year), Covered: yearSpans(i18n.FromContext(ctx), cal.CoveredYears()), Missing: !cal.Coverage(year),
		Locality: svc.LocalityName(i18n.FromContext(ctx)), CanEdit: authz.Allowed(p, authz.CalendarWrite)}
	for _, c := range changes {
		v.Changes = append(v.Changes, changeView(c))
	}
	return v, nil
}

func (s *calendarAdmin) Upload(ctx context.Context, scope, reason string, f web.Upload) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	if !authz.Allowed(p, authz.CalendarWrite) { // before the file is read
		return 0, web.ErrForbidden
	}
	rc, err := f.Open()
	if err != nil {
		return 0, err
	}
	// One byte past the bound is enough for the service to refuse it.
	data, err := io.ReadAll(io.LimitReader(rc, calendarsvc.MaxScheduleBytes+1))
	rc.Close()
	if err != nil {
		return 0, err
	}
	res, err := s.d.Calendar.Upload(ctx, p, actor, scope, reason, f.Name, data)
	if err != nil {
		return 0, calendarRefused(ctx, err)
	}
	return res.Change.ID, nil
}

func (s *calendarAdmin) Correct(ctx context.Context, in web.CalendarCorrection) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	res, err := s.d.Calendar.Correct(ctx, p, actor, in.Scope, in.Reason, in.Date, in.Set, in.Name)
	if err != nil {
		return 0, calendarRefused(ctx, err)
	}
	return res.Change.ID, nil
}

func (s *calendarAdmin) Change(ctx context.Context, id int64) (*web.CalendarChangeDetail, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	res, err := s.d.Calendar.Change(ctx, p, id)
	if err != nil {
		return nil, refused(ctx, err)
	}
	out := &web.CalendarChangeDetail{CalendarChangeView: changeView(res.Change), Locality: s.d.Calendar.LocalityName(i18n.FromContext(ctx))}
	for _, m := range res.Moves {
		out.Moves = append(out.Moves, web.CalendarMove{TaskID: m.TaskID, TaskTitle: m.TaskTitle, Label: m.Label, On: m.On, From: m.From, To: m.To})
	}
	return out, nil
}

// calendarRefused shows a refused change's reason on the page, in the
// reader's words: the file of a schedule, the day of a correction.
func calendarRefused(ctx context.Context, err error) error {
	err = refused(ctx, err, "file", "date", "set", "name", "reason")
	var bad *web.RulesInputError
	if errors.As(err, &bad) {
		return &web.CalendarInputError{Detail: strings.Join(bad.Problems, "；")}
	}
	return err
}

func changeView(c records.CalendarChange) web.CalendarChangeView {
	return web.CalendarChangeView{ID: c.ID, Scope: c.Scope, Source: c.Source, Reason: c.Reason,
		Days: c.Days, Moved: c.Moved, Actor: c.Actor, At: c.At}
}

// monthGrids lays out the twelve months of year, Monday first.
func monthGrids(cal *workday.Calendar, year int, today time.Time) []web.CalendarMonth {
	months := make([]web.CalendarMonth, 0, 12)
	for m := time.January; m <= time.December; m++ {
		first := workday.Date(year, m, 1)
		col := (int(first.Weekday()) + 6) % 7 // Monday is column 0
		var week [7]web.CalendarCell
		gm := web.CalendarMonth{Month: int(m)}
		for d := first; d.Month() == m; d = d.AddDate(0, 0, 1) {
			info := cal.Day(d)
			week[col] = web.CalendarCell{Day: d.Day(), Kind: kindName(info.Kind), Name: info.Name, Today: d.Equal(today)}
			if col++; col == 7 {
				gm.Weeks, week, col = append(gm.Weeks, week), [7]web.CalendarCell{}, 0
			}
		}
		if col > 0 {
			gm.Weeks = append(gm.Weeks, week)
		}
		months = append(months, gm)
	}
	return months
}

// listedDays are year's holidays and 调休 working days.
func listedDays(cal *workday.Calendar, year int) []web.CalendarDay {
	var out []web.CalendarDay
	for d := workday.Date(year, time.January, 1); d.Year() == year; d = d.AddDate(0, 0, 1) {
		info := cal.Day(d)
		if info.Kind == workday.Holiday || info.Kind == workday.AdjustedWorkday {
			out = append(out, web.CalendarDay{Date: d, Kind: kindName(info.Kind), Name: info.Name})
		}
	}
	return out
}

func kindName(k workday.Kind) string {
	return map[workday.Kind]string{workday.Workday: "workday", workday.Weekend: "weekend",
		workday.Holiday: "holiday", workday.AdjustedWorkday: "adjusted"}[k]
}

// yearSpans writes years as runs: 2007—2026、2028.
func yearSpans(loc i18n.Localizer, years []int) string {
	if len(years) == 0 {
		return loc.T("calendar.covered_none")
	}
	var parts []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, strconv.Itoa(years[i])+"—"+strconv.Itoa(years[j]))
		} else {
			parts = append(parts, strconv.Itoa(years[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, loc.T("calendar.list_sep"))
}
