// Package mattersvc takes in the 督办件 that arrive without a plan
// document: a leader's 批示, a meeting's 议定事项, a 交办件, a problem a
// 督查 found. The office enters each with its source record; it becomes
// a task registered (挂号) at once in the register plan of its source and
// year, so that the ledger treats it as any plan's task (lights, 督办单,
// desk, 销号, assessment, export). A meeting's 议定事项 may be pasted as
// a list, each line read by the importer's rules. For a 批示 whose leader
// wants the result reported back it writes the 办理结果 report.
//
// Who may do what is checked here; a refusal is a *fault.Error with
// catalogue keys at the fields.
package mattersvc
