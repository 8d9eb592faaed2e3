package web

import (
	"context"
	"time"

	"github.com/duban/duban/internal/records"
)

// Matters are the 督办件 entered by hand (领导批示, 会议议定事项, 交办件):
// the office's entry forms, the source record on a task's page and the
// 办理结果 report.
type Matters interface {
	// Form is the entry forms' choices (kinds, units, cadences), for the
	// office; others get ErrForbidden.
	Form(ctx context.Context) (*MatterFormView, error)
	// Create enters one matter and returns its task; CreateBatch enters a
	// pasted list, all or nothing. A refusal is a *RulesInputError.
	Create(ctx context.Context, in MatterInput) (int64, error)
	CreateBatch(ctx context.Context, in MatterBatchInput) ([]MatterCreated, error)
	// Report renders the 办理结果 report (.docx), for the office.
	Report(ctx context.Context, task int64) (*Download, error)
}

// MatterInput is the form of one 督办件.
type MatterInput struct {
	Kind, Title, Text, SourceText, Leader, Meeting, MinutesNo, MinutesOn, LetterRef string
	Requirement, Lead, Deadline, Every                                              string
	Support                                                                         []string // unit ids
	ReportBack                                                                      bool
	Files                                                                           []Upload // the source document's scans
	Problems                                                                        []string
}

// MatterBatchInput is the form of a meeting's 议定事项 pasted as a list.
type MatterBatchInput struct {
	Kind, Meeting, MinutesNo, MinutesOn, Leader, Requirement, Lines, Lead, Deadline string
	Problems                                                                        []string
}

// MatterCreated is a task a list entered.
type MatterCreated struct {
	ID    int64
	Path  []string
	Title string
	Units string // lead first
	Due   string // the final deadline, or the cadence
}

// MatterFormView is the entry pages' content.
type MatterFormView struct {
	Kinds    []Option // code → name (source)
	Units    []Option
	Cadences []Option
	Year     int // the year dates without one belong to
	Form     MatterInput
	Batch    MatterBatchInput
	Created  []MatterCreated // what the last list entered
}

// MatterRecord is a task's source record as its page shows it.
type MatterRecord struct {
	Kind, KindName, Source                                       string
	SourceText, Leader, Meeting, MinutesNo, MinutesOn, LetterRef string
	ReportBack                                                   bool
	CreatedBy                                                    string
	CreatedAt                                                    time.Time
	// Attachments are the source document's scans.
	Attachments []records.Attachment
	// CanReport: the user may download the 办理结果 report.
	CanReport bool
}
