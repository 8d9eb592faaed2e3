// Package ledgersvc is the ledger's application layer, shared by the JSON
// API and the web pages: it reads tasks as the ledger shows them (status
// and light derived on the working-day calendar, report obligations), and
// builds the review of a draft plan, a task's page and a workspace. Every
// read is limited to what the principal may see, so the API and the pages
// cannot disagree about it.
package ledgersvc
