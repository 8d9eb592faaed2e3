package records

import (
	"fmt"
	"time"
)

// Attachment describes an uploaded file kept by package files.
type Attachment struct {
	ID          int64     `json:"id"`
	Filename    string    `json:"filename"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	CreatedAt   time.Time `json:"created_at"`
}

// ProgressInput is a unit's progress report.
type ProgressInput struct {
	UnitID         int64           // the reporting unit, 0 when the office reports
	Period         string          // reporting period key ("2026-Q3"), "" for none
	Text           string          // 进展情况
	Problems       string          // 存在问题, "" when the report names none
	NextSteps      string          // 下步计划, "" when the report names none
	Percent        *float64        // 完成比例 0–100
	MilestonesDone []int           // milestones (by their place in the task) now done
	Targets        map[int]float64 // target values reached, by the target's place
	Attachments    []Attachment
}

// Progress is a stored report.
type Progress struct {
	ID          int64           `json:"id"`
	TaskID      int64           `json:"task_id"`
	UnitID      int64           `json:"unit_id,omitempty"`
	AuthorID    int64           `json:"author_id"`
	Author      string          `json:"author"`
	Period      string          `json:"period"`
	Text        string          `json:"text"`
	Problems    string          `json:"problems"`
	NextSteps   string          `json:"next_steps"`
	Percent     *float64        `json:"percent,omitempty"`
	Targets     map[int]float64 `json:"targets,omitempty"`
	CreatedAt   time.Time       `json:"created_at"`
	Attachments []Attachment    `json:"attachments"`
}

// LatestReport is the words of a task's latest report, as an exported
// ledger shows them.
type LatestReport struct {
	Text, Problems, NextSteps string
}

// ProgressItem is one report of a batch.
type ProgressItem struct {
	TaskID int64
	ProgressInput
}

// ItemError says which item of a batch failed; the batch stored nothing.
type ItemError struct {
	Index int
	Err   error
}

func (e *ItemError) Error() string { return fmt.Sprintf("item %d: %v", e.Index+1, e.Err) }

func (e *ItemError) Unwrap() error { return e.Err }
