package web

import (
	"errors"
	"io"
	"net/http"
)

// maxFiles bounds the attachments of one submission.
const maxFiles = 10

// parseUpload reads a form that may carry files. A form without files
// may come urlencoded (a browser sends that when no file is chosen under
// some settings, and tests do); both are read the same way.
func parseUpload(w http.ResponseWriter, r *http.Request) bool {
	err := r.ParseMultipartForm(32 << 20)
	if errors.Is(err, http.ErrNotMultipart) {
		return parseForm(w, r)
	}
	if err != nil {
		http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
		return false
	}
	return true
}

// uploads are the files of field name, opened on demand. A file input
// left empty sends one part with no name, which is no file.
func uploads(r *http.Request, name string) ([]Upload, bool) {
	if r.MultipartForm == nil {
		return nil, true
	}
	var out []Upload
	for _, fh := range r.MultipartForm.File[name] {
		if fh.Filename == "" && fh.Size == 0 {
			continue
		}
		out = append(out, Upload{Name: fh.Filename, Size: fh.Size, Open: func() (io.ReadCloser, error) { return fh.Open() }})
	}
	return out, len(out) <= maxFiles
}
