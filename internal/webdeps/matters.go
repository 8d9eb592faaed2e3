package webdeps

import (
	"bytes"
	"context"
	"errors"
	"strconv"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/mattersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// matters are the 督办件 entry pages over the service: the office enters
// them, everyone who reads a task reads its source record.
type matters struct{ d *Deps }

// matterOrder is the entry forms' fields, as the service names them.
var matterOrder = []string{"kind", "title", "text", "source_text", "leader", "meeting", "minutes_no", "minutes_on", "letter_ref",
	"units", "deadline", "every", "requirement", "files", "lines"}

func (s *matters) Form(ctx context.Context) (*web.MatterFormView, error) {
	p, _, err := s.d.acting(ctx, authz.PlanWrite)
	if err != nil {
		return nil, err
	}
	kinds, err := s.d.Matters.Kinds(ctx, p)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	loc := i18n.FromContext(ctx)
	v := &web.MatterFormView{Year: s.d.Ledger.Today().Year()}
	for _, k := range kinds {
		v.Kinds = append(v.Kinds, web.Option{Value: k.Code, Label: k.Name})
	}
	units, err := s.d.Admin.Units(ctx, p)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	v.Units = unitOptions(units)
	for _, c := range []string{plandoc.EveryMonth, plandoc.EveryQuarter, plandoc.EveryHalfYear, plandoc.EveryYear} {
		v.Cadences = append(v.Cadences, web.Option{Value: c, Label: loc.T("cadence." + c)})
	}
	return v, nil
}

// links are the form's units: the lead, then the 配合 units.
func links(lead string, support []string) []records.UnitLink {
	var out []records.UnitLink
	seen := map[int64]bool{}
	add := func(v string, isLead bool) {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 || seen[id] {
			return
		}
		seen[id] = true
		out = append(out, records.UnitLink{UnitID: id, Lead: isLead})
	}
	add(lead, true)
	for _, v := range support {
		add(v, false)
	}
	return out
}

func (s *matters) Create(ctx context.Context, in web.MatterInput) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	t, err := s.d.Matters.Create(ctx, p, actor, records.MatterInput{Kind: in.Kind, Title: in.Title, Text: in.Text,
		SourceText: in.SourceText, Leader: in.Leader, Meeting: in.Meeting, MinutesNo: in.MinutesNo, MinutesOn: in.MinutesOn,
		LetterRef: in.LetterRef, ReportBack: in.ReportBack, Requirement: in.Requirement, Units: links(in.Lead, in.Support),
		Deadline: in.Deadline, Every: in.Every}, uploads(in.Files)...)
	if err != nil {
		return 0, refused(ctx, err, matterOrder...)
	}
	return t.ID, nil
}

func (s *matters) CreateBatch(ctx context.Context, in web.MatterBatchInput) ([]web.MatterCreated, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	tasks, err := s.d.Matters.CreateMany(ctx, p, actor, records.MatterBatch{Kind: in.Kind, Meeting: in.Meeting, MinutesNo: in.MinutesNo,
		MinutesOn: in.MinutesOn, Leader: in.Leader, Requirement: in.Requirement, Lines: in.Lines, Units: links(in.Lead, nil),
		Deadline: in.Deadline})
	if err != nil {
		return nil, refused(ctx, err, matterOrder...)
	}
	loc := i18n.FromContext(ctx)
	out := make([]web.MatterCreated, 0, len(tasks))
	for _, t := range tasks {
		out = append(out, web.MatterCreated{ID: t.ID, Path: t.Path, Title: t.Title, Units: ledger.UnitsText(t.LeadUnits, t.Units),
			Due: dueText(loc, t)})
	}
	return out, nil
}

// dueText is a task's deadline for a list: its date, or its cadence.
func dueText(loc i18n.Localizer, t ledgersvc.Task) string {
	if t.Due != "" {
		return t.Due
	}
	if t.Every != "" {
		return loc.T("cadence." + t.Every)
	}
	return ""
}

func (s *matters) Report(ctx context.Context, task int64) (*web.Download, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	data, name, err := s.d.Matters.Report(ctx, p, actor, task)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	return &web.Download{Filename: name, ContentType: docxType, ModTime: s.d.Ledger.Now(), Body: nopSeekCloser{bytes.NewReader(data)}}, nil
}

// matterRecord is the source record of a task p reads, nil for a plan's.
func matterRecord(ctx context.Context, d *Deps, p authz.Principal, task int64) (*web.MatterRecord, error) {
	if d.Matters == nil {
		return nil, nil
	}
	m, err := d.Matters.Matter(ctx, p, task)
	if errors.Is(err, fault.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &web.MatterRecord{Kind: m.Kind, KindName: m.KindName, Source: m.Source, SourceText: m.SourceText, Leader: m.Leader,
		Meeting: m.Meeting, MinutesNo: m.MinutesNo, MinutesOn: m.MinutesOn, LetterRef: m.LetterRef, ReportBack: m.ReportBack,
		CreatedBy: m.CreatedBy, CreatedAt: m.CreatedAt, Attachments: m.Attachments, CanReport: m.ReportBack && mattersvc.MayReport(p)}, nil
}
