package webdeps

import (
	"context"
	"strconv"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/inspectsvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// inspections are the field inspections over the service: the office
// plans, records and rechecks, leaders read, a liaison reads the 问题清单
// of their units.
type inspections struct{ d *Deps }

// inspectionOrder is the inspections' forms' fields, as the service
// names them.
var inspectionOrder = []string{"year", "title", "kind", "month", "planned_on", "unit_ids", "notes", "plan_entry_id", "held_on", "place",
	"inspectors", "method", "summary", "description", "unit_id", "due", "files", "result", "note", "new_due", "status"}

// findingLights are the finding's states as the ledger's lights.
var findingLights = map[string]string{
	inspectsvc.StatusRectifying: "blue", inspectsvc.StatusOverdue: "red", inspectsvc.StatusPending: "yellow", inspectsvc.StatusPassed: "green",
}

func kindOptions(loc i18n.Localizer, selected string) []web.Option {
	var out []web.Option
	for _, k := range inspectsvc.Kinds {
		out = append(out, web.Option{Value: k, Label: loc.T("inspection.kind." + k), Selected: k == selected})
	}
	return out
}

func (s *inspections) units(ctx context.Context, selected map[string]bool) ([]web.Option, error) {
	units, err := s.d.Inspections.Units(ctx)
	if err != nil {
		return nil, err
	}
	out := unitOptions(units)
	for i := range out {
		out[i].Selected = selected[out[i].Value]
	}
	return out, nil
}

func (s *inspections) Plan(ctx context.Context, year int) (*web.InspectionPlanView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	list, err := s.d.Inspections.Plan(ctx, p, year)
	if err != nil {
		return nil, refused(ctx, err)
	}
	loc := i18n.FromContext(ctx)
	v := &web.InspectionPlanView{Year: year, Prev: year - 1, Next: year + 1, CanEdit: authz.Allowed(p, authz.InspectionWrite)}
	for _, e := range list {
		v.Rows = append(v.Rows, web.PlanEntryRow{ID: e.ID, Month: e.Month, PlannedOn: e.PlannedOn, Title: e.Title,
			Kind: loc.T("inspection.kind." + e.Kind), Units: e.Units, Notes: e.Notes, Held: e.Held})
	}
	if v.CanEdit {
		v.Kinds = kindOptions(loc, "")
		if v.Units, err = s.units(ctx, nil); err != nil {
			return nil, err
		}
		for m := 1; m <= 12; m++ {
			v.Months = append(v.Months, m)
		}
	}
	return v, nil
}

func (s *inspections) AddPlanEntry(ctx context.Context, in web.PlanEntryForm) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	year, _ := strconv.Atoi(in.Year)
	month, _ := strconv.Atoi(in.Month)
	e := records.InspectionPlanEntry{Year: year, Title: in.Title, Kind: in.Kind, Month: month, PlannedOn: in.PlannedOn, Notes: in.Notes}
	for _, u := range in.Units {
		if id, err := strconv.ParseInt(u, 10, 64); err == nil {
			e.UnitIDs = append(e.UnitIDs, id)
		}
	}
	_, err = s.d.Inspections.AddPlanEntry(ctx, p, actor, e)
	return refused(ctx, err, inspectionOrder...)
}

func (s *inspections) DeletePlanEntry(ctx context.Context, id int64) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	return refused(ctx, s.d.Inspections.DeletePlanEntry(ctx, p, actor, id))
}

