package proposalsvc

import (
	"context"
	"slices"
	"sort"

	"github.com/duban/duban/internal/pii"
	"github.com/duban/duban/internal/records"
)

// Published is an answer as the public portal shows it: no phone, no
// contact, the personal data in the texts masked.
type Published struct {
	ID         int64  `json:"id"`
	Year       int    `json:"year"`
	Kind       string `json:"kind"`
	Number     string `json:"number"`
	Title      string `json:"title"`
	Proposers  string `json:"proposers"`
	Delegation string `json:"delegation"`
	Unit       string `json:"unit"`
	Class      string `json:"class"`
	Answer     string `json:"answer"`
	AnsweredOn string `json:"answered_on"`
}

// published is whether an answer goes on the portal: answered, and the
// representative did not ask to keep it unpublished.
func published(pr records.Proposal) bool {
	return pr.Answer != "" && !pr.NoPublish
}

func publish(pr records.Proposal) Published {
	return Published{ID: pr.ID, Year: pr.Year, Kind: pr.Kind, Number: pr.Number, Title: pii.MaskPublic(pr.Title), Proposers: pr.Proposers,
		Delegation: pr.Delegation, Unit: pr.LeadUnit, Class: pr.Class, Answer: pii.MaskPublic(pr.Answer), AnsweredOn: pr.AnsweredOn}
}

// Public lists a year's published answers, for anyone.
func (s *Service) Public(ctx context.Context, year int) ([]Published, error) {
	list, err := s.Store.FindProposals(ctx, records.ProposalFilter{Year: year})
	if err != nil {
		return nil, err
	}
	out := []Published{}
	for _, pr := range list {
		if published(pr) {
			out = append(out, publish(pr))
		}
	}
	return out, nil
}

// PublicAnswer is one published answer, for anyone; one not published is
// not found.
func (s *Service) PublicAnswer(ctx context.Context, id int64) (*Published, error) {
	pr, err := s.Store.FindProposal(ctx, id)
	if err != nil {
		return nil, err
	}
	if !published(*pr) {
		return nil, errNotPublished
	}
	v := publish(*pr)
	return &v, nil
}

// UnitStats are a 主办 unit's figures of a year: proposals 交办, answered,
// answered by the time limit, rated, satisfied (满意 or 基本满意), and the
// answers by class.
type UnitStats struct {
	UnitID    int64          `json:"unit_id"`
	Unit      string         `json:"unit"`
	Assigned  int            `json:"assigned"`
	Answered  int            `json:"answered"`
	OnTime    int            `json:"on_time"`
	Rated     int            `json:"rated"`
	Satisfied int            `json:"satisfied"`
	Classes   map[string]int `json:"classes"`
}

// Stats are the figures of a year by 主办 unit, the most 交办 first, for
// anyone: they name units, not people.
func (s *Service) Stats(ctx context.Context, year int) ([]UnitStats, error) {
	list, err := s.Store.FindProposals(ctx, records.ProposalFilter{Year: year})
	if err != nil {
		return nil, err
	}
	by := map[int64]*UnitStats{}
	for _, pr := range list {
		if pr.LeadUnitID == 0 {
			continue
		}
		u := by[pr.LeadUnitID]
		if u == nil {
			u = &UnitStats{UnitID: pr.LeadUnitID, Unit: pr.LeadUnit, Classes: map[string]int{"A": 0, "B": 0, "C": 0}}
			by[pr.LeadUnitID] = u
		}
		u.Assigned++
		answered := pr.State == records.ProposalAnswered || pr.State == records.ProposalDone
		if answered {
			u.Answered++
			if pr.AnsweredOn != "" && pr.AnsweredOn <= pr.Due {
				u.OnTime++
			}
			if pr.Class != "" {
				u.Classes[pr.Class]++
			}
		}
		if pr.Satisfaction != "" {
			u.Rated++
			if slices.Contains([]string{"satisfied", "basic"}, pr.Satisfaction) {
				u.Satisfied++
			}
		}
	}
	out := make([]UnitStats, 0, len(by))
	for _, u := range by {
		out = append(out, *u)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Assigned != out[j].Assigned {
			return out[i].Assigned > out[j].Assigned
		}
		return out[i].Unit < out[j].Unit
	})
	return out, nil
}
