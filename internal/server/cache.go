package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/httpauth"
)

// cachedPaths are the GET answers worth keeping: the lists and pages that
// everyone opens many times a day and that change only on a write.
func cacheable(path string) bool {
	switch {
	case path == "/api/v1/tasks", strings.HasPrefix(path, "/api/v1/tasks/"),
		path == "/api/v1/plans", strings.HasPrefix(path, "/api/v1/plans/"),
		path == "/api/v1/units", path == "/api/v1/workspace", path == "/api/v1/me",
		path == "/tasks", strings.HasPrefix(path, "/tasks/") && !download(path), path == "/plans":
		return true
	}
	return false
}

// download is whether path is a file's: its every download is audited,
// so none is answered from the cache.
func download(path string) bool {
	return strings.HasSuffix(path, ".xlsx") || strings.HasSuffix(path, ".docx")
}

// cacheKey keys an answer by who asks (their account: role and units
// change only with a write, which moves the version), the language and the
// URL; the cache itself drops an answer made on another day (statuses turn
// on dates). A page carrying a one-time
// flash message is not cached.
func cacheKey(r *http.Request) (string, bool) {
	c := httpauth.From(r.Context())
	if c == nil || c.User == nil || !cacheable(r.URL.Path) {
		return "", false
	}
	if _, err := r.Cookie("duban_flash"); err == nil {
		return "", false
	}
	lang := r.URL.Query().Get("lang")
	if ck, err := r.Cookie("lang"); err == nil && lang == "" {
		lang = ck.Value
	}
	if lang == "" {
		lang = r.Header.Get("Accept-Language")
	}
	return strconv.FormatInt(c.User.ID, 10) + "|" + lang + "|" + r.URL.RequestURI(), true
}
