package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// staticFS holds the files served under /static/. The vendor README is
// left out on purpose: it documents the folder, it is not for browsers.
//
//go:embed static/*.css static/*.js static/*.svg static/vendor/*.js
var staticFS embed.FS

// asset is one static file with its content-hash name.
type asset struct {
	name   string // logical name, "app.css"
	hashed string // served name, "app.3f2a1c9d0e.css"
	etag   string
	body   []byte
}

// assets maps logical and hashed names to files. A hashed name never
// changes content, so it is cached for a year; a change gives a new name.
type assets struct {
	byName   map[string]*asset
	byHashed map[string]*asset
}

func loadAssets() (*assets, error) {
	a := &assets{byName: map[string]*asset{}, byHashed: map[string]*asset{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:5])
		name := strings.TrimPrefix(p, "static/")
		ext := path.Ext(name)
		f := &asset{
			name:   name,
			hashed: strings.TrimSuffix(name, ext) + "." + hash + ext,
			etag:   `"` + hash + `"`,
			body:   body,
		}
		a.byName[name] = f
		a.byHashed[f.hashed] = f
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: loading static files: %w", err)
	}
	return a, nil
}

// url is the template function asset: the hashed URL of a logical name.
// An unknown name is an error, so a typo fails the render tests instead of
// shipping a broken link.
func (a *assets) url(name string) (string, error) {
	f, ok := a.byName[name]
	if !ok {
		return "", fmt.Errorf("web: no static file %q", name)
	}
	return "/static/" + f.hashed, nil
}

// serve answers GET /static/{path...}. Hashed names are immutable for a
// year; the plain names stay reachable for hand-written links and tools,
// but must be revalidated.
func (a *assets) serve(w http.ResponseWriter, r *http.Request) {
	p := r.PathValue("path")
	f, hashed := a.byHashed[p]
	if !hashed {
		f = a.byName[p]
	}
	if f == nil {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	if ct := mime.TypeByExtension(path.Ext(f.name)); ct != "" {
		h.Set("Content-Type", ct)
	}
	h.Set("ETag", f.etag)
	if hashed {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	// ServeContent answers If-None-Match and ranges; the zero modtime
	// keeps Last-Modified out, the ETag is the validator.
	http.ServeContent(w, r, f.name, time.Time{}, bytes.NewReader(f.body))
}
