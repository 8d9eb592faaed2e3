package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/respcache"
	"github.com/duban/duban/internal/store"
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
// flash message is not cached. The ledger's answers name the scopes of
// data they show (cacheScopes), so that changes elsewhere keep them.
func cacheKey(r *http.Request) (respcache.Key, bool) {
	c := httpauth.From(r.Context())
	if c == nil || c.User == nil || !cacheable(r.URL.Path) {
		return respcache.Key{}, false
	}
	if _, err := r.Cookie("duban_flash"); err == nil {
		return respcache.Key{}, false
	}
	lang := r.URL.Query().Get("lang")
	if ck, err := r.Cookie("lang"); err == nil && lang == "" {
		lang = ck.Value
	}
	if lang == "" {
		lang = r.Header.Get("Accept-Language")
	}
	return respcache.Key{Name: strconv.FormatInt(c.User.ID, 10) + "|" + lang + "|" + r.URL.RequestURI(), Scopes: cacheScopes(r)}, true
}

// cacheScopes are the scopes of data a cached answer shows: the JSON list
// of one plan's tasks, that plan's and the ledger changes of no single
// plan (units, users, the calendar); every other answer of the ledger
// (lists, tasks, plans, their pages, which list every plan) the whole
// ledger's; nil, all data, for the rest. Changes to 12345 tickets, FOIA
// requests, incidents and sign-ins expire none of the ledger's answers, and
// a progress report on one plan none of another plan's lists.
func cacheScopes(r *http.Request) []string {
	path := r.URL.Path
	if path == "/api/v1/tasks" {
		if id, err := strconv.ParseInt(r.URL.Query().Get("plan"), 10, 64); err == nil && id > 0 {
			return []string{store.ScopePlan(id), store.ScopeLedgerOther}
		}
	}
	switch {
	case path == "/api/v1/tasks", strings.HasPrefix(path, "/api/v1/tasks/"),
		path == "/api/v1/plans", strings.HasPrefix(path, "/api/v1/plans/"),
		path == "/tasks", strings.HasPrefix(path, "/tasks/"), path == "/plans":
		return []string{store.ScopeLedger}
	}
	return nil
}
