// Package records holds the values duban keeps — plans, tasks, units,
// users, reports, tickets, requests, incidents, assessment records — and
// the filters and changes the services hand the store. The store reads and
// writes them; the services and the adapters pass them around without
// importing the store, which is what keeps the web pages and the API
// above the one layer of use cases.
package records
