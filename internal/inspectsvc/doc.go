// Package inspectsvc keeps the office's field inspections (实地督查、专项
// 督查、对账督查、明察暗访): the year's 督查计划, the record of each
// inspection held (when, where, who, how) and the problems it found. A
// finding names the unit that must rectify it and by when, and becomes a
// 问题 task of the ledger (through Tasks, the 督办件 service), so the
// unit reports its 整改 with evidence and the lights, the 督办单 ladder
// and 销号 apply as to every task. The office's 复查 closes the finding or
// sends it back with a new deadline.
//
// The office plans, records and rechecks; leaders read everything; a
// liaison sees the findings addressed to their units (the 问题清单) and
// nothing of the inspections themselves; the public nothing. Every write
// is audited in the store's transaction.
package inspectsvc
