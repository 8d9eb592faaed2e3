package api

import (
	_ "embed"
	"net/http"
)

// openapiDoc is the API's OpenAPI 3.1 description, written by hand next
// to the handlers; a test checks that it lists every route.
//
//go:embed openapi.json
var openapiDoc []byte

func (h *Handler) openAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openapiDoc)
}
