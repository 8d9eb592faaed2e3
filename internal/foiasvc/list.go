package foiasvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// Requests are the desk for p, who reads requests: the open requests
// with their clocks run to today, the nearest deadline first, then up to
// limit concluded ones, newest first (none for a limit of 0); the
// applicants masked for whoever may not see personal data.
func (s *Service) Requests(ctx context.Context, p authz.Principal, limit int) (open, concluded []View, err error) {
	if !authz.Allowed(p, authz.FOIARead) {
		return nil, nil, fault.ErrForbidden
	}
	open, concluded, err = s.list(ctx, limit)
	for i := range open {
		shown(p, &open[i])
	}
	for i := range concluded {
		shown(p, &concluded[i])
	}
	return open, concluded, err
}

// List is the desk as the public figures count it: every applicant
// masked, since no one is asking.
func (s *Service) List(ctx context.Context, limit int) (open, concluded []View, err error) {
	return s.Requests(ctx, authz.Principal{Role: authz.Leader}, limit)
}

func (s *Service) list(ctx context.Context, limit int) (open, concluded []View, err error) {
	rows, err := s.Store.FindFOIARequests(ctx, records.FOIAFilter{Open: true, Limit: 1000})
	if err != nil {
		return nil, nil, err
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	steps, err := s.Store.FOIASteps(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	for i := range rows {
		v, err := s.view(&rows[i], steps[rows[i].ID])
		if err != nil {
			return nil, nil, err
		}
		open = append(open, *v)
	}
	if limit <= 0 {
		return open, nil, nil
	}
	done, err := s.Store.FindFOIARequests(ctx, records.FOIAFilter{Concluded: true, Limit: limit})
	if err != nil {
		return nil, nil, err
	}
	for _, r := range done {
		concluded = append(concluded, View{Request: r, Clock: foia.Clock{State: foia.StateReplied}})
	}
	return open, concluded, nil
}

// FirstYear is when the Regulations took effect: no report before it.
const FirstYear = 2008

// ThisYear is the year in China, which the annual report counts.
func (s *Service) ThisYear() int { return s.Now().In(workday.Zone).Year() }

// Annual is the third table of the year's 政府信息公开工作年度报告, counted
// from the records: the requests received in the year or carried into
// it, and how those concluded in it ended. The report is published by
// law (条例第五十条) and the table holds counts only: anyone may read it.
// Year 0 is this year; one before FirstYear or after this year has no
// report, which is an invalid year, never another year's table.
func (s *Service) Annual(ctx context.Context, year int) (int, []foia.Row, error) {
	return s.annualOf(ctx, year)
}

// AnnualFor is the same table inside, for p who reads requests: the
// office's and leaders' report page and the API, which serve those who
// work on requests (the portal publishes it to all: Annual).
func (s *Service) AnnualFor(ctx context.Context, p authz.Principal, year int) (int, []foia.Row, error) {
	if !authz.Allowed(p, authz.FOIARead) {
		return year, nil, fault.ErrForbidden
	}
	return s.annualOf(ctx, year)
}

func (s *Service) annualOf(ctx context.Context, year int) (int, []foia.Row, error) {
	now := s.ThisYear()
	if year == 0 {
		year = now
	}
	if year < FirstYear || year > now {
		// A query's parameter, not a form's field: the request as a whole.
		return year, nil, &fault.Error{Code: fault.Invalid, Key: "foia.error.year", Args: map[string]any{"first": FirstYear, "last": now}}
	}
	rows, err := s.annual(ctx, year)
	return year, rows, err
}

func (s *Service) annual(ctx context.Context, year int) ([]foia.Row, error) {
	start := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	rows, err := s.Store.FindFOIARequests(ctx, records.FOIAFilter{ReceivedBefore: start.AddDate(1, 0, 0), ConcludedFrom: start, Limit: -1})
	if err != nil {
		return nil, err
	}
	cases := make([]foia.Case, 0, len(rows))
	for _, r := range rows {
		c := foia.Case{Applicant: foia.Applicant(r.ApplicantKind), Received: r.ReceivedOn, Reply: foia.Reply(r.Reply), Withheld: r.Withheld}
		if r.ConcludedOn != nil {
			c.Concluded = *r.ConcludedOn
		}
		cases = append(cases, c)
	}
	return foia.AnnualTable(year, cases), nil
}
