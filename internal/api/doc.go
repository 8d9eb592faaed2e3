// Package api is duban's JSON API under /api/v1, described by the OpenAPI
// document it serves at /api/v1/openapi.json. It shares the domain
// services with the web pages; its types are its own, so database rows
// never leak into responses (no password hashes, no token hashes).
//
// Every handler asks package authz before it reads or writes, and every
// error goes through one function that turns domain errors into statuses.
package api
