// Package pii finds and masks personal data written into free text: the
// resident ID numbers, mobile and landline numbers, bank card numbers and
// e-mail addresses a citizen types into a 12345 request or an office
// types into a task, and, for what the public reads, the house number
// under the street and a name given after a label (联系人张三).
//
// It is the one masker: Open311, the public portal and its open data,
// the ticket views of whoever may not see personal data, and the
// exports all call it, so that a way of writing a number caught in one
// is caught in all. Numbers are found however written: with spaces or
// hyphens between the groups, in full-width digits (１３８…), or mixed;
// a run of eleven digits or more never survives. Dates (2026-03-01),
// money (1234.56 万元), document numbers (〔2026〕12号) and task numbers
// are left alone.
//
// The package is pure: strings in, strings out, no state.
package pii
