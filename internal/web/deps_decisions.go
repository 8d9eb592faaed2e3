package web

import (
	"context"

	"github.com/duban/duban/internal/records"
)

// Decisions are the 重大行政决策 and the public commitments (守信践诺):
// the office's catalogue, each decision's gates with their documents,
// the commitments' register, and their public pages. A refusal of a
// form is a *RulesInputError.
type Decisions interface {
	// Catalogue is year's catalogue for those who read plans, with the
	// forms for the office.
	Catalogue(ctx context.Context, year int) (*DecisionCatalogueView, error)
	Decision(ctx context.Context, id int64) (*DecisionView, error)
	Create(ctx context.Context, in DecisionInput) (int64, error)
	SetCatalogue(ctx context.Context, year int, action, note string) error
	Step(ctx context.Context, id int64, in DecisionStepInput) error
	File(ctx context.Context, id int64) (*Download, error)
	Commitments(ctx context.Context) (*CommitmentsView, error)
	CreateCommitment(ctx context.Context, in CommitmentInput) error
	CommitmentProgress(ctx context.Context, id int64, in CommitmentProgressInput) error
	// The portal's pages, for anyone: a catalogue not published and its
	// decisions are not found.
	PublicCatalogue(ctx context.Context, year int) (*DecisionCatalogueView, error)
	PublicDecision(ctx context.Context, id int64) (*PublicDecisionView, error)
	Comment(ctx context.Context, id int64, in CommentInput) error
	PublicCommitments(ctx context.Context) (*CommitmentsView, error)
	// PublicFile is a document of a published decision's 解读; before
	// publication, or any other document, it is not found.
	PublicFile(ctx context.Context, id int64) (*Download, error)
	// Data is an open data file: decisions.csv/.json, the published
	// catalogues' items, or commitments.csv/.json with their standing.
	Data(ctx context.Context, file string) (*Download, error)
}

// DecisionInput is the form to enter a decision into a catalogue.
type DecisionInput struct {
	Year                                  int
	Title, Summary, Unit, Planned, Reason string
	Problems                              []string
}

// DecisionStepInput is the form of a step of a decision's procedure.
type DecisionStepInput struct {
	Kind, Gate, From, To, Result, Body, Reason, ExecDue, EvalDue string
	Files                                                        []Upload
}

// DecisionCatalogueView is a year's catalogue page.
type DecisionCatalogueView struct {
	*records.DecisionCatalogue
	Years   []int
	CanEdit bool
	Units   []Option
	Form    DecisionInput
}

// DecisionGate is one gate of a decision's page: its state and the
// steps recorded against it.
type DecisionGate struct {
	Gate    string
	Done    bool
	Skipped bool
	Current bool
	Steps   []records.DecisionStep
}

// DecisionView is a decision's page.
type DecisionView struct {
	*records.Decision
	Gates      []DecisionGate
	CanEdit    bool
	Commenting bool
	// CanInterpret: the reader may upload the 解读 (the office, or a
	// liaison of the drafting unit: 谁起草谁解读).
	CanInterpret bool
	Problems     []string
	// Kinds are the steps the office may record now.
	Kinds []string
}

// PublicDecisionView is a decision's public page with its comment form.
type PublicDecisionView struct {
	*records.Decision
	Commenting bool
	From, To   string
	Feedback   string
	Comments   int
	Form       CommentInput
	Sent       bool
}

// CommentInput is the public comment form.
type CommentInput struct {
	Name, Contact, Body, IP string
	Problems                []string
}

// CommitmentsView is the commitments' register (office) or their
// public page.
type CommitmentsView struct {
	Items    []records.Commitment
	Broken   []records.Commitment // the 政务诚信档案
	CanEdit  bool
	Units    []Option
	Form     CommitmentInput
	Problems []string
}

// CommitmentInput is the form to register a commitment.
type CommitmentInput struct {
	Title, Source, SourceRef, Unit, Target, Deadline string
}

// CommitmentProgressInput is the form of a commitment's progress.
type CommitmentProgressInput struct {
	Kind, Body, Reason, Rectification, On string
}
