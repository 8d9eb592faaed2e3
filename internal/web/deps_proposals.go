package web

import "context"

// Proposals are the 人大代表建议 and 政协委员提案 (建议提案办理): the
// office takes them in and 交办 them, the units handle and answer them,
// the portal publishes the answers.
type Proposals interface {
	// List is a year's proposals the user may read, with the forms to
	// take one in and to import a list, for the office.
	List(ctx context.Context, q ProposalQuery) (*ProposalListView, error)
	Create(ctx context.Context, in ProposalForm) (int64, error)
	// Import takes in a list (.xlsx) and returns how many it took in.
	Import(ctx context.Context, kind, year string, file Upload) (int, error)
	// Get is a proposal with its history and the forms its user may
	// send: 交办, dispute, 面商, opinion, answer, feedback, 重新办理.
	Get(ctx context.Context, id int64) (*ProposalView, error)
	// Act runs one of those forms on a proposal.
	Act(ctx context.Context, id int64, in ProposalAct) error
	// Letter is the answer letter (.docx).
	Letter(ctx context.Context, id int64) (*Download, error)
	// Late are the proposals past their time limit, for the desk.
	Late(ctx context.Context) ([]ProposalRow, error)
	// Public and PublicAnswer are the portal's: the published answers
	// of a year with the statistics by unit, and one answer.
	Public(ctx context.Context, year int) (*PublicProposalsView, error)
	PublicAnswer(ctx context.Context, id int64) (*PublicProposalView, error)
}

// ProposalQuery filters the list.
type ProposalQuery struct{ Year, Kind, State string }

// ProposalForm is the form to take in one proposal. A refusal of any
// proposal form is a *RulesInputError.
type ProposalForm struct {
	Year, Kind, Number, Title, Content, Category, Proposers, Delegation, Phone string
	Key, Urgent, NoPublish                                                     bool
	Problems                                                                   []string
}

// ProposalRow is a proposal in a list.
type ProposalRow struct {
	ID                                   int64
	Kind, Number, Title, Proposers       string
	LeadUnit, CoUnits, Due, State, Class string
	StateLabel, Satisfaction             string
	Key, Urgent, Late                    bool
}

// ProposalListView is the proposals page of a year.
type ProposalListView struct {
	Year, Prev, Next int
	Query            ProposalQuery
	Rows             []ProposalRow
	CanCreate        bool
	Kinds, States    []Option
	Form             ProposalForm
}

// ProposalAct is one step posted from a proposal's page: Step names it
// (assign, dispute, contact, opinion, answer, feedback, redo); the
// fields are the step's.
type ProposalAct struct {
	Step                                    string
	Lead, On, Unit, Text, Way               string
	CoUnits                                 []string
	Urgent                                  bool
	Class, Answer, Signer, Contact, Planned string
	Satisfaction                            string
}

// ProposalEventRow is a step of the history.
type ProposalEventRow struct {
	Round                int
	Kind, Unit, Text, On string
	Actor, At            string
}

// ProposalCoUnit is a 会办 unit with its opinion.
type ProposalCoUnit struct {
	UnitID            int64
	Name, Opinion, At string
	// CanOpine: the user answers for this unit and may send its opinion.
	CanOpine bool
}

// ProposalView is a proposal's page.
type ProposalView struct {
	ProposalRow
	Year                                      int
	Content, Category, Delegation, Phone      string
	NoPublish                                 bool
	AssignedOn, Round                         string
	CoUnitList                                []ProposalCoUnit
	Answer, ClassText, Signer, Contact        string
	AnsweredOn, FeedbackText, SatisfactionKey string
	TaskID                                    int64
	Events                                    []ProposalEventRow
	HasLetter                                 bool
	// What the user may do now.
	CanAssign, CanDispute, CanContact, CanAnswer, CanFeedback, CanRedo bool
	Units, Classes, Satisfactions                                      []Option
	DisputeUnits                                                       []Option
	Today                                                              string
	Problems                                                           []string
}

// PublicProposalRow is a published answer in the portal's list.
type PublicProposalRow struct {
	ID                                          int64
	Kind, Number, Title, Proposers, Unit, Class string
	AnsweredOn                                  string
}

// ProposalUnitStats is a unit's line of the statistics.
type ProposalUnitStats struct {
	Unit                                         string
	Assigned, Answered, OnTime, Rated, Satisfied int
	A, B, C                                      int
	OnTimeRate, SatisfiedRate                    string
}

// PublicProposalsView is the portal's page of a year's answers.
type PublicProposalsView struct {
	Year, Prev, Next int
	Rows             []PublicProposalRow
	Stats            []ProposalUnitStats
}

// PublicProposalView is one published answer.
type PublicProposalView struct {
	PublicProposalRow
	Delegation, Answer, ClassText string
	Year                          int
}
