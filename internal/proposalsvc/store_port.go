package proposalsvc

import (
	"context"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by services.New, so the service imports no store.
type Store interface {
	CreateProposals(ctx context.Context, actor audit.Actor, list []records.Proposal) ([]int64, error)
	AssignProposal(ctx context.Context, actor audit.Actor, id int64, a records.ProposalAssignment) error
	AddProposalEvent(ctx context.Context, actor audit.Actor, id int64, e records.ProposalEvent) error
	RecordProposalOpinion(ctx context.Context, actor audit.Actor, id, unit int64, text string) error
	AnswerProposal(ctx context.Context, actor audit.Actor, id int64, a records.ProposalAnswer, taskID int64) error
	RecordProposalFeedback(ctx context.Context, actor audit.Actor, id int64, satisfaction, text, on string) error
	RedoProposal(ctx context.Context, actor audit.Actor, id int64, on, due, reason string) error
	FindProposal(ctx context.Context, id int64) (*records.Proposal, error)
	FindProposals(ctx context.Context, f records.ProposalFilter) ([]records.Proposal, error)
	FindUnits(ctx context.Context) ([]records.Unit, error)
	FindUnitByID(ctx context.Context, id int64) (*records.Unit, error)
	RecordEvent(ctx context.Context, actor audit.Actor, action, objectType string, objectID any, detail any) error
}
