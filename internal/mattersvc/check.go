package mattersvc

import (
	"context"
	"github.com/duban/duban/internal/authz"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/units"
)

// entry is what checking a matter needs: the kinds, the registry and the
// year that dates without one belong to.
type entry struct {
	kinds map[string]records.MatterKind
	byID  map[int64]records.Unit
	ix    *units.Index
	year  int
}

// entry reads the kinds and the registry, once per entry.
func (s *Service) entry(ctx context.Context) (*entry, error) {
	kinds, err := s.Store.FindMatterKinds(ctx)
	if err != nil {
		return nil, err
	}
	reg, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	e := &entry{kinds: map[string]records.MatterKind{}, byID: map[int64]records.Unit{}, year: s.Ledger.Today().Year()}
	for _, k := range kinds {
		e.kinds[k.Code] = k
	}
	list := make([]units.Unit, len(reg))
	for i, u := range reg {
		e.byID[u.ID] = u
		list[i] = units.Unit{ID: u.ID, Name: u.Name, Aliases: u.Aliases}
	}
	e.ix = units.NewIndex(list)
	return e, nil
}

// record checks the source record shared by one matter or a list, at the
// fields of its name, and returns the kind.
func (e *entry) record(bad *fault.Problems, kind string, r *records.Matter, requirement string) records.MatterKind {
	k, ok := e.kinds[kind]
	if !ok {
		bad.At("kind", "matters.error.kind")
	}
	r.Kind, r.Source, r.KindName = k.Code, k.Source, k.Name
	for field, v := range map[string]*string{"leader": &r.Leader, "meeting": &r.Meeting, "minutes_no": &r.MinutesNo,
		"letter_ref": &r.LetterRef} {
		*v = strings.TrimSpace(*v)
		if utf8.RuneCountInString(*v) > MaxName {
			bad.At(field, "matters.error.too_long", "max", MaxName)
		}
	}
	r.SourceText = strings.TrimSpace(r.SourceText)
	if utf8.RuneCountInString(r.SourceText) > MaxText {
		bad.At("source_text", "matters.error.too_long", "max", MaxText)
	}
	if utf8.RuneCountInString(requirement) > MaxText {
		bad.At("requirement", "matters.error.too_long", "max", MaxText)
	}
	r.MinutesOn = strings.TrimSpace(r.MinutesOn)
	if r.MinutesOn != "" && !isDate(r.MinutesOn) {
		bad.At("minutes_on", "error.date_invalid")
	}
	switch k.Source {
	case records.SourceInstruction:
		if r.SourceText == "" {
			bad.At("source_text", "matters.error.instruction_text")
		}
	case records.SourceMeeting:
		if r.Meeting == "" {
			bad.At("meeting", "matters.error.meeting")
		}
	}
	return k
}

// matter checks one matter entered by hand.
func (e *entry) matter(bad *fault.Problems, in records.MatterInput) records.NewMatter {
	r := records.Matter{SourceText: in.SourceText, Leader: in.Leader, Meeting: in.Meeting, MinutesNo: in.MinutesNo,
		MinutesOn: in.MinutesOn, LetterRef: in.LetterRef, ReportBack: in.ReportBack}
	requirement := strings.TrimSpace(in.Requirement)
	k := e.record(bad, in.Kind, &r, requirement)
	title, text := strings.TrimSpace(in.Title), strings.TrimSpace(in.Text)
	if text == "" {
		text = title
	}
	if title == "" && text != "" {
		title = plandoc.Matter(text, e.year).Title
	}
	switch {
	case title == "":
		bad.At("title", "error.required")
	case utf8.RuneCountInString(title) > MaxTitle:
		bad.At("title", "matters.error.too_long", "max", MaxTitle)
	}
	if utf8.RuneCountInString(text) > MaxText {
		bad.At("text", "matters.error.too_long", "max", MaxText)
	}
	links, key, name := e.links(in.Units)
	if key != "" {
		bad.At("units", key, "name", name)
	}
	deadlines, field, key := e.deadlines(in.Deadline, in.Every)
	if key != "" {
		bad.At(field, key)
	}
	return records.NewMatter{Source: k.Source, Year: e.year, PlanTitle: RegisterTitle(k.Source, e.year),
		Task:  plandoc.Task{Title: title, Text: text, Deadlines: deadlines, Targets: []plandoc.Target{}, Milestones: []plandoc.Milestone{}},
		Units: links, Requirement: requirement, Matter: r}
}

