package ledgersvc

import (
	"context"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
)

// SupervisionStep is one thing the office's rules did about a task (a
// reminder, a 催办, a 督办单…) with the evidence its answer carried.
type SupervisionStep struct {
	supervise.Event
	Evidence []records.Attachment
}

// Supervision is task id's supervision record, oldest first, for whoever
// may read the task (Readable: a draft is no one's but the office's).
func (s *Service) Supervision(ctx context.Context, p authz.Principal, id int64) ([]SupervisionStep, error) {
	t, err := s.Readable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	return s.supervision(ctx, t.ID)
}

// supervision reads the record of a task already found readable.
func (s *Service) supervision(ctx context.Context, id int64) ([]SupervisionStep, error) {
	hist, err := s.Store.SupervisionHistory(ctx, []int64{id})
	if err != nil {
		return nil, err
	}
	evidence, err := s.Store.AnswerEvidence(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]SupervisionStep, 0, len(hist[id]))
	for _, e := range hist[id] {
		out = append(out, SupervisionStep{Event: e, Evidence: evidence[e.Key]})
	}
	return out, nil
}
