// Package webdeps implements the services the web pages need (web.Deps)
// over the store, the sign-in service and the authorisation policy. It
// is where a page's request becomes a checked, audited change: every
// method asks authz with the acting user before it touches the store,
// and translates store errors into the pages' errors.
package webdeps
