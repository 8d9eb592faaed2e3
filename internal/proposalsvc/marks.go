package proposalsvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// Marks are the marks against the 主办 units' 办理 whose day lies in
// [from, to] (China dates), for the assessment: a proposal answered after
// its time limit is late on the day it was answered, one still unanswered
// the day after its limit; every answer the representative rated 不满意
// (the 重新办理 keep them in the history) is a mark on the day rated.
func (s *Service) Marks(ctx context.Context, from, to time.Time) ([]assess.ProposalMark, error) {
	first, last := from.In(workday.Zone).Format(time.DateOnly), to.In(workday.Zone).Format(time.DateOnly)
	var out []assess.ProposalMark
	add := func(pr records.Proposal, kind, on string) {
		if on < first || on > last {
			return
		}
		d, err := time.ParseInLocation(time.DateOnly, on, workday.Zone)
		if err != nil {
			return
		}
		out = append(out, assess.ProposalMark{ProposalID: pr.ID, UnitID: pr.LeadUnitID, Kind: kind, Title: pr.Title, On: d})
	}
	today := s.Today()
	for year := from.In(workday.Zone).Year() - 1; year <= to.In(workday.Zone).Year(); year++ {
		list, err := s.Store.FindProposals(ctx, records.ProposalFilter{Year: year})
		if err != nil {
			return nil, err
		}
		for _, pr := range list {
			if pr.LeadUnitID == 0 || pr.Due == "" {
				continue
			}
			switch {
			case pr.AnsweredOn != "" && pr.AnsweredOn > pr.Due:
				add(pr, "late", pr.AnsweredOn)
			case pr.AnsweredOn == "" && pr.Due < today:
				due, _ := time.Parse(time.DateOnly, pr.Due)
				add(pr, "late", due.AddDate(0, 0, 1).Format(time.DateOnly))
			}
			if pr.Round == 1 && pr.Satisfaction != "unsatisfied" {
				continue
			}
			full, err := s.Store.FindProposal(ctx, pr.ID)
			if err != nil {
				return nil, err
			}
			for _, e := range full.Events {
				if e.Kind == records.ProposalEventFeedback && len(e.Text) >= len("unsatisfied") && e.Text[:len("unsatisfied")] == "unsatisfied" {
					add(pr, "unsatisfied", e.OnDay)
				}
			}
		}
	}
	return out, nil
}