func (s *inspections) List(ctx context.Context, year int) (*web.InspectionListView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	list, err := s.d.Inspections.Inspections(ctx, p, year)
	if err != nil {
		return nil, refused(ctx, err)
	}
	loc := i18n.FromContext(ctx)
	v := &web.InspectionListView{Year: year, Prev: year - 1, Next: year + 1, CanRecord: authz.Allowed(p, authz.InspectionWrite)}
	for _, in := range list {
		v.Rows = append(v.Rows, web.InspectionRow{ID: in.ID, HeldOn: in.HeldOn, Title: in.Title, Kind: loc.T("inspection.kind." + in.Kind),
			Place: in.Place, Inspectors: in.Inspectors, Found: in.Found, Open: in.Open})
	}
	if v.CanRecord {
		v.Kinds = kindOptions(loc, "")
		entries, err := s.d.Inspections.Plan(ctx, p, year)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			v.Entries = append(v.Entries, web.Option{Value: strconv.FormatInt(e.ID, 10),
				Label: loc.T("inspections.month", "m", e.Month) + " " + e.Title + "（" + loc.T("inspection.kind."+e.Kind) + "）"})
		}
	}
	return v, nil
}

func (s *inspections) Record(ctx context.Context, in web.InspectionForm) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	entry, _ := strconv.ParseInt(in.PlanEntry, 10, 64)
	v, err := s.d.Inspections.Record(ctx, p, actor, records.Inspection{PlanEntryID: entry, Kind: in.Kind, Title: in.Title, HeldOn: in.HeldOn,
		Place: in.Place, Inspectors: in.Inspectors, Method: in.Method, Summary: in.Summary})
	if err != nil {
		return 0, refused(ctx, err, inspectionOrder...)
	}
	return v.ID, nil
}

func findingRow(loc i18n.Localizer, f inspectsvc.Finding, canRecheck bool) web.FindingRow {
	row := web.FindingRow{ID: f.ID, InspectionID: f.InspectionID, Inspection: f.Inspection, HeldOn: f.HeldOn, Kind: loc.T("inspection.kind." + f.Kind),
		Description: f.Description, Unit: f.Unit, Due: f.Due, Status: f.Status, StatusLabel: loc.T("inspection.status." + f.Status),
		Light: findingLights[f.Status], TaskID: f.TaskID, CanRecheck: canRecheck && f.State == records.FindingRectifying}
	for _, a := range f.Files {
		row.Files = append(row.Files, web.FileLink{ID: a.ID, Name: a.Filename, Size: a.Size})
	}
	for _, c := range f.Rechecks {
		row.Rechecks = append(row.Rechecks, web.RecheckRow{HeldOn: c.HeldOn, Note: c.Note, NewDue: c.NewDue, Actor: c.Actor, Passed: c.Passed})
	}
	if n := len(row.Rechecks); n > 0 {
		row.LastRecheck = &row.Rechecks[n-1]
	}
	return row
}

func (s *inspections) Get(ctx context.Context, id int64) (*web.InspectionView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	in, found, err := s.d.Inspections.Inspection(ctx, p, id)
	if err != nil {
		return nil, refused(ctx, err)
	}
	loc := i18n.FromContext(ctx)
	v := &web.InspectionView{ID: in.ID, Title: in.Title, Kind: loc.T("inspection.kind." + in.Kind), HeldOn: in.HeldOn, Place: in.Place,
		Inspectors: in.Inspectors, Method: in.Method, Summary: in.Summary, CanEdit: authz.Allowed(p, authz.InspectionWrite),
		Today: s.d.Inspections.Today()}
	if in.PlanEntryID != 0 {
		if e, err := s.d.Inspections.PlanEntry(ctx, p, in.PlanEntryID); err == nil {
			v.PlanEntry = strconv.Itoa(e.Year) + " · " + loc.T("inspections.month", "m", e.Month) + " · " + e.Title
		}
	}
	for _, f := range found {
		v.Findings = append(v.Findings, findingRow(loc, f, v.CanEdit))
	}
	if v.CanEdit {
		if v.Units, err = s.units(ctx, nil); err != nil {
			return nil, err
		}
	}
	return v, nil
}

func (s *inspections) AddFinding(ctx context.Context, id int64, in web.FindingForm) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	unit, _ := strconv.ParseInt(in.Unit, 10, 64)
	_, err = s.d.Inspections.AddFinding(ctx, p, actor, id, inspectsvc.FindingInput{Description: in.Description, UnitID: unit, Due: in.Due,
		Files: uploads(in.Files)})
	return refused(ctx, err, inspectionOrder...)
}

