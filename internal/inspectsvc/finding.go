package inspectsvc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// FindingInput is a problem as the office records it.
type FindingInput struct {
	Description string
	UnitID      int64  // the unit that must rectify it: the task's 牵头
	Due         string // the rectification deadline, ISO
	Files       []ledgersvc.Upload
}

// ProblemTitle is how long a finding's task title may be, in characters;
// the task's text keeps the finding whole.
const ProblemTitle = 60

// AddFinding records a problem an inspection found, for the office: the
// unit answers for it by Due (not before the inspection: a finding
// recorded late from the inspection's notes may be overdue at once, as
// it is in fact); its photos are kept; and
// it opens a 问题 task in the ledger (督查发现问题, the unit 牵头, due by
// Due), which the finding keeps. The task is opened first: a finding
// without its task is never stored.
func (s *Service) AddFinding(ctx context.Context, p authz.Principal, actor audit.Actor, inspection int64, in FindingInput) (*Finding, error) {
	if !authz.Allowed(p, authz.InspectionWrite) {
		return nil, fault.ErrForbidden
	}
	insp, err := s.Store.FindInspection(ctx, inspection)
	if err != nil {
		return nil, err
	}
	var bad fault.Problems
	text(&bad, "description", "inspection.error.description", &in.Description, true, MaxText)
	if err := s.unit(ctx, &bad, "unit_id", in.UnitID); err != nil {
		return nil, err
	}
	if err := authz.CheckScope(p, "unit_id", []int64{in.UnitID}); err != nil {
		return nil, err
	}
	switch {
	case !validDate(in.Due):
		bad.At("due", "inspection.error.date")
	case in.Due < insp.HeldOn:
		bad.At("due", "inspection.error.due_early")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	files, err := s.Ledger.Keep(in.Files)
	if err != nil {
		return nil, err
	}
	if s.Open == nil {
		return nil, errors.New("inspectsvc: no ledger to open the problem's task in")
	}
	task, err := s.Open(ctx, p, actor, Problem{Title: problemTitle(in.Description), Text: in.Description,
		SourceText: sourceText(insp), UnitID: in.UnitID, Due: in.Due})
	if err != nil {
		return nil, fmt.Errorf("inspectsvc: open the problem's task: %w", err)
	}
	id, err := s.Store.CreateFinding(ctx, actor, records.Finding{InspectionID: inspection, Description: in.Description,
		UnitID: in.UnitID, Due: in.Due, TaskID: task, Files: files})
	if err != nil {
		return nil, err
	}
	return s.finding(ctx, id)
}

// problemTitle is the finding's first line, shortened to ProblemTitle.
func problemTitle(d string) string {
	line, _, _ := strings.Cut(d, "\n")
	line = strings.TrimSpace(line)
	if utf8.RuneCountInString(line) > ProblemTitle {
		line = string([]rune(line)[:ProblemTitle-1]) + "…"
	}
	return line
}

// sourceText says where a problem was found, as its task's source
// record: 2026-12-01 实地督查《…》（地点）.
func sourceText(in *records.Inspection) string {
	s := in.HeldOn + " " + KindName(in.Kind) + "《" + in.Title + "》"
	if in.Place != "" {
		s += "（" + in.Place + "）"
	}
	return s
}

// KindName is a kind's name in zh-CN, for the records the ledger keeps
// (a task's source text is stored, not worded per reader).
func KindName(kind string) string { return i18n.Lookup(i18n.ZhCN, "inspection.kind."+kind) }

// AddPhotos attaches more photos or documents to a finding, for the
// office.
func (s *Service) AddPhotos(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, ups []ledgersvc.Upload) (*Finding, error) {
	if !authz.Allowed(p, authz.InspectionWrite) {
		return nil, fault.ErrForbidden
	}
	if _, err := s.Store.FindFinding(ctx, id); err != nil {
		return nil, err
	}
	if len(ups) == 0 {
		return nil, fault.Field(ledgersvc.FilesField, "inspection.error.files")
	}
	files, err := s.Ledger.Keep(ups)
	if err != nil {
		return nil, err
	}
	if err := s.Store.AddFindingFiles(ctx, actor, id, files); err != nil {
		return nil, err
	}
	return s.finding(ctx, id)
}

// Finding is one finding with its photos and 复查, for p who may read
// it: another unit's finding is not found for a liaison.
func (s *Service) Finding(ctx context.Context, p authz.Principal, id int64) (*Finding, error) {
	if !authz.Allowed(p, authz.FindingRead) {
		return nil, fault.ErrForbidden
	}
	f, err := s.finding(ctx, id)
	if err != nil {
		return nil, err
	}
	if !mayReadFinding(p, f.UnitID) {
		return nil, fmt.Errorf("inspectsvc: finding %d is another unit's: %w", id, fault.ErrNotFound)
	}
	return f, nil
}

func (s *Service) finding(ctx context.Context, id int64) (*Finding, error) {
	f, err := s.Store.FindFinding(ctx, id)
	if err != nil {
		return nil, err
	}
	v := s.view(*f)
	return &v, nil
}

// Filter narrows the 问题清单.
type Filter struct {
	Year   int    // of the inspections; 0 every year
	UnitID int64  // 0 every unit p may see
	Status string // one of Statuses; "" all
}

// Findings is the 问题清单 for p: every finding for the office and
// leaders, a liaison's units' for a liaison; by f.
func (s *Service) Findings(ctx context.Context, p authz.Principal, f Filter) ([]Finding, error) {
	if !authz.Allowed(p, authz.FindingRead) {
		return nil, fault.ErrForbidden
	}
	if f.Status != "" && !slices.Contains(Statuses, f.Status) {
		return nil, fault.Field("status", "inspection.error.status")
	}
	rf := records.FindingFilter{Year: f.Year}
	if f.UnitID != 0 {
		rf.Units = []int64{f.UnitID}
	}
	if p.Role == authz.Liaison {
		rf.Scoped = true
		rf.Units = slices.DeleteFunc(append([]int64{}, p.Units...), func(u int64) bool { return f.UnitID != 0 && u != f.UnitID })
	}
	list, err := s.Store.FindFindings(ctx, rf)
	if err != nil {
		return nil, err
	}
	out := make([]Finding, 0, len(list))
	for _, x := range list {
		if v := s.view(x); f.Status == "" || v.Status == f.Status {
			out = append(out, v)
		}
	}
	return out, nil
}

// File opens a finding's photo for p, who may read the finding; the
// caller closes it. The download is audited (finding.file.download).
func (s *Service) File(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) (*records.Attachment, io.ReadSeekCloser, error) {
	if !authz.Allowed(p, authz.FindingRead) {
		return nil, nil, fault.ErrForbidden
	}
	a, finding, err := s.Store.FindFindingFile(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if _, err := s.Finding(ctx, p, finding); err != nil {
		return nil, nil, err
	}
	if s.Ledger == nil || s.Ledger.Files == nil {
		return nil, nil, fault.ErrNotFound
	}
	body, err := s.Ledger.Files.Get(a.SHA256)
	if err != nil {
		return nil, nil, fmt.Errorf("inspectsvc: file %d: %v: %w", id, err, fault.ErrNotFound)
	}
	if err := s.Store.RecordEvent(ctx, actor, "finding.file.download", "finding_file", id,
		map[string]any{"finding_id": finding, "filename": a.Filename, "size": a.Size, "sha256": a.SHA256}); err != nil {
		body.Close()
		return nil, nil, err
	}
	return a, body, nil
}
