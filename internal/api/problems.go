package api

import (
	"encoding/json"
	"errors"
	"maps"
	"net/http"
	"reflect"
	"slices"
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
	msgs := make([]string, len(out))
	for i, p := range out {
		msgs[i] = p.Message
		if p.Label != "" && !strings.HasPrefix(p.Message, p.Label) {
			msgs[i] = p.Label + "：" + msgs[i]
		}
	}
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
		"error":    map[string]string{"code": "invalid", "message": heading + joinSentences(msgs)},
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

// refuse answers a service's refusal, a *fault.Error with catalogue keys,
// in the caller's language (Accept-Language): the status of fault.Status,
// the refusal's code, its sentences as the message and, for an input,
// each problem at its field (422). Anything else goes to fail.
//
// It stays until fail (respond.go) reads fault.Error generically.
func refuse(w http.ResponseWriter, r *http.Request, err error) {
	e := fault.As(err)
	switch {
	case e != nil && e.Code == fault.Forbidden:
		fail(w, r, errors.Join(errForbidden, err))
		return
	case e != nil && e.Code == fault.Unauthenticated:
		fail(w, r, errors.Join(errUnauthenticated, err))
		return
	case e == nil || (e.Key == "" && len(e.Fields) == 0):
		fail(w, r, err)
		return
	}
	loc := localizer(r)
	var args []any
	for _, k := range slices.Sorted(maps.Keys(e.Args)) {
		args = append(args, k, e.Args[k])
	}
	var msgs []string
	if e.Key != "" {
		msgs = append(msgs, loc.T(e.Key, args...))
	}
	out := []problem{}
	for _, f := range slices.Sorted(maps.Keys(e.Fields)) {
		msg := loc.T(e.Fields[f], args...)
		out = append(out, problem{Field: f, Message: msg})
		msgs = append(msgs, msg)
	}
	body := map[string]any{"error": map[string]string{"code": string(e.Code), "message": joinSentences(msgs)}}
	if len(out) > 0 {
		body["problems"] = out
	}
	writeJSON(w, fault.Status(err), body)
}

// answer answers with v, or refuses err when there is one.
func answer(w http.ResponseWriter, r *http.Request, status int, v any, err error) {
	if err != nil {
		refuse(w, r, err)
		return
	}
	writeJSON(w, status, v)
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