func (s *inspections) AddPhotos(ctx context.Context, finding int64, files []web.Upload) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	f, err := s.d.Inspections.AddPhotos(ctx, p, actor, finding, uploads(files))
	if err != nil {
		return s.inspectionOf(ctx, p, finding), refused(ctx, err, inspectionOrder...)
	}
	return f.InspectionID, nil
}

// inspectionOf is the inspection of a finding p may read, for the page
// a refusal shows again; 0 when there is none.
func (s *inspections) inspectionOf(ctx context.Context, p authz.Principal, finding int64) int64 {
	if f, err := s.d.Inspections.Finding(ctx, p, finding); err == nil {
		return f.InspectionID
	}
	return 0
}

func (s *inspections) Recheck(ctx context.Context, finding int64, in web.RecheckForm) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	if in.Result != "passed" && in.Result != "failed" {
		return s.inspectionOf(ctx, p, finding), refused(ctx, fault.Field("result", "inspection.error.result"))
	}
	f, err := s.d.Inspections.Recheck(ctx, p, actor, finding, inspectsvc.RecheckInput{HeldOn: in.HeldOn, Passed: in.Result == "passed",
		Note: in.Note, NewDue: in.NewDue})
	if err != nil {
		return s.inspectionOf(ctx, p, finding), refused(ctx, err, inspectionOrder...)
	}
	return f.InspectionID, nil
}

func (s *inspections) filter(q web.FindingQuery) inspectsvc.Filter {
	year, _ := strconv.Atoi(q.Year)
	unit, _ := strconv.ParseInt(q.Unit, 10, 64)
	return inspectsvc.Filter{Year: year, UnitID: unit, Status: q.Status}
}

func (s *inspections) Findings(ctx context.Context, q web.FindingQuery) (*web.FindingListView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	list, err := s.d.Inspections.Findings(ctx, p, s.filter(q))
	if err != nil {
		return nil, refused(ctx, err)
	}
	loc := i18n.FromContext(ctx)
	v := &web.FindingListView{Query: q, ShowInspectionLink: authz.Allowed(p, authz.InspectionRead),
		ExportHref: "/findings/export.xlsx?year=" + q.Year + "&unit=" + q.Unit + "&status=" + q.Status}
	for _, f := range list {
		v.Rows = append(v.Rows, findingRow(loc, f, false))
	}
	for _, st := range inspectsvc.Statuses {
		v.Statuses = append(v.Statuses, web.Option{Value: st, Label: loc.T("inspection.status." + st), Selected: st == q.Status})
	}
	this, _ := strconv.Atoi(s.d.Inspections.Today()[:4])
	for y := this; y >= this-2; y-- {
		v.Years = append(v.Years, web.Option{Value: strconv.Itoa(y), Label: loc.T("inspections.year", "year", y), Selected: strconv.Itoa(y) == q.Year})
	}
	if p.Role == authz.Liaison {
		units, err := s.d.Inspections.Units(ctx)
		if err != nil {
			return nil, err
		}
		for _, u := range units {
			if p.HasUnit(u.ID) && len(p.Units) > 1 {
				v.Units = append(v.Units, web.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.Name, Selected: strconv.FormatInt(u.ID, 10) == q.Unit})
			}
		}
	} else if v.Units, err = s.units(ctx, map[string]bool{q.Unit: true}); err != nil {
		return nil, err
	}
	return v, nil
}

func (s *inspections) Export(ctx context.Context, q web.FindingQuery) ([]byte, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	data, err := s.d.Inspections.Export(ctx, p, actor, s.filter(q))
	return data, refused(ctx, err)
}

func (s *inspections) File(ctx context.Context, id int64) (*web.Download, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	a, body, err := s.d.Inspections.File(ctx, p, actor, id)
	if err != nil {
		return nil, refused(ctx, err)
	}
	return &web.Download{Filename: a.Filename, ContentType: a.ContentType, ModTime: a.CreatedAt, Body: body}, nil
}
