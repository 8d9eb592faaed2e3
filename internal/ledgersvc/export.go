package ledgersvc

import (
	"context"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/pii"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/report"
	"github.com/duban/duban/internal/workday"
)

// exportPage is how many tasks one query of an export reads: the most the
// store hands out at once, so a large ledger streams in slices.
const exportPage = 500

// Export writes, as an .xlsx through report.WriteLedger, the ledger of the
// tasks matching f that p may read, reading them 500 at a time. The export
// is recorded in the audit log first (a ledger leaving the system is worth
// knowing about, even one that fails half-way), and the sheet names who
// asked by their display name, or their account name when they have none.
// Every text in it passes pii.Mask, whoever asks: a workbook travels by
// e-mail and USB stick where no permission follows it, so an ID or phone
// number someone wrote into a title or a report leaves only masked.
func (s *Service) Export(ctx context.Context, p authz.Principal, actor audit.Actor, f records.TaskFilter, w io.Writer) error {
	if !authz.Allowed(p, authz.TaskRead) {
		return ErrForbidden
	}
	if err := s.Store.RecordEvent(ctx, actor, "ledger.export", "task", "", ExportDetail(f)); err != nil {
		return err
	}
	by := s.displayName(ctx, actor.ID, actor.Username)
	plans, err := s.Store.FindPlans(ctx)
	if err != nil {
		return err
	}
	titles := map[int64]string{}
	for _, pl := range plans {
		titles[pl.ID] = pii.Mask(pl.Title)
	}
	meta := report.LedgerMeta{Title: sheetText("ledger.export.title"), Subtitle: s.subtitle(ctx, f), GeneratedAt: s.Now(), GeneratedBy: by,
		GroupByPlan: f.PlanID == 0 && (f.Sort == "" || f.Sort == "plan")}
	if f.PlanID != 0 {
		meta.Title = sheetText("ledger.export.plan_title", "plan", titles[f.PlanID])
	}
	return report.WriteLedger(w, meta, s.rows(ctx, p, f, titles))
}

// rows pages through the matching tasks and yields them as sheet rows.
func (s *Service) rows(ctx context.Context, p authz.Principal, f records.TaskFilter, titles map[int64]string) iter.Seq2[report.LedgerRow, error] {
	return func(yield func(report.LedgerRow, error) bool) {
		f.Limit = exportPage
		for f.Offset = 0; ; f.Offset += exportPage {
			list, total, err := s.List(ctx, p, f)
			if err != nil {
				yield(report.LedgerRow{}, err)
				return
			}
			ids := make([]int64, len(list))
			for i := range list {
				ids[i] = list[i].ID
			}
			latest, err := s.Store.LatestReports(ctx, ids)
			if err != nil {
				yield(report.LedgerRow{}, err)
				return
			}
			for i := range list {
				if !yield(ledgerRow(&list[i], titles, latest), nil) {
					return
				}
			}
			if len(list) < exportPage || f.Offset+len(list) >= total {
				return
			}
		}
	}
}

// ledgerRow renders one task for the sheet; 进展情况, 存在问题 and 下步计划
// are its latest report's.
func ledgerRow(t *Task, titles map[int64]string, latest map[int64]records.LatestReport) report.LedgerRow {
	row := report.LedgerRow{TaskID: t.ID, Seq: pii.Mask(ledger.Numbering(t.Path)), Plan: titles[t.PlanID], Title: pii.Mask(t.Title),
		Units: t.Units, LeadUnits: t.LeadUnits, Due: t.Due, Percent: t.Percent, Status: t.StatusLabel, Light: t.Light,
		Progress: pii.Mask(latest[t.ID].Text), Problems: pii.Mask(latest[t.ID].Problems), NextSteps: pii.Mask(latest[t.ID].NextSteps)}
	var dl []string
	for _, d := range t.Deadlines {
		dl = append(dl, d.Text)
		// 时间要求 shows the date each deadline was read as; one naming no
		// date ("长期坚持", "每季度") keeps its words.
		if d.Due != "" {
			row.Dates = append(row.Dates, d.Due)
		} else if strings.TrimSpace(d.Text) != "" {
			row.Dates = append(row.Dates, pii.Mask(d.Text))
		}
	}
	row.Deadline = pii.Mask(strings.Join(dl, "；"))
	if t.LastReportAt != nil {
		row.LastReport = t.LastReportAt.In(workday.Zone).Format("2006-01-02")
	}
	return row
}

// sheetText is a text of the sheet from the catalogue. The sheet is in
// zh-CN whoever exports it: it goes back in through ImportProgress, whose
// reader knows the zh-CN headers, and on to offices that file it.
func sheetText(key string, args ...any) string { return i18n.Lookup(i18n.ZhCN, key, args...) }

// subtitle says which tasks the sheet holds, in the office's words.
func (s *Service) subtitle(ctx context.Context, f records.TaskFilter) string {
	var parts []string
	if f.UnitID != 0 {
		if u, err := s.Store.FindUnitByID(ctx, f.UnitID); err == nil {
			parts = append(parts, sheetText("ledger.export.unit", "name", u.Name))
		}
	}
	if f.Status != "" {
		parts = append(parts, sheetText("ledger.export.status", "status", f.Status.Label()))
	}
	if f.Light != "" {
		if l := sheetText("ledger.export.light." + string(f.Light)); l != "ledger.export.light."+string(f.Light) {
			parts = append(parts, sheetText("ledger.export.light", "light", l))
		}
	}
	if !f.DueFrom.IsZero() || !f.DueTo.IsZero() {
		parts = append(parts, sheetText("ledger.export.due", "from", day(f.DueFrom), "to", day(f.DueTo)))
	}
	if f.Q != "" {
		parts = append(parts, sheetText("ledger.export.q", "q", f.Q))
	}
	if len(parts) == 0 {
		if f.PlanID != 0 {
			return sheetText("ledger.export.all_tasks")
		}
		return sheetText("ledger.export.all_plans")
	}
	return strings.Join(parts, "；")
}

func day(t time.Time) string {
	if t.IsZero() {
		return "…"
	}
	return t.Format("2006-01-02")
}

// ExportDetail is what the audit log keeps of an export: its filter.
func ExportDetail(f records.TaskFilter) map[string]any {
	return map[string]any{"plan": f.PlanID, "unit": f.UnitID, "status": f.Status, "light": f.Light,
		"due_from": day(f.DueFrom), "due_to": day(f.DueTo), "q": f.Q, "sort": f.Sort}
}
