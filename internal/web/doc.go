// Package web serves duban's HTML pages: the sign-in and first-run setup
// pages, the role-dependent workbench, user and unit administration and the
// audit log viewer. Pages are html/template files embedded in the binary
// and parsed once at boot, one template set per page and language; static
// files (the style sheet, a small script and the vendored htmx) are served
// under content-hash names with a year-long cache.
//
// The package owns no data. Each handler reads and writes through a small
// interface declared in deps.go with view structs of its own, so the domain
// and storage packages can change without touching a template, and tests
// run every page against fakes. Authorisation is not decided here: the
// services behind those interfaces refuse with ErrForbidden and the page
// turns that into a 403. The navigation per role is only a convenience.
//
// Every string a person reads comes from the i18n catalogue; state-changing
// requests are guarded by net/http's cross-origin protection; all text is
// escaped by html/template.
package web
