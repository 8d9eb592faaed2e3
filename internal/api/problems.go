package api

import (
	"cmp"
	"encoding/json"
	"errors"
	"github.com/duban/duban/internal/i18n"
	"net/http"
	"reflect"
	"strings"
)

// problem is one thing wrong with a posted input, at its field.
type problem struct {
	Field   string `json:"field"`
	Label   string `json:"label"`
	Message string `json:"message"`
}

// writeProblems answers 422 with each problem at its field, and the
// problems joined after heading as the error's message, each under its
// label, so that a client showing only the message still says where. The
// catalogue's messages are sentences: when several are joined with "；"
// their own closing marks are dropped, and the whole ends with one.
func writeProblems(w http.ResponseWriter, heading string, out []problem) {
	msgs := make([]string, len(out))
	for i, p := range out {
		msgs[i] = p.Message
		if len(out) > 1 {
			msgs[i] = strings.TrimRight(msgs[i], "。；;")
		}
		if p.Label != "" && !strings.HasPrefix(p.Message, p.Label) {
			msgs[i] = p.Label + "：" + msgs[i]
		}
	}
	msg := strings.Join(msgs, "；")
	if len(out) > 1 {
		msg += "。"
	}
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
		"error":    map[string]string{"code": "invalid", "message": heading + msg},
		"problems": out})
}

// field is one field of an input: its JSON name and its label, the
// Chinese name the services' problems begin with.
type field struct{ json, label string }

// fields are an input's fields. A JSON name or a label may appear twice:
// the first entry names it, so a label shared by several fields (联系方式)
// points at the first of them.
type fields []field

func (fs fields) label(json string) string {
	for _, f := range fs {
		if f.json == json {
			return f.label
		}
	}
	return ""
}

func (fs fields) json(label string) string {
	for _, f := range fs {
		if f.label == label {
			return f.json
		}
	}
	return ""
}

// at places problems worded "标签：问题", as foiasvc and emergencysvc word
// them, at their fields. One without a label, or with one no field has
// (the clock refusing a step), stays at no field.
func (fs fields) at(problems []string) []problem {
	out := make([]problem, len(problems))
	for i, p := range problems {
		label, msg, ok := strings.Cut(p, "：")
		if !ok {
			out[i] = problem{Message: p}
			continue
		}
		out[i] = problem{Field: fs.json(label), Label: label, Message: msg}
	}
	return out
}

// readInput decodes the body into in, and words a malformed one in
// Chinese with the field at fault: 400, the body is not such an input at
// all. label names a JSON field in Chinese.
func readInput(r *http.Request, in any, label func(json string) string) error {
	err := readJSON(r, in)
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &typeErr) && typeErr.Field != "":
		name := cmp.Or(label(typeErr.Field), typeErr.Field)
		return errInvalid("api.problem.field_type", "name", name, "field", typeErr.Field, "kind", i18n.Lookup(localizer(r).Lang(), "api.kind."+kindWord(typeErr.Type)))
	case strings.Contains(err.Error(), "unknown field"):
		_, name, _ := strings.Cut(err.Error(), "unknown field ")
		return errInvalid("api.problem.unknown_field", "name", name)
	}
	return errInvalid("api.problem.not_object")
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
