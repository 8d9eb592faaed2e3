package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"strings"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
)

// problem is one thing wrong with a posted input, at its field.
type problem struct {
	Field   string `json:"field"`
	Label   string `json:"label,omitempty"`
	Message string `json:"message"`
}

// writeProblems answers 422 with each problem at its field, and the
// problems joined after heading as the error's message, each under its
// label, so that a client showing only the message still says where.
func writeProblems(w http.ResponseWriter, heading string, out []problem) {
	writeProblemsAs(w, http.StatusUnprocessableEntity, fault.Invalid, heading, out)
}

// writeProblemsAs answers problems at their fields under another code and
// status: a conflict or a refusal in the record's state that names the
// field it is about (a duty already recorded, at kind).
func writeProblemsAs(w http.ResponseWriter, status int, code fault.Code, heading string, out []problem) {
	msgs := make([]string, len(out))
	for i, p := range out {
		msgs[i] = p.Message
		if p.Label != "" && !strings.HasPrefix(p.Message, p.Label) {
			msgs[i] = p.Label + "：" + msgs[i]
		}
	}
	writeJSON(w, status, map[string]any{
		"error":    map[string]string{"code": string(code), "message": heading + joinSentences(msgs)},
		"problems": out})
}

// joinSentences joins the catalogue's sentences with "；": their own
// closing marks dropped when there are several, one at the end.
func joinSentences(msgs []string) string {
	if len(msgs) < 2 {
		return strings.Join(msgs, "")
	}
	trimmed := make([]string, len(msgs))
	for i, m := range msgs {
		trimmed[i] = strings.TrimRight(m, "。；;")
	}
	return strings.Join(trimmed, "；") + "。"
}

// readInput decodes the body into in, and names a malformed one's field
// at fault: 400, the body is not such an input at all.
func readInput(r *http.Request, in any) error {
	err := readJSON(r, in)
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return errInvalid("api.problem.json_type", "field", typeErr.Field, "kind", i18n.Lookup(localizer(r).Lang(), "api.kind."+kindWord(typeErr.Type)))
	case strings.Contains(err.Error(), "unknown field"):
		_, name, _ := strings.Cut(err.Error(), "unknown field ")
		return errInvalid("api.problem.unknown_field", "name", name)
	}
	return errInvalid("api.problem.not_object")
}

// decoded reads the request's JSON body into in, as readInput does; on a
// problem it answers it and says false.
func decoded(w http.ResponseWriter, r *http.Request, in any) bool {
	if err := readInput(r, in); err != nil {
		fail(w, r, err)
		return false
	}
	return true
}

// kindWord is what a JSON value of Go type t must be: a code of the
// catalogue's api.kind.* names.
func kindWord(t reflect.Type) string {
	if t == nil {
		return "text"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Bool:
		return "bool"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	}
	return "text"
}
