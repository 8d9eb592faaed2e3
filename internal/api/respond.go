package api

import (
	"encoding/json"
	"errors"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/signin"
)

// apiError is the body of every error response.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// Errors a handler raises itself.
var (
	errUnauthenticated = errors.New("请先登录 (sign in first)")
	errForbidden       = errors.New("无权执行此操作 (not allowed for your role or unit)")
	errBadRequest      = errors.New("请求内容有误 (bad request)")
)

// fail writes err as a JSON error with the status it deserves, worded
// from the catalogue in the caller's language (Accept-Language, zh-CN by
// default); internal errors are logged once here and not shown to the
// caller. A service's refusal (fault.Error) is answered from fault's one
// table: its fields as problems (422), its key as the message, with the
// status of its code; a bare code as the code's own message.
func fail(w http.ResponseWriter, r *http.Request, err error) {
	loc := localizer(r)
	if e := fault.As(err); e != nil && (len(e.Fields) > 0 || (e.Key != "" && !errors.Is(err, records.ErrClosed))) {
		failFault(w, loc, e)
		return
	}
	status, code := http.StatusInternalServerError, "internal"
	switch {
	case errors.Is(err, signin.ErrBadCredentials):
		status, code = http.StatusUnauthorized, "bad_credentials"
	case errors.Is(err, errUnauthenticated), errors.Is(err, signin.ErrNoSession), errors.Is(err, fault.ErrUnauthenticated):
		status, code = http.StatusUnauthorized, "unauthenticated"
	case errors.Is(err, signin.ErrDisabled):
		status, code = http.StatusForbidden, "disabled"
	case errors.Is(err, signin.ErrLocked):
		status, code = http.StatusLocked, "locked"
	case errors.Is(err, errForbidden), errors.Is(err, fault.ErrForbidden):
		status, code = http.StatusForbidden, "forbidden"
	case errors.Is(err, fault.ErrNotFound):
		status, code = http.StatusNotFound, "not_found"
	case errors.Is(err, fault.ErrConflict):
		status, code = http.StatusConflict, "conflict"
	case errors.Is(err, records.ErrClosed):
		status, code = http.StatusConflict, "closed"
	case errors.Is(err, fault.ErrState):
		status, code = http.StatusConflict, "state"
	case errors.Is(err, fault.ErrInvalid), errors.Is(err, errBadRequest):
		status, code = http.StatusBadRequest, "invalid"
	case r.Context().Err() != nil:
		// The caller went away (or timed out) while it was answered: not
		// the server's failure, and it reads no answer.
		slog.Debug("api: request ended by its caller", "method", r.Method, "path", r.URL.Path, "err", err)
	default:
		slog.Error("api", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	msg := loc.T("api.error." + code)
	if code == "invalid" {
		msg = invalidMessage(loc, err)
	}
	var body apiError
	body.Error.Code, body.Error.Message = code, msg
	writeJSON(w, status, body)
}

// failFault answers a refusal that names its fields or its reason: the
// fields as problems under their labels (422 for an input; a conflict or
// a state that names its field keeps its own status), or the key as the message
// with the code's status. A field's label is the one the refusal gives
// it (fault.Label), else fieldLabels' by its name; the key of a refusal
// with fields is a problem of the whole, listed first.
func failFault(w http.ResponseWriter, loc i18n.Localizer, e *fault.Error) {
	args := e.Pairs()
	if len(e.Fields) > 0 {
		out := make([]problem, 0, len(e.Fields))
		for _, f := range slices.Sorted(maps.Keys(e.Fields)) {
			p := problem{Field: f, Message: loc.T(e.Fields[f], args...), Label: e.LabelOf(loc.T, f)}
			if key, ok := fieldLabels[f]; ok && p.Label == "" {
				p.Label = loc.T(key)
			}
			out = append(out, p)
		}
		if e.Key != "" {
			// A problem of the input as a whole, as the pages list it: first.
			out = append([]problem{{Message: loc.T(e.Key, args...)}}, out...)
		}
		writeProblemsAs(w, fault.Status(e), e.Code, "", out)
		return
	}
	var body apiError
	body.Error.Code, body.Error.Message = string(e.Code), loc.T(e.Key, args...)
	writeJSON(w, fault.Status(e), body)
}

// fieldLabels name the fields of the services' inputs by catalogue key,
// for problems that a client shows without its own form, where the
// refusal names none itself (the ledger's fields, whose names mean the
// same on every input that has them).
var fieldLabels = map[string]string{
	"file": "plans.field.file", "title": "plans.field.title", "doc_number": "plans.col.doc_number",
	"issuer": "plans.field.issuer", "issued_on": "plans.field.issued_on", "year": "plans.field.year",
	"path": "plans.field.path", "units": "plans.field.units", "deadlines": "plans.field.deadlines",
	"targets": "plans.field.targets", "milestones": "plans.field.milestones", "weight": "plans.field.weight",
	"after": "plans.field.after", "at": "plans.field.at", "with": "plans.field.with",
	"text": "plans.field.text", "goal": "task.goal", "owner": "task.owner", "requirement": "task.requirement",
	"measure": "task.measure", "percent": "task.report.percent", "files": "task.files", "reason": "task.return.reason",
	"username": "field.username", "password": "field.password", "display_name": "field.display_name", "role": "field.role",
	"parent": "field.parent", "into": "units.merge.into", "group": "assess.group", "members": "groups.field.members",
	"note": "groups.field.note",
}

// badRequest is a problem with a request, a message of the catalogue
// (api.problem.*) and its name/value pairs, worded in the caller's
// language when it is answered.
type badRequest struct {
	key  string
	args []any
}

func (b badRequest) Error() string        { return i18n.Lookup(i18n.ZhCN, b.key, b.args...) }
func (b badRequest) Is(target error) bool { return target == errBadRequest }

// errInvalid is a 400 worded from the catalogue.
func errInvalid(key string, args ...any) error { return badRequest{key, args} }

// invalidMessage words a 400: the heading, then each problem on its own
// line, as errors.Join writes them. A problem the services word in zh-CN
// themselves (fault.ErrInvalid's detail) is passed on as it is.
func invalidMessage(loc i18n.Localizer, err error) string {
	lines := []string{loc.T("api.error.invalid")}
	var walk func(error)
	walk = func(e error) {
		b, isProblem := e.(badRequest)
		switch {
		case isProblem:
			lines = append(lines, loc.T(b.key, b.args...))
		case e == errBadRequest:
		default:
			if j, ok := e.(interface{ Unwrap() []error }); ok {
				for _, x := range j.Unwrap() {
					walk(x)
				}
				return
			}
			lines = append(lines, e.Error())
		}
	}
	walk(err)
	if len(lines) > 1 && !errors.Is(err, errBadRequest) {
		// A fault.ErrInvalid: its text already says what was wrong.
		return strings.Join(lines[1:], "\n")
	}
	return strings.Join(lines, "\n")
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true) // a JSON body opened in a browser must not run markup
	_ = enc.Encode(v)
}

// writeJSONBytes answers with b, JSON made already, as writeJSON would.
func writeJSONBytes(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// readJSON decodes a request body of at most 1 MiB into v.
func readJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errors.Join(errBadRequest, err)
	}
	return nil
}

