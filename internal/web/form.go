package web

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/i18n"
)

// FieldErrors maps a form field ("" for the form as a whole) to the
// catalogue key of what is wrong with it. Templates show {{t .}}.
type FieldErrors map[string]string

// add records key for field unless the field already has an error: the
// first problem found is the one worth fixing first.
func (fe FieldErrors) add(field, key string) {
	if _, ok := fe[field]; !ok {
		fe[field] = key
	}
}

// Any reports whether there is at least one error.
func (fe FieldErrors) Any() bool { return len(fe) > 0 }

// validationErrors extracts the field errors from err, if it is a
// *ValidationError. A key missing from the catalogue would reach the page
// as a bare key; it becomes the generic message and a log line for the
// developer who forgot it.
func validationErrors(r *http.Request, err error) (FieldErrors, bool) {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return nil, false
	}
	fe := FieldErrors{}
	for field, key := range ve.Fields {
		if !i18n.Has(key) {
			slog.WarnContext(r.Context(), "web: validation key not in catalogue", "key", key, "field", field)
			key = "error.invalid"
		}
		fe[field] = key
	}
	if len(fe) == 0 {
		fe[""] = "error.invalid"
	}
	return fe, true
}

// field is a trimmed form value.
func field(r *http.Request, name string) string {
	return strings.TrimSpace(r.PostFormValue(name))
}

// maxNameLen bounds names and user names, in characters. Long enough for
// any unit's full official name.
const maxNameLen = 100

// checkText records required and length errors for a text field.
func checkText(fe FieldErrors, name, value string, required bool) {
	switch {
	case required && value == "":
		fe.add(name, "error.required")
	case utf8.RuneCountInString(value) > maxNameLen:
		fe.add(name, "error.too_long")
	}
}

// pathID reads the {id} of the route; a malformed id is a page that does
// not exist.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, ErrNotFound
	}
	return id, nil
}

// formIDs reads a multi-valued id field (checkboxes); values that are not
// ids are ignored, since only a tampered form sends them.
func formIDs(r *http.Request, name string) []int64 {
	var ids []int64
	for _, v := range r.PostForm[name] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
			ids = append(ids, id)
		}
	}
	return ids
}

// parseForm reads the posted form; a body over maxFormBytes or garbled
// encoding is the client's fault.
func parseForm(w http.ResponseWriter, r *http.Request) bool {
	if err := r.ParseForm(); err != nil {
		http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
		return false
	}
	return true
}
