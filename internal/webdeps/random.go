package webdeps

import (
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/randomdraw"
	"github.com/duban/duban/internal/randomsvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/workday"
)

// random is 双随机一公开 over the service: the office keeps it, leaders
// read it, the public reads /public/random.
type random struct{ d *Deps }

// randomOrder is the 双随机 forms' fields, as the service names them.
var randomOrder = []string{"file", "name", "cert", "unit_name", "qualifications", "areas", "ties", "unit_id", "joint_ids", "title", "year",
	"matter_id", "matter", "object_type", "basis", "method", "count", "team_size", "grades", "weights", "publish_days", "checked_on", "category", "findings",
	"follow_up", "rectify_due"}

func (s *random) Desk(ctx context.Context) (*web.RandomDeskView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	dir, err := s.d.Random.Directory(ctx, p, 0)
	if err != nil {
		return nil, refused(ctx, err)
	}
	plans, err := s.d.Random.Plans(ctx, p)
	if err != nil {
		return nil, err
	}
	stats, err := s.d.Random.Stats(ctx, p)
	if err != nil {
		return nil, err
	}
	v := &web.RandomDeskView{CanEdit: authz.Allowed(p, authz.InspectionWrite), Total: dir.Total, Inspectors: dir.Inspectors,
		Plans: plans, Stats: stats, Year: s.d.Random.Now().In(workday.Zone).Year()}
	for _, g := range randomsvc.Grades {
		v.Grades = append(v.Grades, web.Option{Value: g, Label: strconv.Itoa(dir.Grades[g])})
	}
	if v.CanEdit && s.d.Inspections != nil {
		units, err := s.d.Inspections.Units(ctx)
		if err != nil {
			return nil, err
		}
		v.Units = unitOptions(units)
	}
	matters, err := s.d.Random.Matters(ctx, p)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, u := range v.Units {
		names[u.Value] = u.Label
	}
	for _, m := range matters {
		unit := names[strconv.FormatInt(m.UnitID, 10)]
		v.Matters = append(v.Matters, web.RandomMatterRow{RandomMatter: m, Unit: unit})
	}
	return v, nil
}

func (s *random) AddMatter(ctx context.Context, in web.RandomMatterForm) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	m := records.RandomMatter{Name: in.Name, ObjectType: in.ObjectType, Basis: in.Basis, Method: in.Method}
	m.UnitID, _ = strconv.ParseInt(in.Unit, 10, 64)
	_, err = s.d.Random.AddMatter(ctx, p, actor, m)
	return refused(ctx, err, randomOrder...)
}

func (s *random) Import(ctx context.Context, f web.Upload) (*randomsvc.ImportReport, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	body, err := io.ReadAll(rc)
	if err != nil {
		return nil, err
	}
	rep, err := s.d.Random.ImportEntities(ctx, p, actor, f.Name, body)
	return rep, refused(ctx, err, randomOrder...)
}

func (s *random) ImportInspectors(ctx context.Context, f web.Upload) (*randomsvc.ImportReport, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	body, err := io.ReadAll(rc)
	if err != nil {
		return nil, err
	}
	rep, err := s.d.Random.ImportInspectors(ctx, p, actor, f.Name, body)
	return rep, refused(ctx, err, randomOrder...)
}

func (s *random) AddInspector(ctx context.Context, in web.RandomInspectorForm) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Random.AddInspector(ctx, p, actor, randomsvc.InspectorInput{Name: in.Name, Cert: in.Cert, UnitName: in.UnitName,
		Qualifications: []string{in.Qualifications}, Areas: []string{in.Areas}, Ties: []string{in.Ties}})
	return refused(ctx, err, randomOrder...)
}

func list(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' })
}

func (s *random) CreatePlan(ctx context.Context, in web.RandomPlanForm) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	num := func(s string) int { n, _ := strconv.Atoi(strings.TrimSpace(s)); return n }
	pi := randomsvc.PlanInput{Title: in.Title, Year: num(in.Year), Matter: in.Matter, Count: num(in.Count), Ratio: num(in.Ratio),
		Types: list(in.Types), Areas: list(in.Areas), Grades: list(strings.ToUpper(in.Grades)), TeamSize: num(in.TeamSize),
		Qualifications: list(in.Qualifications), MatchArea: in.MatchArea, AvoidLast: in.AvoidLast, PublishDays: num(in.PublishDays)}
	pi.UnitID, _ = strconv.ParseInt(in.Unit, 10, 64)
	pi.MatterID, _ = strconv.ParseInt(in.MatterID, 10, 64)
	for _, j := range list(in.Joint) {
		if id, err := strconv.ParseInt(j, 10, 64); err == nil {
			pi.JointIDs = append(pi.JointIDs, id)
		}
	}
	if w := num(in.WeightC); w > 0 {
		pi.Weights = append(pi.Weights, randomdraw.Weight{Grade: "C", Weight: w})
	}
	if w := num(in.WeightD); w > 0 {
		pi.Weights = append(pi.Weights, randomdraw.Weight{Grade: "D", Weight: w})
	}
	plan, err := s.d.Random.CreatePlan(ctx, p, actor, pi)
	if err != nil {
		return 0, refused(ctx, err, randomOrder...)
	}
	return plan.ID, nil
}

func (s *random) Plan(ctx context.Context, id int64) (*web.RandomPlanView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	plan, err := s.d.Random.Plan(ctx, p, id)
	if err != nil {
		return nil, refused(ctx, err)
	}
	loc := i18n.FromContext(ctx)
	v := &web.RandomPlanView{Plan: plan, CanEdit: authz.Allowed(p, authz.InspectionWrite), Today: s.d.Random.Today()}
	for _, c := range randomsvc.Categories {
		v.Categories = append(v.Categories, web.Option{Value: c, Label: loc.T("random.category." + c)})
	}
	return v, nil
}

func (s *random) Draw(ctx context.Context, id int64) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Random.Draw(ctx, p, actor, id)
	return refused(ctx, err, randomOrder...)
}

func (s *random) EnterResult(ctx context.Context, check int64, in randomsvc.ResultInput) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	c, err := s.d.Random.Check(ctx, p, check)
	if err != nil {
		return 0, refused(ctx, err)
	}
	_, err = s.d.Random.EnterResult(ctx, p, actor, check, in)
	return c.PlanID, refused(ctx, err, randomOrder...)
}

func (s *random) Public(ctx context.Context) (*web.RandomPublicView, error) {
	plans, stats, err := s.d.Random.Public(ctx)
	if err != nil {
		return nil, err
	}
	loc := i18n.FromContext(ctx)
	v := &web.RandomPublicView{Plans: plans, Stats: stats, Categories: map[string]string{}}
	for _, c := range randomsvc.Categories {
		v.Categories[c] = loc.T("random.category." + c)
	}
	return v, nil
}
