package mattersvc

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// Service is the office's desk for 督办件.
type Service struct {
	Store Store
	// Ledger reads tasks as the ledger shows them and decides who may
	// read one.
	Ledger *ledgersvc.Service
	Now    func() time.Time
	// Issuer signs the 办理结果 reports (the office's name: 市政府督查室).
	Issuer string
}

// Lengths, in characters, of what the office types.
const (
	MaxTitle    = 100  // a matter's title, as a task's
	MaxText     = 4000 // the matter's words, the 批示, the 办理要求
	MaxName     = 100  // a leader, a meeting, a 纪要 number, a letter's reference
	MaxKindName = 20
	MaxLines    = 200 // matters in one pasted list
)

// Create enters one 督办件 for the office and returns its task, registered
// and in the ledger. Files are the source document's scans (the 批示 on
// its report, the 纪要, the 交办 letter), kept as the ledger keeps a
// report's files and refused at "files" as it refuses them.
func (s *Service) Create(ctx context.Context, p authz.Principal, actor audit.Actor, in records.MatterInput, files ...ledgersvc.Upload) (*ledgersvc.Task, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, fault.ErrForbidden
	}
	ctxt, err := s.entry(ctx)
	if err != nil {
		return nil, err
	}
	var bad fault.Problems
	nm := ctxt.matter(&bad, in)
	if err := bad.Err(); err != nil {
		return nil, err
	}
	if err := authz.CheckScope(p, "units", records.LinkIDs(nm.Units)); err != nil {
		return nil, err
	}
	if len(files) > 0 {
		if nm.Attachments, err = s.Ledger.Keep(files); err != nil {
			return nil, err
		}
	}
	ids, err := s.Store.CreateMatters(ctx, actor, []records.NewMatter{nm})
	if err != nil {
		return nil, err
	}
	return s.task(ctx, p, ids[0])
}

// CreateMany enters a list of 督办件 that share a source record (a
// meeting's 议定事项): each non-blank line of in.Lines is one, its units
// and deadline read from the line by the importer's rules, or else the
// batch's. All or nothing: a refusal names each line at fault (field
// "lines.N", N from 1, labelled with the line). It returns the tasks in
// the list's order.
func (s *Service) CreateMany(ctx context.Context, p authz.Principal, actor audit.Actor, in records.MatterBatch) ([]ledgersvc.Task, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, fault.ErrForbidden
	}
	if in.Kind == "" {
		in.Kind = records.SourceMeeting
	}
	ctxt, err := s.entry(ctx)
	if err != nil {
		return nil, err
	}
	items, bad := ctxt.batch(p, in)
	if err := bad.Err(); err != nil {
		return nil, err
	}
	ids, err := s.Store.CreateMatters(ctx, actor, items)
	if err != nil {
		return nil, err
	}
	out := make([]ledgersvc.Task, 0, len(ids))
	for _, id := range ids {
		t, err := s.task(ctx, p, id)
		if err != nil {
			return nil, err
		}
		out = append(out, *t)
	}
	return out, nil
}

// Matter is the source record of task for p who may read the task; a
// task of a plan document has none (fault.ErrNotFound).
func (s *Service) Matter(ctx context.Context, p authz.Principal, task int64) (*records.Matter, error) {
	if _, err := s.Ledger.Readable(ctx, p, task); err != nil {
		return nil, err
	}
	return s.Store.FindMatter(ctx, task)
}

// Kinds lists the kinds of 督办件, for anyone who reads tasks.
func (s *Service) Kinds(ctx context.Context, p authz.Principal) ([]records.MatterKind, error) {
	if !authz.Allowed(p, authz.TaskRead) {
		return nil, fault.ErrForbidden
	}
	return s.Store.FindMatterKinds(ctx)
}

// kindCode is a kind's code: a short ASCII word, as URLs and filters
// carry it.
var kindCode = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,31}$`)

// AddKind adds a kind of 督办件 for the office: a code (lower-case ASCII,
// at most 32), a name (at most MaxKindName characters), both not taken,
// and the source it is filed under (not "plan").
func (s *Service) AddKind(ctx context.Context, p authz.Principal, actor audit.Actor, k records.MatterKind) (*records.MatterKind, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, fault.ErrForbidden
	}
	k.Code, k.Name = strings.TrimSpace(k.Code), strings.TrimSpace(k.Name)
	var bad fault.Problems
	if !kindCode.MatchString(k.Code) {
		bad.At("code", "matters.error.kind_code")
	}
	if k.Name == "" || utf8.RuneCountInString(k.Name) > MaxKindName {
		bad.At("name", "matters.error.kind_name")
	}
	if !records.KnownSource(k.Source) || k.Source == records.SourcePlan {
		bad.At("source", "matters.error.source")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	err := s.Store.CreateMatterKind(ctx, actor, k)
	if errors.Is(err, fault.ErrConflict) {
		return nil, &fault.Error{Code: fault.Conflict, Fields: map[string]string{"code": "matters.error.kind_taken"}, Err: err}
	}
	if err != nil {
		return nil, err
	}
	return &k, nil
}

// RegisterTitle is the title of the register plan of source and year, in
// the catalogue's words (2026年领导批示事项).
func RegisterTitle(source string, year int) string {
	return i18n.Lookup(i18n.ZhCN, "matters.register."+source, "year", year)
}

func (s *Service) task(ctx context.Context, p authz.Principal, id int64) (*ledgersvc.Task, error) {
	t, err := s.Ledger.Readable(ctx, p, id)
	if err != nil {
		return nil, err
	}
	v := s.Ledger.View(t)
	return &v, nil
}
