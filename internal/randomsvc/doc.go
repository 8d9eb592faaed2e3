// Package randomsvc runs 双随机一公开: the directories (检查对象 imported in
// bulk, 执法检查人员 with their qualifications, areas and ties), the
// 抽查计划 of a department or of several (部门联合抽查), the verifiable draw
// and the results, published on the portal within the plan's working
// days. Creating a plan freezes the directory it draws from and commits
// to a secret seed: both hashes are public from then on. The draw
// reveals the seed and keeps the record (internal/randomdraw) that
// anyone can recompute with `duban draw verify`; a plan is drawn once. A
// result that needs 整改 becomes a task of the ledger through the 督办件
// service (Open).
//
// The office keeps it all; leaders read it; the public sees the plans'
// commitments, the records and the published results (/public/random).
// Every write, the draw above all, is audited in the store's transaction.
package randomsvc
