package ledgersvc

import (
	"context"
	"io"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/pii"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/report"
)

// Imported is what a progress sheet did.
type Imported struct {
	Imported int `json:"imported"`
	Skipped  int `json:"skipped"` // rows not recorded: unchanged rows of the export and the rows in Closed
	// Closed lists the rows naming a task that is closed (已销号) or
	// awaiting verification: an unfiltered export holds them, and the
	// sheet comes back with them, so they are passed over, not refused.
	Closed []SkippedRow `json:"closed,omitempty"`
}

// SkippedRow is a row of a sheet that was passed over, and why.
type SkippedRow struct {
	Row     int    `json:"row"` // 1-based, as Excel numbers it
	TaskID  int64  `json:"task_id"`
	Key     string `json:"key"`     // the note as a catalogue key, for a page in another language
	Message string `json:"message"` // the note in zh-CN, e.g. "第 5 行：任务已销号，未导入"
}

// ImportProgress records a sheet of progress updates (the exported ledger
// with 进展情况 and 完成比例 filled in) all or none. Rows naming a task p
// may not report on are errors like a bad percent: the whole sheet is
// refused with a *report.SheetError listing every bad row. Rows naming a
// task that is closed (已销号) or awaiting verification are skipped and
// listed in Imported.Closed: the export holds them, and a unit sending the
// export back unchanged has done nothing wrong.
func (s *Service) ImportProgress(ctx context.Context, p authz.Principal, actor audit.Actor, r io.Reader, name string) (*Imported, error) {
	if !authz.Allowed(p, authz.TaskReport) {
		return nil, ErrForbidden
	}
	tasks := map[int64]*records.Task{}
	updates, err := report.ReadProgressFor(r, name, func(id int64) bool {
		t, err := s.Store.FindTaskByID(ctx, id)
		if err != nil || !authz.Can(p, authz.TaskReport, authz.Resource{Units: t.UnitIDs}) {
			return false
		}
		tasks[id] = t
		return true
	})
	if err != nil {
		return nil, err
	}
	if err := checkSheetTexts(name, updates); err != nil {
		return nil, err
	}
	res := &Imported{}
	open := updates[:0:0]
	for _, u := range updates {
		if st := tasks[u.TaskID].Status; !ledger.Workflow(st).Open() {
			key := "report.import.closed_skipped"
			args := []any{"row", u.Row}
			res.Closed = append(res.Closed, SkippedRow{Row: u.Row, TaskID: u.TaskID, Key: key, Message: i18n.Lookup(i18n.ZhCN, key, args...)})
			res.Skipped++
			continue
		}
		open = append(open, u)
	}
	updates = open
	ids := make([]int64, 0, len(updates))
	for _, u := range updates {
		ids = append(ids, u.TaskID)
	}
	latest, err := s.Store.LatestReports(ctx, ids)
	if err != nil {
		return nil, err
	}
	var items []records.ProgressItem
	for _, u := range updates {
		// The export masks personal data (pii.Mask): a report carried
		// over masked is the same report, not a new one.
		if last := latest[u.TaskID]; same(last.Text, u.Text) && same(last.Problems, u.Problems) && same(last.NextSteps, u.NextSteps) {
			res.Skipped++
			continue
		}
		t := tasks[u.TaskID]
		in := records.ProgressInput{UnitID: ReportingUnit(p, t), Text: u.Text, Problems: u.Problems, NextSteps: u.NextSteps, Percent: u.Percent}
		if t.Every != "" {
			if per, err := ledger.PeriodOf(t.Every, s.Today()); err == nil {
				in.Period = per.Key
			}
		}
		items = append(items, records.ProgressItem{TaskID: u.TaskID, ProgressInput: in})
	}
	if _, err := s.Store.AddProgressBatch(ctx, actor, items); err != nil {
		return nil, err
	}
	res.Imported = len(items)
	return res, nil
}

// same reports whether a sheet's cell says what the stored text says, as
// it was exported: personal data masked (pii.Mask).
func same(stored, cell string) bool { return stored == cell || pii.Mask(stored) == cell }

// ReportingUnit is p's unit among the task's units (0 when p reports for
// none of them).
func ReportingUnit(p authz.Principal, t *records.Task) int64 {
	for _, u := range t.UnitIDs {
		if p.HasUnit(u) {
			return u
		}
	}
	return 0
}

// checkSheetTexts refuses a sheet whose progress texts are longer than a
// report may be (MaxText), listing each such row as the reader lists its
// bad rows.
func checkSheetTexts(name string, updates []report.ProgressUpdate) error {
	var bad []report.RowError
	for _, u := range updates {
		for _, c := range []struct{ text, column string }{{u.Text, "ledger.export.progress_column"},
			{u.Problems, "ledger.export.problems_column"}, {u.NextSteps, "ledger.export.next_steps_column"}} {
			if utf8.RuneCountInString(c.text) > MaxText {
				const key = "report.import.text_too_long"
				args := []any{"max", MaxText}
				bad = append(bad, report.RowError{Row: u.Row, Column: sheetText(c.column), Key: key, Args: args,
					Message: i18n.Lookup(i18n.ZhCN, key, args...)})
			}
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return &report.SheetError{File: name, Errors: bad}
}
