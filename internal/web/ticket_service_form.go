package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// TicketServiceFormPage is the form that adds or changes a category.
type TicketServiceFormPage struct {
	Page
	IsNew bool
	Form  TicketServiceForm
	Units []Option
	Types []Option
	Paths []string
}

// TicketServiceForm is the category form's values and errors.
type TicketServiceForm struct {
	ServiceInput
	Errors FieldErrors
}

// serviceCode is an Open311 service_code duban accepts: short, and safe
// in a URL and a spreadsheet.
var serviceCode = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$`)

// The bounds of a category: deep and long enough for any province's
// catalogue, short enough to show on the intake form.
const (
	maxPathLevels   = 6
	maxLevelLen     = 30
	maxKeywordsLen  = 200
	maxServiceNames = maxNameLen
)

// readServiceForm reads and checks the posted category form; the code
// is read only for a new service, since it never changes.
func readServiceForm(r *http.Request, isNew bool) TicketServiceForm {
	f := TicketServiceForm{Errors: FieldErrors{}, ServiceInput: ServiceInput{
		Name: field(r, "name"), Type: field(r, "type"), Active: r.PostFormValue("active") == "1",
	}}
	if isNew {
		f.Code = field(r, "code")
		switch {
		case f.Code == "":
			f.Errors.add("code", "error.service_code_required")
		case !serviceCode.MatchString(f.Code):
			f.Errors.add("code", "error.service_code_invalid")
		}
	}
	switch {
	case f.Name == "":
		f.Errors.add("name", "error.service_name_required")
	case utf8.RuneCountInString(f.Name) > maxServiceNames:
		f.Errors.add("name", "error.service_name_too_long")
	}
	var ok bool
	f.Path, ok = normalPath(field(r, "path"))
	switch {
	case f.Path == "" && ok:
		f.Errors.add("path", "error.service_path_required")
	case !ok:
		f.Errors.add("path", "error.service_path_invalid")
	}
	if f.Type == "" {
		f.Errors.add("type", "error.service_type_invalid")
	}
	if u := field(r, "unit"); u != "" {
		id, err := strconv.ParseInt(u, 10, 64)
		if err != nil || id < 0 {
			f.Errors.add("unit", "error.service_unit_invalid")
		}
		f.UnitID = id
	}
	f.Keywords = normalKeywords(r.PostFormValue("keywords"))
	if utf8.RuneCountInString(f.Keywords) > maxKeywordsLen {
		f.Errors.add("keywords", "error.service_keywords_too_long")
	}
	return f
}

// normalPath writes a category path one way: levels separated by "/"
// (a full-width ／ or a backslash typed by habit counts), each trimmed.
// It reports false for an empty level between others, too many levels or
// a level too long.
func normalPath(s string) (string, bool) {
	s = strings.NewReplacer("／", "/", "\\", "/").Replace(strings.TrimSpace(s))
	s = strings.Trim(s, "/ ")
	if s == "" {
		return "", true
	}
	levels := strings.Split(s, "/")
	for i, l := range levels {
		levels[i] = strings.TrimSpace(l)
		if levels[i] == "" || utf8.RuneCountInString(levels[i]) > maxLevelLen {
			return s, false
		}
	}
	return strings.Join(levels, "/"), len(levels) <= maxPathLevels
}

// normalKeywords keeps each keyword once, separated by a space, however
// they were typed: spaces, commas, 、 or semicolons.
func normalKeywords(s string) string {
	var out []string
	seen := map[string]bool{}
	for _, k := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\u3000' || r == ',' || r == '，' || r == '、' || r == ';' || r == '；' || r == '\n' || r == '\r' || r == '\t'
	}) {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return strings.Join(out, " ")
}

// renderServiceForm shows the category form with the units, types and
// paths to choose from, marking the form's own.
func (h *Handler) renderServiceForm(w http.ResponseWriter, r *http.Request, status int, data TicketServiceFormPage) {
	code := data.Form.Code
	if data.IsNew {
		code = ""
	}
	v, err := h.d.Hotline.ServiceForm(r.Context(), code)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, o := range v.Units {
		o.Selected = o.Value == strconv.FormatInt(data.Form.UnitID, 10)
		data.Units = append(data.Units, o)
	}
	for _, o := range v.Types {
		o.Selected = o.Value == data.Form.Type
		data.Types = append(data.Types, o)
	}
	data.Paths = v.Paths
	if data.Form.Errors == nil {
		data.Form.Errors = FieldErrors{}
	}
	// A form sent back with its errors switches language to the empty
	// form or the service's own, which answer GET.
	back := ""
	if r.Method == http.MethodPost {
		back = "/tickets/services/new"
		if !data.IsNew {
			back = "/tickets/services/" + data.Form.Code + "/edit"
		}
	}
	data.Page = h.basePage(w, r, back)
	h.render(w, r, status, "ticket_service_form", data)
}
