// Package subtasksvc is 任务分解: the lead unit (or the office) splits a
// registered task into sub-tasks for itself and its 配合 units, each with
// its own unit, deadline and weight; and a unit takes in its own 落实计划,
// a document read by the plan importer whose tasks are proposed as
// sub-tasks for the unit to review and confirm, all or none.
//
// A sub-task is a task of the ledger like any other (reports, lights,
// 督办单 ladder, desk, 销号), seen by its unit. Its parent's percent is
// rolled up from its sub-tasks by one rule, ledger.RollUp, which the store
// applies whenever a sub-task changes.
//
// Split is also the way other use cases pass a task down (issue 16's
// catch-all units: a task for 各县（市、区）政府 split into one sub-task per
// member county).
package subtasksvc
