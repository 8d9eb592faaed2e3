package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/i18n"
)

// UnitFormPage is the data of the create and edit unit forms.
type UnitFormPage struct {
	Page
	IsNew   bool
	ID      int64
	Form    UnitForm
	Parents []UnitOption // the tree; the unit itself and its subtree disabled
	Kinds   []Option
	// Groups are the unit groups a catch-all unit may stand for (分解下达),
	// offered on edit when the registry has groups.
	Groups []Option
}

// UnitForm is the unit form's values and errors. Aliases is the textarea's
// text, one alias a line.
type UnitForm struct {
	Name     string
	ParentID int64
	Kind     string
	Aliases  string
	Email    string
	// MembersGroupID is the group chosen for a catch-all unit; GroupGiven
	// says the form offered the choice.
	MembersGroupID int64
	GroupGiven     bool
	Errors         FieldErrors
}

// readUnitForm reads and checks the posted unit form.
func readUnitForm(r *http.Request) UnitForm {
	f := UnitForm{
		Name:    field(r, "name"),
		Kind:    field(r, "kind"),
		Aliases: strings.TrimSpace(r.PostFormValue("aliases")),
		Email:   field(r, "email"),
		Errors:  FieldErrors{},
	}
	if p := field(r, "parent"); p != "" {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil || id < 0 {
			f.Errors.add("parent", "error.invalid")
		}
		f.ParentID = id
	}
	if _, ok := r.PostForm["members_group_id"]; ok {
		f.GroupGiven = true
		if g := field(r, "members_group_id"); g != "" {
			id, err := strconv.ParseInt(g, 10, 64)
			if err != nil || id < 0 {
				f.Errors.add("members_group_id", "error.invalid")
			}
			f.MembersGroupID = id
		}
	}
	checkText(f.Errors, "name", f.Name, true)
	if !validUnitKind(f.Kind) {
		f.Errors.add("kind", "error.kind_invalid")
	}
	for _, a := range splitAliases(f.Aliases) {
		checkText(f.Errors, "aliases", a, false)
		if a == f.Name {
			f.Errors.add("aliases", "error.alias_is_name")
		}
	}
	return f
}

// splitAliases reads one alias a line; commas and 、 also separate, since
// that is how people paste lists of names.
func splitAliases(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range strings.FieldsFunc(s, func(r rune) bool {
		return r == '\n' || r == '\r' || r == ',' || r == '，' || r == '、' || r == ';' || r == '；'
	}) {
		a = strings.TrimSpace(a)
		if a != "" && !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

func (f UnitForm) input() UnitInput {
	in := UnitInput{Name: f.Name, ParentID: f.ParentID, Kind: f.Kind, Aliases: splitAliases(f.Aliases), Email: f.Email}
	if f.GroupGiven {
		g := f.MembersGroupID
		in.MembersGroupID = &g
	}
	return in
}

// renderUnitForm shows the form with the parent tree and kinds filled in.
// On edit the unit and everything under it cannot be chosen as parent,
// which would make a loop.
func (h *Handler) renderUnitForm(w http.ResponseWriter, r *http.Request, status int, data UnitFormPage) {
	units, err := h.d.Units.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var blocked map[int64]bool
	if !data.IsNew {
		blocked = descendants(units, data.ID)
	}
	for _, u := range unitTree(units) {
		data.Parents = append(data.Parents, UnitOption{
			ID: u.ID, Name: u.Name, Depth: u.Depth,
			Selected: u.ID == data.Form.ParentID, Disabled: blocked[u.ID],
		})
	}
	loc := i18n.FromContext(r.Context())
	for _, k := range UnitKinds {
		data.Kinds = append(data.Kinds, Option{Value: k, Label: loc.T(unitKindKey(k)), Selected: k == data.Form.Kind})
	}
	if !data.IsNew && h.d.Registry != nil {
		groups, err := h.d.Registry.Groups(r.Context())
		if err != nil {
			h.fail(w, r, err)
			return
		}
		for _, g := range groups {
			data.Groups = append(data.Groups, Option{Value: strconv.FormatInt(g.ID, 10), Label: g.Name, Selected: g.ID == data.Form.MembersGroupID})
		}
	}
	if data.Form.Errors == nil {
		data.Form.Errors = FieldErrors{}
	}
	data.Page = h.basePage(w, r, "")
	h.render(w, r, status, "unit_form", data)
}

// checkParent refuses a parent that would put the unit under itself.
func (h *Handler) checkParent(r *http.Request, id int64, f *UnitForm) error {
	if f.ParentID == 0 || id == 0 {
		return nil
	}
	units, err := h.d.Units.List(r.Context())
	if err != nil {
		return err
	}
	if descendants(units, id)[f.ParentID] {
		f.Errors.add("parent", "error.parent_cycle")
	}
	return nil
}
