package ledgersvc

import (
	"context"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
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
		titles[pl.ID] = pl.Title
	}
	meta := report.LedgerMeta{Title: "执行台账", Subtitle: s.subtitle(ctx, f), GeneratedAt: s.Now(), GeneratedBy: by,
		GroupByPlan: f.PlanID == 0 && (f.Sort == "" || f.Sort == "plan")}
	if f.PlanID != 0 {
		meta.Title = titles[f.PlanID] + " 执行台账"
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
			latest, err := s.Store.LatestReportTexts(ctx, ids)
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

// ledgerRow renders one task for the sheet; 进展情况 is its latest report.
func ledgerRow(t *Task, titles map[int64]string, latest map[int64]string) report.LedgerRow {
	row := report.LedgerRow{TaskID: t.ID, Seq: strings.Join(t.Path, "."), Plan: titles[t.PlanID], Title: t.Title,
		Units: t.Units, LeadUnits: t.LeadUnits, Due: t.Due, Percent: t.Percent, Status: t.StatusLabel, Light: t.Light,
		Progress: latest[t.ID]}
	var dl []string
	for _, d := range t.Deadlines {
		dl = append(dl, d.Text)
	}
	row.Deadline = strings.Join(dl, "；")
	if t.LastReportAt != nil {
		row.LastReport = t.LastReportAt.In(workday.Zone).Format("2006-01-02")
	}
	return row
}

// subtitle says which tasks the sheet holds, in the office's words.
func (s *Service) subtitle(ctx context.Context, f records.TaskFilter) string {
	var parts []string
	if f.UnitID != 0 {
		if u, err := s.Store.FindUnitByID(ctx, f.UnitID); err == nil {
			parts = append(parts, "责任单位："+u.Name)
		}
	}
	if f.Status != "" {
		parts = append(parts, "状态："+f.Status.Label())
	}
	if l, ok := lightLabels[f.Light]; ok {
		parts = append(parts, "亮灯："+l)
	}
	if !f.DueFrom.IsZero() || !f.DueTo.IsZero() {
		parts = append(parts, "时限："+day(f.DueFrom)+"至"+day(f.DueTo))
	}
	if f.Q != "" {
		parts = append(parts, "关键词："+f.Q)
	}
	if len(parts) == 0 {
		if f.PlanID != 0 {
			return "全部任务"
		}
		return "全部方案的全部任务"
	}
	return strings.Join(parts, "；")
}

var lightLabels = map[ledger.Light]string{ledger.Red: "红灯", ledger.Yellow: "黄灯", ledger.Green: "绿灯", ledger.Blue: "蓝灯"}

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