// batch checks a pasted list: the shared record at its fields, each line
// at "lines.N", a line whose units lie outside p's scope too.
func (e *entry) batch(p authz.Principal, in records.MatterBatch) ([]records.NewMatter, *fault.Problems) {
	bad := &fault.Problems{}
	r := records.Matter{SourceText: in.SourceText, Leader: in.Leader, Meeting: in.Meeting, MinutesNo: in.MinutesNo,
		MinutesOn: in.MinutesOn, LetterRef: in.LetterRef, ReportBack: in.ReportBack}
	requirement := strings.TrimSpace(in.Requirement)
	k := e.record(bad, in.Kind, &r, requirement)
	var lines []string
	var numbers []int
	for i, l := range strings.Split(strings.ReplaceAll(in.Lines, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines, numbers = append(lines, l), append(numbers, i+1)
		}
	}
	switch {
	case len(lines) == 0:
		bad.At("lines", "matters.error.no_lines")
	case len(lines) > MaxLines:
		bad.At("lines", "matters.error.too_many_lines", "max", MaxLines)
	}
	fallbackUnits, key, name := e.links(in.Units)
	if len(in.Units) > 0 && key != "" {
		bad.At("units", key, "name", name)
	}
	var fallbackDeadlines []plandoc.Deadline
	if strings.TrimSpace(in.Deadline) != "" {
		var field string
		if fallbackDeadlines, field, key = e.deadlines(in.Deadline, ""); key != "" {
			bad.At(field, key)
		}
	}
	out := make([]records.NewMatter, 0, len(lines))
	for i, line := range lines {
		at := "lines." + strconv.Itoa(numbers[i])
		label := func(extra string) {
			bad.Label(at, fault.Label{Key: "matters.field.line", Args: map[string]any{"n": numbers[i], "text": excerpt(line), "name": extra}})
		}
		t := plandoc.Matter(line, e.year)
		if utf8.RuneCountInString(line) > MaxText {
			bad.At(at, "matters.error.line_too_long")
			label("")
			continue
		}
		if utf8.RuneCountInString(t.Title) > MaxTitle {
			t.Title = string([]rune(t.Title)[:MaxTitle])
		}
		links := fallbackUnits
		if len(t.Units) > 0 || len(t.LeadUnits) > 0 {
			named := make([]records.UnitLink, 0, len(t.Units))
			for _, u := range appendNew(t.LeadUnits, t.Units...) {
				named = append(named, records.UnitLink{Name: u, Lead: contains(t.LeadUnits, u)})
			}
			var name string
			if links, key, name = e.links(named); key != "" {
				bad.At(at, "matters.error.line_unit")
				label(name)
				continue
			}
		}
		if len(links) == 0 {
			bad.At(at, "matters.error.line_no_unit")
			label("")
			continue
		}
		if !authz.WithinScope(p, records.LinkIDs(links)) {
			bad.At(at, authz.OutsideScopeKey)
			label("")
			continue
		}
		deadlines := t.Deadlines
		if !dated(deadlines) {
			deadlines = append(deadlines, fallbackDeadlines...)
		}
		if !dated(deadlines) {
			bad.At(at, "matters.error.line_no_deadline")
			label("")
			continue
		}
		out = append(out, records.NewMatter{Source: k.Source, Year: e.year, PlanTitle: RegisterTitle(k.Source, e.year),
			Task: plandoc.Task{Title: t.Title, Text: line, Deadlines: deadlines, Targets: t.Targets,
				Milestones: []plandoc.Milestone{}, Weight: t.Weight},
			Units: links, Requirement: requirement, Matter: r})
	}
	return out, bad
}

// links resolves units against the registry: by id, or else by a name or
// alias it knows; with none marked lead the first leads. It returns the
// refusal's key and the name at fault when one does not resolve.
func (e *entry) links(in []records.UnitLink) (out []records.UnitLink, key, name string) {
	if len(in) == 0 {
		return nil, "matters.error.units", ""
	}
	seen := map[int64]bool{}
	lead := false
	for _, l := range in {
		l.Name = strings.TrimSpace(l.Name)
		if l.UnitID != 0 {
			u, ok := e.byID[l.UnitID]
			if !ok {
				return nil, "error.unit_not_found", l.Name
			}
			l.Name = u.Name
		} else {
			m := e.ix.Match(l.Name)
			if l.Name == "" || m.UnitID == 0 {
				return nil, "matters.error.unit_unknown", l.Name
			}
			l.UnitID, l.Name = m.UnitID, e.byID[m.UnitID].Name
		}
		if seen[l.UnitID] {
			continue
		}
		seen[l.UnitID] = true
		lead = lead || l.Lead
		out = append(out, l)
	}
	if !lead {
		out[0].Lead = true
	}
	return out, "", ""
}

// deadlines reads a deadline (an ISO date, or words the importer reads)
// and a cadence; a matter needs one or the other. It returns the field
// and key of a refusal.
func (e *entry) deadlines(deadline, every string) (out []plandoc.Deadline, field, key string) {
	deadline, every = strings.TrimSpace(deadline), strings.TrimSpace(every)
	out = []plandoc.Deadline{}
	switch {
	case deadline == "":
	case isDate(deadline):
		out = append(out, plandoc.Deadline{Text: deadline, Due: deadline})
	default:
		read := plandoc.Deadlines(deadline, e.year)
		if !dated(read) {
			return nil, "deadline", "matters.error.deadline"
		}
		out = append(out, read...)
	}
	if every != "" {
		if !knownCadence(every) {
			return nil, "every", "matters.error.every"
		}
		out = append(out, plandoc.Deadline{Text: cadenceText[every], Every: every})
	}
	if len(out) == 0 {
		return nil, "deadline", "matters.error.deadline_required"
	}
	return out, "", ""
}

// cadenceText is the words a cadence chosen from a list is written with.
var cadenceText = map[string]string{plandoc.EveryMonth: "每月", plandoc.EveryQuarter: "每季度",
	plandoc.EveryHalfYear: "每半年", plandoc.EveryYear: "每年"}

func knownCadence(s string) bool { _, ok := cadenceText[s]; return ok }

// dated reports whether deadlines give a date or a cadence.
func dated(ds []plandoc.Deadline) bool {
	for _, d := range ds {
		if d.Due != "" || d.Every != "" {
			return true
		}
	}
	return false
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

func excerpt(s string) string {
	r := []rune(s)
	if len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func appendNew(list []string, more ...string) []string {
	out := append([]string{}, list...)
	for _, m := range more {
		if !contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}
