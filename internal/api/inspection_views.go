package api

import (
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/inspectsvc"
	"github.com/duban/duban/internal/records"
)

// planEntryView is an entry of the 督查计划 with its kind worded.
type planEntryView struct {
	records.InspectionPlanEntry
	KindLabel string `json:"kind_label"`
}

// inspectionView is an inspection held, with its findings as they stand.
type inspectionView struct {
	records.Inspection
	KindLabel string        `json:"kind_label"`
	Findings  []findingView `json:"findings"`
	// Found and Open count the problems (in lists, where Findings is
	// empty).
	Found int `json:"found"`
	Open  int `json:"open"`
}

// findingView is a problem found, with its state in the 问题清单: status
// is rectifying, overdue, pending (销号 applied for, waiting for 复查) or
// passed.
type findingView struct {
	records.Finding
	KindLabel   string `json:"kind_label"`
	Status      string `json:"status"`
	StatusLabel string `json:"status_label"`
}

func viewPlanEntry(loc i18n.Localizer, e records.InspectionPlanEntry) planEntryView {
	return planEntryView{InspectionPlanEntry: e, KindLabel: loc.T("inspection.kind." + e.Kind)}
}

func viewFinding(loc i18n.Localizer, f inspectsvc.Finding) findingView {
	return findingView{Finding: f.Finding, KindLabel: loc.T("inspection.kind." + f.Kind), Status: f.Status,
		StatusLabel: loc.T("inspection.status." + f.Status)}
}

func viewInspection(loc i18n.Localizer, in *records.Inspection, found []inspectsvc.Finding) inspectionView {
	out := inspectionView{Inspection: *in, KindLabel: loc.T("inspection.kind." + in.Kind), Findings: []findingView{}}
	out.Inspection.Findings = nil
	for _, f := range found {
		out.Findings = append(out.Findings, viewFinding(loc, f))
		out.Found++
		if f.State != records.FindingPassed {
			out.Open++
		}
	}
	return out
}

// viewOr is f's view, or nil when there is none (an error answers).
func viewOr(loc i18n.Localizer, f *inspectsvc.Finding) *findingView {
	if f == nil {
		return nil
	}
	v := viewFinding(loc, *f)
	return &v
}
