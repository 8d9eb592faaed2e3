package proposalsvc

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/pii"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// Service is the office's desk for 建议 and 提案.
type Service struct {
	Store    Store
	Calendar workday.Source
	Now      func() time.Time
	// Issuer is the office's name, as a letter's copy line names it.
	Issuer string
	// Limits are the time limits; the zero value is DefaultLimits.
	Limits Limits
	// Open registers a B-class answer's commitment as a task of the
	// ledger and returns its id; services.New wires it to the 督办件
	// service.
	Open func(ctx context.Context, actor audit.Actor, c Commitment) (int64, error)
	// Revoke revokes (撤销) a commitment task Open registered for an
	// answer the store then refused (another answer came first).
	Revoke func(ctx context.Context, actor audit.Actor, task int64) error
}

// Commitment is what a B-class answer (列入计划逐步解决) promises: the
// 主办 unit does it by Due, tracked in the ledger until done.
type Commitment struct {
	Title, Text, SourceText string
	UnitID                  int64
	Due                     string
}

// Limit is a statutory time limit: Months calendar months from its start,
// and when Workday is set a limit ending on a day off ends on the next
// working day instead.
type Limit struct {
	Months  int  `json:"months"`
	Workday bool `json:"workday"`
}

// Limits are the time limits of the cycle, as data: the answer's (three
// months from 交办), an urgent one's (one month), a 重新办理's, and the
// working days after 交办 within which a unit may dispute it.
type Limits struct {
	Answer      Limit `json:"answer"`
	Urgent      Limit `json:"urgent"`
	Redo        Limit `json:"redo"`
	DisputeDays int   `json:"dispute_days"`
}

// DefaultLimits are the rules of 《人大代表建议、批评和意见办理办法》 and
// the 政协提案 rules as most cities apply them.
var DefaultLimits = Limits{Answer: Limit{Months: 3, Workday: true}, Urgent: Limit{Months: 1, Workday: true},
	Redo: Limit{Months: 1, Workday: true}, DisputeDays: 5}

func (s *Service) limits() Limits {
	if s.Limits == (Limits{}) {
		return DefaultLimits
	}
	return s.Limits
}

// Due is the day a limit that starts on start (ISO) ends, on cal.
func (l Limit) Due(cal *workday.Calendar, start time.Time) time.Time {
	d := start.AddDate(0, l.Months, 0)
	if l.Workday && cal != nil && !cal.IsWorkday(d) {
		d = cal.NextWorkday(d)
	}
	return d
}

// Kinds are the kinds of proposal, in the order forms offer them.
var Kinds = []string{records.ProposalSuggestion, records.ProposalMotion}

// Classes are the answer's classes: 所提问题已经解决或采纳, 列入计划逐步解决,
// 因条件限制留作参考.
var Classes = []string{"A", "B", "C"}

// Satisfactions are the representative's ratings.
var Satisfactions = []string{"satisfied", "basic", "unsatisfied"}

// States in the order filters offer them.
var States = []string{records.ProposalReceived, records.ProposalAssigned, records.ProposalAnswered, records.ProposalDone}

// Lengths, in characters.
const (
	MaxNumber = 30
	MaxTitle  = 200
	MaxShort  = 200 // proposers, delegation, category, signer, contact
	MaxText   = 20000
	MaxNote   = 2000
	MaxImport = 2000 // rows of one list
)

// today is the civil date in China.
func (s *Service) today() time.Time { return workday.DateOf(s.Now().In(workday.Zone)) }

// Today is the civil date in China, ISO.
func (s *Service) Today() string { return s.today().Format(time.DateOnly) }

func (s *Service) calendar() *workday.Calendar {
	if s.Calendar == nil {
		return workday.Default()
	}
	return s.Calendar.Current()
}

// unitsOf are the units a proposal names: its 主办 and 会办 units.
func unitsOf(p *records.Proposal) []int64 {
	out := []int64{}
	if p.LeadUnitID != 0 {
		out = append(out, p.LeadUnitID)
	}
	for _, u := range p.CoUnits {
		out = append(out, u.UnitID)
	}
	return out
}

// MayRead reports whether principal may read pr.
func MayRead(principal authz.Principal, pr *records.Proposal) bool {
	return authz.Can(principal, authz.ProposalRead, authz.Resource{Units: unitsOf(pr)})
}

// mayHandle reports whether principal answers for unit of pr.
func mayHandle(principal authz.Principal, unit int64) bool {
	return unit != 0 && authz.Can(principal, authz.ProposalHandle, authz.Resource{Units: []int64{unit}})
}

// view is pr as principal may see it: the phone for the office and the
// units that handle it (who contact the representative), a hint to the
// others.
func view(principal authz.Principal, pr records.Proposal) records.Proposal {
	if !authz.Allowed(principal, authz.PersonalDataView) && !authz.Allowed(principal, authz.ProposalHandle) {
		pr.Phone = pii.PhoneHint(pr.Phone)
	}
	return pr
}

