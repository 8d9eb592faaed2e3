package ledgersvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/units"
)

// UnitMatch is one unit name of a task as the registry sees it: the unit
// it matched (and how), or suggestions for the office to pick from.
type UnitMatch struct {
	Name        string             `json:"name"`
	Lead        bool               `json:"lead"`
	UnitID      int64              `json:"unit_id,omitempty"`
	How         string             `json:"how,omitempty"` // name, alias, linked (chosen at review), or "" when unknown
	Suggestions []units.Suggestion `json:"suggestions"`
}

// ReviewTask is a task of a plan under review.
type ReviewTask struct {
	Task
	UnitMatches []UnitMatch `json:"unit_matches"`
}

// Plan is a plan without its tasks, for lists.
type Plan struct {
	ID         int64     `json:"id"`
	Title      string    `json:"title"`
	DocNumber  string    `json:"doc_number"`
	Issuer     string    `json:"issuer"`
	IssuedOn   string    `json:"issued_on"`
	Year       int       `json:"year"`
	SourceName string    `json:"source_name"`
	Format     string    `json:"format"`
	Status     string    `json:"status"` // draft or confirmed
	Source     string    `json:"source"` // plan, or a register of 督办件 (records.Sources)
	ImportedAt time.Time `json:"imported_at"`
	TaskCount  int       `json:"task_count"`
	// Published is when the plan went on the public portal; nil while not.
	Published *time.Time `json:"published_at,omitempty"`
}

// PlanOf reads a stored plan for lists.
func PlanOf(p *records.Plan) Plan {
	return Plan{ID: p.ID, Title: p.Title, DocNumber: p.DocNumber, Issuer: p.Issuer, IssuedOn: p.IssuedOn,
		Year: p.Year, SourceName: p.SourceName, Format: p.Format, Status: p.Status, Source: p.Source, ImportedAt: p.ImportedAt, TaskCount: p.TaskCount, Published: p.PublishedAt}
}

// Review is a plan as the review screen needs it: the document's text
// beside the extracted tasks, each unit name matched to the registry,
// what the parse did not read and what the tasks still lack.
type Review struct {
	Plan
	SourceText string       `json:"source_text"`
	Tasks      []ReviewTask `json:"tasks"`
	Unknown    int          `json:"unknown_units"` // names matched to no registered unit
	// Warnings are the parse's document-level warnings (stored at import)
	// followed by plandoc.CheckTasks over the tasks as they stand now.
	Warnings   []plandoc.Warning `json:"warnings"`
	NoUnit     int               `json:"tasks_without_unit"`     // tasks (not optional) with no unit at all
	NoDeadline int               `json:"tasks_without_deadline"` // tasks (not optional) with no deadline or cadence
}

// Review builds the review of a plan (the office's; callers check that).
func (s *Service) Review(ctx context.Context, id int64) (*Review, error) {
	p, err := s.Store.FindPlanByID(ctx, id)
	if err != nil {
		return nil, err
	}
	src, err := s.Store.FindPlanSource(ctx, id)
	if err != nil {
		return nil, err
	}
	warnings, err := s.Store.FindPlanWarnings(ctx, id)
	if err != nil {
		return nil, err
	}
	ix, err := s.unitIndex(ctx)
	if err != nil {
		return nil, err
	}
	rv := &Review{Plan: PlanOf(p), SourceText: src, Tasks: []ReviewTask{}, Warnings: []plandoc.Warning{}}
	for _, w := range warnings {
		// Warnings about the task list were true of the parse, not of
		// the list as the office has edited it: they are recomputed.
		if !plandoc.TaskWarning(w.Kind) {
			rv.Warnings = append(rv.Warnings, w)
		}
	}
	doc := p.Doc()
	for _, w := range plandoc.CheckTasks(doc.Tasks) {
		switch w.Kind {
		case plandoc.WarnNoUnit:
			rv.NoUnit++
		case plandoc.WarnNoDeadline:
			rv.NoDeadline++
		}
		rv.Warnings = append(rv.Warnings, w)
	}
	for i := range p.Tasks {
		t := &p.Tasks[i]
		rt := ReviewTask{Task: s.View(t), UnitMatches: []UnitMatch{}}
		for _, link := range t.UnitLinks {
			name := link.Name
			m := ix.Match(name)
			if link.UnitID != 0 { // the office's own choice (or an earlier match) stands
				m = units.Match{UnitID: link.UnitID, How: "linked"}
			}
			um := UnitMatch{Name: name, Lead: link.Lead, UnitID: m.UnitID, How: m.How, Suggestions: m.Suggestions}
			if um.Suggestions == nil {
				um.Suggestions = []units.Suggestion{}
			}
			if m.UnitID == 0 {
				rv.Unknown++
			}
			rt.UnitMatches = append(rt.UnitMatches, um)
		}
		rv.Tasks = append(rv.Tasks, rt)
	}
	return rv, nil
}

func (s *Service) unitIndex(ctx context.Context) (*units.Index, error) {
	reg, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	list := make([]units.Unit, len(reg))
	for i, u := range reg {
		list[i] = units.Unit{ID: u.ID, Name: u.Name, Aliases: u.Aliases}
	}
	return units.NewIndex(list), nil
}
