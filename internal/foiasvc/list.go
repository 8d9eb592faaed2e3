package foiasvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/records"
)

// List is the office's desk: the open requests with their clocks run to
// today, the nearest deadline first, then up to limit concluded ones,
// newest first (none for a limit of 0).
func (s *Service) List(ctx context.Context, limit int) (open, concluded []View, err error) {
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

// Annual is the third table of the year's 政府信息公开工作年度报告, counted
// from the records: the requests received in the year or carried into
// it, and how those concluded in it ended.
func (s *Service) Annual(ctx context.Context, year int) ([]foia.Row, error) {
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
