package api

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestOpenAPIListsEveryRoute keeps the served document and the routes in
// step: every route is described, and nothing is described that is not
// served.
func TestOpenAPIListsEveryRoute(t *testing.T) {
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(openapiDoc, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	served := map[string]bool{}
	for _, rt := range routes {
		key := strings.ToLower(rt.method) + " " + rt.path
		served[key] = true
		if _, ok := doc.Paths[rt.path][strings.ToLower(rt.method)]; !ok {
			t.Errorf("route %s %s is not in openapi.json", rt.method, rt.path)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !served[method+" "+path] {
				t.Errorf("openapi.json describes %s %s, which is not served", method, path)
			}
		}
	}
	for _, fixed := range []string{"post /api/v1/auth/token", "get /api/v1/me", "get /api/v1/units", "get /api/v1/plans",
		"get /api/v1/plans/{id}", "get /api/v1/tasks", "get /api/v1/tasks/{id}"} {
		if !served[fixed] {
			t.Errorf("the fixed endpoint %s is missing", fixed)
		}
	}
}
