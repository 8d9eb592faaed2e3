// Package plandoc reads a plan document (实施方案, 行动计划, 工作要点, 任务分解表)
// and extracts its structured task list: metadata, the numbering tree, task
// titles, responsible units, deadlines, cadences, targets, milestones and
// score weights, for simplified and traditional script alike.
//
// It is pure: it takes blocks from package docread and returns a Plan, with
// no storage, network or clock. Rules are general, driven by the shapes
// official documents take (GB/T 9704 numbering, responsibility notes in
// brackets, annex task tables), never by a known document.
package plandoc
