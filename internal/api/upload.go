package api

import (
	"io"
	"net/http"
)

// uploadedFile reads the multipart field "file" of at most limit bytes
// whole: its name and content. On a missing or unreadable file it has
// answered 422 at field file and says false.
func uploadedFile(w http.ResponseWriter, r *http.Request, limit int64) (string, []byte, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	file, header, err := r.FormFile("file")
	if err != nil {
		fail(w, r, errInvalid("api.problem.file_field"))
		return "", nil, false
	}
	defer file.Close()
	data, err := io.ReadAll(file)
	if err != nil {
		fail(w, r, errInvalid("api.problem.file_field"))
		return "", nil, false
	}
	return header.Filename, data, true
}
