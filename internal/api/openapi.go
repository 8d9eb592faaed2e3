package api

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
)

// openapiDoc is the API's OpenAPI 3.1 description, written by hand next
// to the handlers; a test checks that it lists every route.
//
//go:embed openapi.json
var openapiDoc []byte

// servedDoc is openapiDoc with its servers set to base_url, made once.
type servedDoc struct {
	once sync.Once
	body []byte
}

func (h *Handler) openAPI(w http.ResponseWriter, _ *http.Request) {
	h.doc.once.Do(func() { h.doc.body = withServer(openapiDoc, h.BaseURL) })
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(h.doc.body)
}

// withServer names base (base_url) as the document's one server, so the
// paths (/api/v1/…) resolve under a reverse proxy's sub-path too. Without
// a base_url the document keeps "/", the host it was fetched from.
func withServer(doc []byte, base string) []byte {
	if base == "" {
		return doc
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(doc, &m); err != nil {
		return doc
	}
	servers, err := json.Marshal([]map[string]string{{"url": strings.TrimSuffix(base, "/")}})
	if err != nil {
		return doc
	}
	m["servers"] = servers
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(m); err != nil {
		return doc
	}
	return out.Bytes()
}
