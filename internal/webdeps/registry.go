package webdeps

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"html/template"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/units"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/xlsxout"
)

// registry is the registry's housekeeping pages over adminsvc.
type registry struct{ d *Deps }

func (s *registry) Groups(ctx context.Context) ([]web.GroupView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	gs, err := s.d.Admin.UnitGroups(ctx, p)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	names, err := s.unitNames(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]web.GroupView, len(gs))
	for i, g := range gs {
		out[i] = groupView(g, names)
	}
	return out, nil
}

func (s *registry) Group(ctx context.Context, id int64) (web.GroupView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return web.GroupView{}, err
	}
	g, err := s.d.Admin.UnitGroup(ctx, p, id)
	if err != nil {
		return web.GroupView{}, pageError(err, "", "")
	}
	names, err := s.unitNames(ctx)
	if err != nil {
		return web.GroupView{}, err
	}
	return groupView(*g, names), nil
}

func (s *registry) unitNames(ctx context.Context) (map[int64]string, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	us, err := s.d.Admin.Units(ctx, p)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	out := make(map[int64]string, len(us))
	for _, u := range us {
		out[u.ID] = u.Name
	}
	return out, nil
}

func groupView(g records.Group, names map[int64]string) web.GroupView {
	v := web.GroupView{ID: g.ID, Name: g.Name, Note: g.Note, Members: g.Members}
	for _, m := range g.Members {
		v.MemberNames = append(v.MemberNames, names[m])
	}
	units.SortByPinyin(v.MemberNames, func(s string) string { return s })
	return v
}

func (s *registry) CreateGroup(ctx context.Context, in web.GroupInput) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	g, err := s.d.Admin.CreateUnitGroup(ctx, p, actor, records.GroupInput{Name: in.Name, Note: in.Note, Members: in.Members})
	if err != nil {
		return 0, pageError(err, "", "")
	}
	return g.ID, nil
}

func (s *registry) UpdateGroup(ctx context.Context, id int64, in web.GroupInput) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Admin.UpdateUnitGroup(ctx, p, actor, id, records.GroupInput{Name: in.Name, Note: in.Note, Members: in.Members})
	return pageError(err, "", "")
}

func (s *registry) DeleteGroup(ctx context.Context, id int64) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	return pageError(s.d.Admin.DeleteUnitGroup(ctx, p, actor, id), "", "")
}

// mergedRows are the tables a merge moves rows of, by the words the
// page says them in; in the order the page lists them.
var mergedRows = []struct{ column, key string }{
	{"task_units.unit_id", "units.merge.moved.tasks"},
	{"progress_reports.unit_id", "units.merge.moved.reports"},
	{"close_requests.unit_id", "units.merge.moved.close_requests"},
	{"assessment_records.unit_id", "units.merge.moved.records"},
	{"tickets.unit_id", "units.merge.moved.tickets"},
	{"incidents.unit_id", "units.merge.moved.incidents"},
	{"user_units.unit_id", "units.merge.moved.liaisons"},
	{"unit_group_members.unit_id", "units.merge.moved.groups"},
	{"units.parent_id", "units.merge.moved.children"},
	{"unit_aliases.unit_id", "units.merge.moved.aliases"},
}

func (s *registry) Merge(ctx context.Context, from, into int64) (*web.MergeView, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	m, err := s.d.Admin.MergeUnit(ctx, p, actor, from, into)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	loc := i18n.FromContext(ctx)
	v := &web.MergeView{From: m.From.Name, Into: m.Into.Name}
	for _, r := range mergedRows {
		if n := m.Moved[r.column]; n > 0 {
			v.Moved = append(v.Moved, loc.T(r.key, "n", n))
		}
	}
	return v, nil
}

func (s *registry) ImportTemplate(ctx context.Context) (*web.Download, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	data, err := s.d.Admin.RegistryTemplate(p)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	return &web.Download{Filename: i18n.FromContext(ctx).T("units.import.template_file"),
		ContentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		ModTime:     s.d.Signin.Now(), Body: nopSeekCloser{bytes.NewReader(data)}}, nil
}

func (s *registry) Import(ctx context.Context, file web.Upload) (*web.ImportView, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	rc, err := file.Open()
	if err != nil {
		return nil, fmt.Errorf("webdeps: open upload: %w", err)
	}
	defer rc.Close()
	res, err := s.d.Admin.ImportRegistry(ctx, p, actor, rc)
	if err != nil {
		return nil, listError(ctx, err)
	}
	loc := i18n.FromContext(ctx)
	v := &web.ImportView{}
	for _, u := range res.Units {
		v.Units = append(v.Units, u.Name)
	}
	for _, a := range res.Accounts {
		role := loc.T("role.none")
		if a.Role != "" {
			role = loc.T("role." + string(a.Role))
		}
		v.Accounts = append(v.Accounts, web.ImportedAccountView{Username: a.Username, DisplayName: a.DisplayName, Role: role, Password: a.Password})
	}
	if len(v.Accounts) > 0 {
		sheet := xlsxout.Sheet{Name: loc.T("units.import.accounts"), Widths: []float64{20, 16, 16, 24},
			Header: []string{loc.T("field.username"), loc.T("field.display_name"), loc.T("field.role"), loc.T("units.import.password")}}
		for _, a := range v.Accounts {
			sheet.Rows = append(sheet.Rows, []any{a.Username, a.DisplayName, a.Role, a.Password})
		}
		data, err := xlsxout.Write([]xlsxout.Sheet{sheet})
		if err != nil {
			return nil, err
		}
		// The page's own data, not a reader's: a data: link of it is safe.
		v.PasswordsFile = template.URL("data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64," +
			base64.StdEncoding.EncodeToString(data))
	}
	return v, nil
}
