package web

import (
	"net/http"
	"regexp"
)

// UserFormPage is the data of the create and edit user forms.
type UserFormPage struct {
	Page
	IsNew bool
	ID    int64
	Form  UserForm
	Roles []Option
	Units []UnitOption
}

// UserForm is the user form's values and errors.
type UserForm struct {
	Username    string
	DisplayName string
	Role        string
	UnitIDs     []int64
	Errors      FieldErrors
}

// usernamePattern is what a user name may look like: short, ASCII, no
// spaces, so it can be typed on any keyboard and used in scripts and logs.
var usernamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$`)

// readUserForm reads and checks the posted user form. The checks here are
// the ones a form can make alone; uniqueness and who may grant which role
// are the service's, returned as a *ValidationError or ErrForbidden.
func readUserForm(r *http.Request) UserForm {
	f := UserForm{
		Username:    field(r, "username"),
		DisplayName: field(r, "display_name"),
		Role:        field(r, "role"),
		UnitIDs:     formIDs(r, "units"),
		Errors:      FieldErrors{},
	}
	checkText(f.Errors, "username", f.Username, true)
	if _, bad := f.Errors["username"]; !bad && !usernamePattern.MatchString(f.Username) {
		f.Errors.add("username", "error.username_invalid")
	}
	checkText(f.Errors, "display_name", f.DisplayName, true)
	if !validRole(f.Role) {
		f.Errors.add("role", "error.role_invalid")
	}
	if f.Role == RoleLiaison && len(f.UnitIDs) == 0 {
		f.Errors.add("units", "error.units_required")
	}
	if f.Role != RoleLiaison && f.Role != RoleOffice && f.Role != RoleLeader {
		// A liaison answers for units, an office or a leader oversees
		// their subtrees (分级督查); stale ticks from switching the role
		// must not bind anyone else.
		f.UnitIDs = nil
	}
	return f
}

func (f UserForm) input() UserInput {
	return UserInput{Username: f.Username, DisplayName: f.DisplayName, Role: f.Role, UnitIDs: f.UnitIDs}
}

// renderUserForm shows the form with its options filled in.
func (h *Handler) renderUserForm(w http.ResponseWriter, r *http.Request, status int, data UserFormPage) {
	units, err := h.unitOptions(r.Context(), data.Form.UnitIDs)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	data.Units = units
	data.Roles = h.roleOptions(r, data.Form.Role)
	data.Page = h.basePage(w, r, "")
	if data.Form.Errors == nil {
		data.Form.Errors = FieldErrors{}
	}
	h.render(w, r, status, "user_form", data)
}
