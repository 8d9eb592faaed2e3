package server

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// The API's own description, loaded once from GET /api/v1/openapi.json.
var (
	contractOnce   sync.Once
	contractRouter routers.Router
	contractErr    error
)

// contractChecked serves next and checks every /api/v1 answer against
// the response schema that openapi.json gives its operation and status,
// failing t on a body the document does not describe: every API test
// that goes through the fixture validates the document as it runs. A
// request the API accepted (a 2xx answer) is checked too, its body and
// parameters against the operation's: the request schemas the document
// gives a client must admit what the server takes. (A refused request,
// sent by a test of the refusal, may break them.)
func contractChecked(t testing.TB, next http.Handler, token string) http.Handler {
	contractOnce.Do(func() {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/openapi.json", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, req)
		var doc *openapi3.T
		if doc, contractErr = openapi3.NewLoader().LoadFromData(rec.Body.Bytes()); contractErr == nil {
			doc.Servers = openapi3.Servers{{URL: "http://example.com/"}}
			contractRouter, contractErr = legacy.NewRouter(doc)
		}
	})
	if contractErr != nil {
		t.Fatalf("openapi.json: %v", contractErr)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/v1/") {
			next.ServeHTTP(w, r)
			return
		}
		var sent []byte
		if r.Body != nil {
			var err error
			if sent, err = io.ReadAll(r.Body); err != nil {
				t.Fatalf("%s %s: reading the request: %v", r.Method, r.URL.Path, err)
			}
			r.Body = io.NopCloser(bytes.NewReader(sent))
		}
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())

		u := *r.URL
		u.Scheme, u.Host = "http", "example.com"
		probe := r.Clone(context.Background())
		probe.URL = &u
		probe.Body = io.NopCloser(bytes.NewReader(sent))
		route, params, err := contractRouter.FindRoute(probe)
		if err != nil {
			t.Errorf("%s %s: not in openapi.json: %v", r.Method, r.URL.Path, err)
			return
		}
		if rec.Code/100 == 2 {
			req := &openapi3filter.RequestValidationInput{Request: probe, PathParams: params, Route: route,
				Options: &openapi3filter.Options{MultiError: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
			if err := openapi3filter.ValidateRequest(context.Background(), req); err != nil {
				t.Errorf("%s %s was answered %d, yet its request does not meet openapi.json: %v\n%.400s", r.Method, r.URL.Path, rec.Code, err, sent)
			}
			probe.Body = io.NopCloser(bytes.NewReader(sent))
		}
		in := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{Request: probe, PathParams: params, Route: route},
			Status:                 rec.Code,
			Header:                 rec.Header(),
			Body:                   io.NopCloser(bytes.NewReader(rec.Body.Bytes())),
			Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
		}
		if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
			t.Errorf("%s %s = %d does not answer openapi.json: %v\n%.400s", r.Method, r.URL.Path, rec.Code, err, rec.Body.String())
		}
	})
}
