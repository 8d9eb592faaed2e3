package web

import "context"

// Inspections are the office's field inspections (实地督查、专项督查、对账
// 督查、明察暗访): the year's 督查计划, the inspections held with the
// problems they found, each a task of the ledger, and the 问题清单.
type Inspections interface {
	// Plan is a year's 督查计划, with the form to add to it for the
	// office. AddPlanEntry and DeletePlanEntry change it.
	Plan(ctx context.Context, year int) (*InspectionPlanView, error)
	AddPlanEntry(ctx context.Context, in PlanEntryForm) error
	DeletePlanEntry(ctx context.Context, id int64) error
	// List is a year's inspections, with the form to record one.
	List(ctx context.Context, year int) (*InspectionListView, error)
	Record(ctx context.Context, in InspectionForm) (int64, error)
	// Get is an inspection with its findings, the forms to add one, to
	// add photos and to recheck.
	Get(ctx context.Context, id int64) (*InspectionView, error)
	AddFinding(ctx context.Context, id int64, in FindingForm) error
	// AddPhotos and Recheck act on a finding and return its inspection.
	AddPhotos(ctx context.Context, finding int64, files []Upload) (int64, error)
	Recheck(ctx context.Context, finding int64, in RecheckForm) (int64, error)
	// Findings is the 问题清单 the user may read; Export is it as .xlsx.
	Findings(ctx context.Context, q FindingQuery) (*FindingListView, error)
	Export(ctx context.Context, q FindingQuery) ([]byte, error)
	// File is a finding's photo, for whoever may read the finding.
	File(ctx context.Context, id int64) (*Download, error)
}

// PlanEntryForm is the form to add an inspection to the 督查计划. A
// refusal of any of these forms is a *RulesInputError.
type PlanEntryForm struct {
	Year, Title, Kind, Month, PlannedOn, Notes string
	Units                                      []string
	Problems                                   []string
}

// PlanEntryRow is one entry of the 督查计划.
type PlanEntryRow struct {
	ID               int64
	Month            int
	PlannedOn, Title string
	Kind             string // its label
	Units            []string
	Notes            string
	Held             int // inspections recorded against it
}

// InspectionPlanView is the 督查计划 page of a year.
type InspectionPlanView struct {
	Year, Prev, Next int
	Rows             []PlanEntryRow
	CanEdit          bool
	Kinds, Units     []Option
	Months           []int
	Form             PlanEntryForm
}

// InspectionForm is the form to record an inspection held.
type InspectionForm struct {
	PlanEntry, Kind, Title, HeldOn, Place, Inspectors, Method, Summary string
	Problems                                                           []string
}

// InspectionRow is an inspection in the year's list.
type InspectionRow struct {
	ID                                     int64
	HeldOn, Title, Kind, Place, Inspectors string
	Found, Open                            int
}

// InspectionListView is the inspections page of a year.
type InspectionListView struct {
	Year, Prev, Next int
	Rows             []InspectionRow
	CanRecord        bool
	Kinds, Entries   []Option
	Form             InspectionForm
}

// RecheckRow is a 复查 of a finding.
type RecheckRow struct {
	HeldOn, Note, NewDue, Actor string
	Passed                      bool
}

// FindingRow is a problem found, as the inspection page and the 问题清单
// show it.
type FindingRow struct {
	ID, InspectionID           int64
	Inspection, HeldOn, Kind   string
	Description, Unit, Due     string
	Status, StatusLabel, Light string
	TaskID                     int64
	Files                      []FileLink
	Rechecks                   []RecheckRow
	// LastRecheck is the latest of Rechecks, nil before the first.
	LastRecheck *RecheckRow
	CanRecheck  bool
}

// InspectionView is an inspection's page.
type InspectionView struct {
	ID                                             int64
	Title, Kind, HeldOn, Place, Inspectors, Method string
	Summary, PlanEntry                             string
	Findings                                       []FindingRow
	CanEdit                                        bool
	Units                                          []Option
	Today                                          string
	Form                                           FindingForm
	Problems                                       []string
}

// FindingForm is the form to record a problem found.
type FindingForm struct {
	Description, Unit, Due string
	Files                  []Upload
}

// RecheckForm is the office's 复查 of a finding: Result passed or failed.
type RecheckForm struct {
	HeldOn, Result, Note, NewDue string
}

// FindingQuery are the 问题清单's filters, as the query string has them.
type FindingQuery struct {
	Year, Unit, Status string
}

// FindingListView is the 问题清单.
type FindingListView struct {
	Query              FindingQuery
	Rows               []FindingRow
	Units, Statuses    []Option
	Years              []Option
	ExportHref         string
	ShowInspectionLink bool // the office and leaders open the inspection
}
