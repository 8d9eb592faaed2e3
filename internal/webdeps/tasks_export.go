package webdeps

import (
	"context"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/report"
	"github.com/duban/duban/internal/web"
)

// exportPage is how many tasks one query of an export reads: the most
// the store hands out at once, so a large ledger streams in slices.
const exportPage = 500

// shanghai is the zone of the dates people read in the sheet.
var shanghai = time.FixedZone("CST", 8*3600)

// Export writes the ledger of the tasks matching f that the user may
// read, through report.WriteLedger, reading them 500 at a time. The
// export itself is recorded in the audit log: a ledger leaving the
// system is worth knowing about.
func (s *tasks) Export(ctx context.Context, f web.TaskFilter, w io.Writer) error {
	p, actor, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return err
	}
	plans, err := s.d.Store.FindPlans(ctx)
	if err != nil {
		return err
	}
	titles := map[int64]string{}
	for _, pl := range plans {
		titles[pl.ID] = pl.Title
	}
	if err := s.d.Store.RecordEvent(ctx, actor, "ledger.export", "task", "", exportDetail(f)); err != nil {
		return err
	}
	by := actor.Username
	if cu, ok := web.CurrentUserFrom(ctx); ok && cu.DisplayName != "" {
		by = cu.DisplayName
	}
	meta := report.LedgerMeta{Title: "执行台账", Subtitle: s.subtitle(ctx, f, titles), GeneratedAt: s.d.Ledger.Now(),
		GeneratedBy: by, GroupByPlan: f.PlanID == 0 && (f.Sort == "" || f.Sort == "plan")}
	if f.PlanID != 0 {
		meta.Title = titles[f.PlanID] + " 执行台账"
	}
	return report.WriteLedger(w, meta, s.rows(ctx, p, f, titles))
}

// rows pages through the matching tasks and yields them as sheet rows.
func (s *tasks) rows(ctx context.Context, p authz.Principal, f web.TaskFilter, titles map[int64]string) iter.Seq2[report.LedgerRow, error] {
	return func(yield func(report.LedgerRow, error) bool) {
		sf := storeTaskFilter(f)
		sf.Limit = exportPage
		for sf.Offset = 0; ; sf.Offset += exportPage {
			list, total, err := s.d.Ledger.List(ctx, p, sf)
			if err != nil {
				yield(report.LedgerRow{}, err)
				return
			}
			for i := range list {
				row, err := s.ledgerRow(ctx, &list[i], titles)
				if !yield(row, err) || err != nil {
					return
				}
			}
			if len(list) < exportPage || sf.Offset+len(list) >= total {
				return
			}
		}
	}
}

// ledgerRow renders one task for the sheet. 进展情况 is the latest
// report's text, which the task list does not carry: it is read only for
// tasks that have reports.
func (s *tasks) ledgerRow(ctx context.Context, t *ledgersvc.Task, titles map[int64]string) (report.LedgerRow, error) {
	row := report.LedgerRow{TaskID: t.ID, Seq: strings.Join(t.Path, "."), Plan: titles[t.PlanID], Title: t.Title,
		Units: t.Units, LeadUnits: t.LeadUnits, Due: t.Due, Percent: t.Percent, Status: t.StatusLabel, Light: t.Light}
	var dl []string
	for _, d := range t.Deadlines {
		dl = append(dl, d.Text)
	}
	row.Deadline = strings.Join(dl, "；")
	if t.LastReportAt != nil {
		row.LastReport = t.LastReportAt.In(shanghai).Format("2006-01-02")
		reports, err := s.d.Store.FindProgress(ctx, t.ID)
		if err != nil {
			return row, err
		}
		if len(reports) > 0 {
			row.Progress = reports[0].Text
		}
	}
	return row, nil
}

// subtitle says which tasks the sheet holds, in the office's words.
func (s *tasks) subtitle(ctx context.Context, f web.TaskFilter, titles map[int64]string) string {
	var parts []string
	if f.UnitID != 0 {
		if u, err := s.d.Store.FindUnitByID(ctx, f.UnitID); err == nil {
			parts = append(parts, "责任单位："+u.Name)
		}
	}
	if f.Status != "" {
		parts = append(parts, "状态："+ledger.Status(f.Status).Label())
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

var lightLabels = map[string]string{"red": "红灯", "yellow": "黄灯", "green": "绿灯", "blue": "蓝灯"}

func day(t time.Time) string {
	if t.IsZero() {
		return "…"
	}
	return t.Format("2006-01-02")
}

func exportDetail(f web.TaskFilter) map[string]any {
	return map[string]any{"plan": f.PlanID, "unit": f.UnitID, "status": f.Status, "light": f.Light,
		"due_from": day(f.DueFrom), "due_to": day(f.DueTo), "q": f.Q, "sort": f.Sort}
}
