// Package ledger holds the rules of the execution ledger (执行台账): the
// states a task moves through from 挂号 to 销号, the status and traffic
// light that follow from its dates on the official working-day calendar,
// and the report obligations (每月, 每季度, 每年…) a recurring task creates.
//
// It is pure: callers pass the task's facts, today's date and a calendar,
// and get values back. The store keeps the facts, the pages show them.
package ledger
