package records

import (
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
)

// PlanImport is one parsed document to store.
type PlanImport struct {
	// SourceName is the document's file name, for people.
	SourceName string
	// SourceSHA256 is the hex SHA-256 of the document's bytes. It is the
	// plan's identity: the same bytes imported twice are stored once.
	SourceSHA256 string
	// Format is what the reader recognised ("text", "docx", "xlsx", "html").
	Format string
	// Plan is the parsed plan.
	Plan *plandoc.Plan
	// Actor is who imports it, for the audit log; the zero value is duban itself.
	Actor audit.Actor
	// Draft keeps the plan under review: its tasks are registered (挂号)
	// and seen by their units only when the office confirms it. Otherwise
	// the plan is confirmed on import.
	Draft bool
	// SourceText is the document's text, shown beside the extracted tasks
	// on the review screen.
	SourceText string
	// Warnings are what the parse did not read in the document (an annex,
	// a table, a paragraph that gave no task), kept for the review screen.
	// Their Line counts lines of SourceText.
	Warnings []plandoc.Warning
}

// Plan is a stored plan: what the document said plus where it came from.
type Plan struct {
	ID           int64
	Title        string
	DocNumber    string
	Issuer       string
	IssuedOn     string // ISO date, "" when none
	Year         int
	SourceName   string
	SourceSHA256 string
	Format       string
	ImportedAt   time.Time // UTC
	Status       string    // draft (under review) or confirmed
	// Source is where the plan's tasks came from: SourcePlan for a plan
	// document, another of Sources for a register of 督办件.
	Source string
	// PublishedAt is when the office put the plan on the public portal;
	// nil while it is not public.
	PublishedAt *time.Time
	TaskCount   int
	// Tasks is filled by FindPlanByID only; lists leave it nil, because a
	// list of plans rarely needs every task of every plan.
	Tasks []Task
}

// Task is a stored task: the parsed task with its database identity.
type Task struct {
	ID     int64
	PlanID int64
	Seq    int    // position in the document, from 0
	Status string // the workflow state: draft, registered, in_progress, pending, closed
	// Source is the task's plan's source (records.Sources).
	Source string
	// UnitIDs are the registry units the task's unit names were matched
	// to; authorisation decides by them.
	UnitIDs []int64
	// UnitLinks are the task's units one by one, with the registry unit
	// each name stands for (0 when unmatched).
	UnitLinks []UnitLink
	plandoc.Task
	// 五落实 beyond the document's own words, filled in at review.
	Goal, Owner, Requirement, Measure string
	// Derived dates (ISO, "" when none) and the reporting cadence.
	Due, NextDue, Every string
	Percent             *float64
	RegisteredAt        *time.Time
	LastReportAt        *time.Time
	// MilestoneDone holds, for each milestone in order, when it was
	// reported done (nil while open).
	MilestoneDone []*time.Time
}

// Doc gives the plan back in the parser's own form, as `duban parse --json`
// would print it. Units are stored once per task with a lead flag, so
// LeadUnits comes back in the order the units were listed.
func (p *Plan) Doc() *plandoc.Plan {
	d := &plandoc.Plan{
		Title:     p.Title,
		DocNumber: p.DocNumber,
		Issuer:    p.Issuer,
		IssuedOn:  p.IssuedOn,
		Year:      p.Year,
		Tasks:     make([]plandoc.Task, len(p.Tasks)),
	}
	for i, t := range p.Tasks {
		d.Tasks[i] = t.Task
	}
	return d
}