// Proposal is one proposal with its history, for who may read it.
func (s *Service) Proposal(ctx context.Context, p authz.Principal, id int64) (*records.Proposal, error) {
	if !authz.Allowed(p, authz.ProposalRead) {
		return nil, fault.ErrForbidden
	}
	pr, err := s.Store.FindProposal(ctx, id)
	if err != nil {
		return nil, err
	}
	if !MayRead(p, pr) {
		return nil, fault.ErrNotFound
	}
	v := view(p, *pr)
	return &v, nil
}

// Proposals lists the proposals of a year p may read: all for the office
// and leaders, those their units lead or join for a liaison.
func (s *Service) Proposals(ctx context.Context, p authz.Principal, f records.ProposalFilter) ([]records.Proposal, error) {
	if !authz.Allowed(p, authz.ProposalRead) {
		return nil, fault.ErrForbidden
	}
	f.Units = nil
	if p.Role == authz.Liaison {
		f.Units = append([]int64{}, p.Units...)
	}
	list, err := s.Store.FindProposals(ctx, f)
	if err != nil {
		return nil, err
	}
	out := make([]records.Proposal, 0, len(list))
	for _, pr := range list {
		if MayRead(p, &pr) {
			out = append(out, view(p, pr))
		}
	}
	return out, nil
}

// Late are the proposals p may read that are 交办 and not answered by
// their time limit: the desk lists them.
func (s *Service) Late(ctx context.Context, p authz.Principal) ([]records.Proposal, error) {
	list, err := s.Proposals(ctx, p, records.ProposalFilter{State: records.ProposalAssigned})
	if err != nil {
		return nil, err
	}
	today := s.Today()
	return slices.DeleteFunc(list, func(pr records.Proposal) bool { return pr.Due == "" || pr.Due >= today }), nil
}

// Units are the units a proposal may be assigned to: the registry's, but
// the groups.
func (s *Service) Units(ctx context.Context) ([]records.Unit, error) {
	list, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(list, func(u records.Unit) bool { return u.Kind == records.UnitGroup }), nil
}

// Create takes in one proposal, for the office.
func (s *Service) Create(ctx context.Context, p authz.Principal, actor audit.Actor, in records.Proposal) (*records.Proposal, error) {
	if !authz.Allowed(p, authz.ProposalWrite) {
		return nil, fault.ErrForbidden
	}
	var bad fault.Problems
	check(&bad, "", &in, s.today().Year())
	if err := bad.Err(); err != nil {
		return nil, err
	}
	if err := authz.CheckScope(p, "lead_unit_id", unitsOf(&in)); err != nil {
		return nil, err
	}
	ids, err := s.Store.CreateProposals(ctx, actor, []records.Proposal{in})
	if errors.Is(err, fault.ErrConflict) {
		return nil, &fault.Error{Code: fault.Conflict, Fields: map[string]string{"number": "proposal.error.number_taken"}, Err: err}
	}
	if err != nil {
		return nil, err
	}
	return s.Proposal(ctx, p, ids[0])
}

// check trims and checks a proposal taken in, putting problems at
// prefix+field.
func check(bad *fault.Problems, prefix string, in *records.Proposal, year int) {
	if in.Year == 0 {
		in.Year = year
	}
	if in.Year < 2000 || in.Year > 2100 {
		bad.At(prefix+"year", "proposal.error.year")
	}
	if !slices.Contains(Kinds, in.Kind) {
		bad.At(prefix+"kind", "proposal.error.kind")
	}
	text(bad, prefix+"number", "proposal.error.number", &in.Number, true, MaxNumber)
	text(bad, prefix+"title", "proposal.error.title", &in.Title, true, MaxTitle)
	text(bad, prefix+"content", "proposal.error.content", &in.Content, true, MaxText)
	text(bad, prefix+"proposers", "proposal.error.proposers", &in.Proposers, true, MaxShort)
	text(bad, prefix+"delegation", "proposal.error.short", &in.Delegation, false, MaxShort)
	text(bad, prefix+"category", "proposal.error.short", &in.Category, false, MaxShort)
	text(bad, prefix+"phone", "proposal.error.phone", &in.Phone, false, 30)
}

// text trims s and puts key at field when it is missing (required) or
// longer than max.
func text(bad *fault.Problems, field, key string, s *string, required bool, max int) {
	*s = strings.TrimSpace(*s)
	if (*s == "" && required) || utf8.RuneCountInString(*s) > max {
		bad.At(field, key)
	}
}

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// errNotPublished is how a proposal not on the portal looks from it.
var errNotPublished = fault.ErrNotFound