// require returns the caller when they may do action on res; otherwise the
// error to answer with (401 for nobody, 403 for the wrong role or unit).
func require(r *http.Request, action authz.Action, res authz.Resource) (*httpauth.Caller, error) {
	c := httpauth.From(r.Context())
	if c == nil {
		return nil, errUnauthenticated
	}
	if !authz.Can(c.Principal(), action, res) {
		return nil, errForbidden
	}
	return c, nil
}

// allowed is require for actions checked before the resource is known.
func allowed(r *http.Request, action authz.Action) (*httpauth.Caller, error) {
	c := httpauth.From(r.Context())
	if c == nil {
		return nil, errUnauthenticated
	}
	if !authz.Allowed(c.Principal(), action) {
		return nil, errForbidden
	}
	return c, nil
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, errInvalid("api.problem.id")
	}
	return id, nil
}

func queryInt(r *http.Request, key string) (int, error) {
	v := r.URL.Query().Get(key)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, errInvalid("api.problem.non_negative", "key", key)
	}
	return n, nil
}

func errBadRequestf(msg string) error { return errors.Join(errBadRequest, errors.New(msg)) }

// begin checks that the caller may do action and reads the path's id. On
// failure it has answered already and ok is false.
func begin(w http.ResponseWriter, r *http.Request, action authz.Action) (c *httpauth.Caller, id int64, ok bool) {
	c, err := allowed(r, action)
	if err == nil {
		id, err = pathID(r)
	}
	if err != nil {
		fail(w, r, err)
		return nil, 0, false
	}
	return c, id, true
}

// reply answers with v, or with err when there is one.
func reply(w http.ResponseWriter, r *http.Request, status int, v any, err error) {
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, status, v)
}

// localizer is the language the API answers in: the request's
// Accept-Language (or ?lang=), zh-CN by default.
func localizer(r *http.Request) i18n.Localizer {
	l, _ := i18n.FromRequest(r)
	return l
}
