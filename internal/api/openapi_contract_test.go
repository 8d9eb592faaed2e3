package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// servedOpenAPI is the document as GET /api/v1/openapi.json answers it,
// loaded by kin-openapi.
func servedOpenAPI(t *testing.T) *openapi3.T {
	t.Helper()
	rec := httptest.NewRecorder()
	(&Handler{}).openAPI(rec, httptest.NewRequest(http.MethodGet, "/api/v1/openapi.json", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("openapi.json: status %d", rec.Code)
	}
	doc, err := openapi3.NewLoader().LoadFromData(rec.Body.Bytes())
	if err != nil {
		t.Fatalf("openapi.json does not load: %v", err)
	}
	return doc
}

// TestOpenAPIIsValid31 checks the served document against OpenAPI 3.1
// (JSON Schema 2020-12 for its schemas), as kin-openapi reads it.
func TestOpenAPIIsValid31(t *testing.T) {
	doc := servedOpenAPI(t)
	if !doc.IsOpenAPI31OrLater() {
		t.Fatalf("openapi %q is not 3.1", doc.OpenAPI)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not valid OpenAPI 3.1: %v", err)
	}
}

// TestOpenAPIOperationsAreContracts: every operation has a unique
// operationId, a 2xx response whose every body has a schema (a 204 alone
// has no body), and every 4xx/5xx response answers the shared Error
// schema.
func TestOpenAPIOperationsAreContracts(t *testing.T) {
	doc := servedOpenAPI(t)
	if doc.Components == nil || doc.Components.Schemas["Error"] == nil {
		t.Fatal("components.schemas.Error is missing")
	}
	ids := map[string]string{}
	count := 0
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			count++
			name := method + " " + path
			if op.OperationID == "" {
				t.Errorf("%s has no operationId", name)
			} else if other, dup := ids[op.OperationID]; dup {
				t.Errorf("operationId %s is both %s and %s", op.OperationID, other, name)
			} else {
				ids[op.OperationID] = name
			}
			success := 0
			for code, ref := range op.Responses.Map() {
				resp := ref.Value
				switch {
				case code == "204":
					if len(resp.Content) > 0 {
						t.Errorf("%s: 204 has a body", name)
					}
				case strings.HasPrefix(code, "2"):
					success++
					if len(resp.Content) == 0 {
						t.Errorf("%s: %s has no body", name, code)
					}
					for media, mt := range resp.Content {
						if mt.Schema == nil || mt.Schema.Value == nil {
							t.Errorf("%s: %s %s has no schema", name, code, media)
						}
					}
				case code[0] == '4' || code[0] == '5':
					mt := resp.Content.Get("application/json")
					if mt == nil || mt.Schema == nil || !answersError(mt.Schema) {
						t.Errorf("%s: %s does not answer the Error schema", name, code)
					}
				}
			}
			if success == 0 && op.Responses.Value("204") == nil {
				t.Errorf("%s has no 2xx response", name)
			}
		}
	}
	if count != len(routes) {
		t.Errorf("%d operations described, %d routes served", count, len(routes))
	}
}

// answersError: the schema is the shared Error, the Problems that extends
// it, or Error with more properties (allOf).
func answersError(s *openapi3.SchemaRef) bool {
	switch s.Ref {
	case "#/components/schemas/Error", "#/components/schemas/Problems":
		return true
	}
	if s.Value != nil {
		for _, part := range s.Value.AllOf {
			if part.Ref == "#/components/schemas/Error" {
				return true
			}
		}
	}
	return false
}
