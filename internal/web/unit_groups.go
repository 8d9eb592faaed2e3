package web

import (
	"net/http"
	"slices"
	"unicode/utf8"
)

// GroupListPage is the unit groups page (单位分组).
type GroupListPage struct {
	Page
	Groups   []GroupView
	CanWrite bool
	// CanRank: the reader reads the rankings, so each group links its own.
	CanRank bool
}

// GroupFormPage is the create and edit group form.
type GroupFormPage struct {
	Page
	IsNew bool
	ID    int64
	Form  GroupForm
	Units []UnitOption // the registry as a tree, the members checked
}

// GroupForm is the group form's values and errors.
type GroupForm struct {
	Name, Note string
	Members    []int64
	Errors     FieldErrors
}

// groupList shows the unit groups and their members.
func (h *Handler) groupList(w http.ResponseWriter, r *http.Request) {
	gs, err := h.d.Registry.Groups(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	u, _ := CurrentUserFrom(r.Context())
	h.render(w, r, http.StatusOK, "unit_groups", GroupListPage{Page: h.basePage(w, r, ""), Groups: gs,
		CanWrite: h.d.Units.MayWrite(r.Context()) == nil,
		CanRank:  h.d.Assessment != nil && (u.Role == RoleOffice || u.Role == RoleLeader || u.Role == RoleLiaison)})
}

// groupNew shows an empty group form.
func (h *Handler) groupNew(w http.ResponseWriter, r *http.Request) {
	if err := h.d.Units.MayWrite(r.Context()); err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderGroupForm(w, r, http.StatusOK, GroupFormPage{IsNew: true})
}

// groupEdit shows a group's form filled in.
func (h *Handler) groupEdit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.d.Units.MayWrite(r.Context()); err != nil {
		h.fail(w, r, err)
		return
	}
	g, err := h.d.Registry.Group(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderGroupForm(w, r, http.StatusOK, GroupFormPage{ID: id, Form: GroupForm{Name: g.Name, Note: g.Note, Members: g.Members}})
}

// groupCreate and groupUpdate save the form.
func (h *Handler) groupCreate(w http.ResponseWriter, r *http.Request) { h.groupSave(w, r, 0) }

func (h *Handler) groupUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.groupSave(w, r, id)
}

func (h *Handler) groupSave(w http.ResponseWriter, r *http.Request, id int64) {
	if !parseForm(w, r) {
		return
	}
	form := GroupForm{Name: field(r, "name"), Note: field(r, "note"), Members: formIDs(r, "members"), Errors: FieldErrors{}}
	checkText(form.Errors, "name", form.Name, true)
	if utf8.RuneCountInString(form.Note) > 500 {
		form.Errors.add("note", "error.too_long")
	}
	if !form.Errors.Any() {
		in := GroupInput{Name: form.Name, Note: form.Note, Members: form.Members}
		var err error
		if id == 0 {
			_, err = h.d.Registry.CreateGroup(r.Context(), in)
		} else {
			err = h.d.Registry.UpdateGroup(r.Context(), id, in)
		}
		if err == nil {
			flash(w, r, "success", "groups.saved", "name", form.Name)
			redirect(w, r, "/units/groups")
			return
		}
		fe, ok := validationErrors(r, err)
		if !ok {
			h.fail(w, r, err)
			return
		}
		form.Errors = fe
	}
	h.renderGroupForm(w, r, http.StatusUnprocessableEntity, GroupFormPage{IsNew: id == 0, ID: id, Form: form})
}

// groupDelete removes a group; its units stay.
func (h *Handler) groupDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.d.Units.MayWrite(r.Context()); err != nil {
		h.fail(w, r, err)
		return
	}
	g, err := h.d.Registry.Group(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.d.Registry.DeleteGroup(r.Context(), id); err != nil {
		h.fail(w, r, err)
		return
	}
	flash(w, r, "success", "groups.deleted", "name", g.Name)
	redirect(w, r, "/units/groups")
}

// renderGroupForm shows the group form with the registry to choose the
// members from.
func (h *Handler) renderGroupForm(w http.ResponseWriter, r *http.Request, status int, data GroupFormPage) {
	units, err := h.d.Units.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, u := range unitTree(units) {
		data.Units = append(data.Units, UnitOption{ID: u.ID, Name: u.Name, Depth: u.Depth, Selected: slices.Contains(data.Form.Members, u.ID)})
	}
	if data.Form.Errors == nil {
		data.Form.Errors = FieldErrors{}
	}
	data.Page = h.basePage(w, r, "")
	h.render(w, r, status, "unit_group_form", data)
}
