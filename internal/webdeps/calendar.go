package webdeps

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/calendarsvc"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/workday"
)

// calendarAdmin is the 工作日历 page over the live calendar.
type calendarAdmin struct{ d *Deps }

func (s *calendarAdmin) View(ctx context.Context, year int) (*web.CalendarView, error) {
	p, _, err := s.d.acting(ctx, authz.CalendarRead)
	if err != nil {
		return nil, err
	}
	svc := s.d.Calendar
	cal := svc.Current()
	changes, err := s.d.Store.CalendarChanges(ctx, 50)
	if err != nil {
		return nil, err
	}
	v := &web.CalendarView{Year: year, Months: monthGrids(cal, year, svc.Today()),
		Holidays: listedDays(cal, year), Covered: yearSpans(cal.CoveredYears()), Missing: !cal.Coverage(year),
		Locality: svc.LocalityName(), CanEdit: authz.Allowed(p, authz.CalendarWrite)}
	for _, c := range changes {
		v.Changes = append(v.Changes, changeView(c))
	}
	return v, nil
}

func (s *calendarAdmin) Upload(ctx context.Context, scope, reason string, f web.Upload) (int64, error) {
	_, actor, err := s.d.acting(ctx, authz.CalendarWrite)
	if err != nil {
		return 0, err
	}
	if f.Size > calendarsvc.MaxScheduleBytes {
		return 0, &web.CalendarInputError{Detail: f.Name + ": 文件过大，不像是节假日安排"}
	}
	rc, err := f.Open()
	if err != nil {
		return 0, err
	}
	data, err := io.ReadAll(io.LimitReader(rc, calendarsvc.MaxScheduleBytes+1))
	rc.Close()
	if err != nil {
		return 0, err
	}
	days, err := calendarsvc.ParseSchedule(f.Name, data)
	if err != nil {
		return 0, inputError(err)
	}
	res, err := s.d.Calendar.Apply(ctx, actor, scope, f.Name, reason, days)
	if err != nil {
		return 0, inputError(err)
	}
	return res.Change.ID, nil
}

func (s *calendarAdmin) Correct(ctx context.Context, in web.CalendarCorrection) (int64, error) {
	_, actor, err := s.d.acting(ctx, authz.CalendarWrite)
	if err != nil {
		return 0, err
	}
	date, err := time.Parse(time.DateOnly, in.Date)
	if err != nil {
		return 0, &web.CalendarInputError{Detail: fmt.Sprintf("日期 %q 应为 年-月-日（如 2026-06-15）", in.Date)}
	}
	day, err := calendarsvc.Correction(date, in.Set, in.Name)
	if err != nil {
		return 0, inputError(err)
	}
	res, err := s.d.Calendar.Apply(ctx, actor, in.Scope, "单日更正 "+in.Date, in.Reason, []workday.Day{day})
	if err != nil {
		return 0, inputError(err)
	}
	return res.Change.ID, nil
}

func (s *calendarAdmin) Change(ctx context.Context, id int64) (*web.CalendarChangeDetail, error) {
	if _, _, err := s.d.acting(ctx, authz.CalendarRead); err != nil {
		return nil, err
	}
	c, err := s.d.Store.CalendarChange(ctx, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	moves, err := s.d.Store.DeadlineMoves(ctx, id)
	if err != nil {
		return nil, err
	}
	out := &web.CalendarChangeDetail{CalendarChangeView: changeView(c), Locality: s.d.Calendar.LocalityName()}
	for _, m := range moves {
		out.Moves = append(out.Moves, web.CalendarMove{TaskID: m.TaskID, TaskTitle: m.TaskTitle, Label: m.Label, On: m.On, From: m.From, To: m.To})
	}
	return out, nil
}

// inputError shows a refused change's reason as written: the file and
// line of a schedule, the day of a correction.
func inputError(err error) error {
	if !errors.Is(err, fault.ErrInvalid) {
		return err
	}
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "calendar: ")
	if i := strings.LastIndex(msg, ": "+fault.ErrInvalid.Error()); i >= 0 {
		msg = msg[:i]
	}
	return &web.CalendarInputError{Detail: msg}
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
func yearSpans(years []int) string {
	if len(years) == 0 {
		return "无"
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
	return strings.Join(parts, "、")
}
