// Package decisionsvc is the office's desk for 重大行政决策: the year's
// catalogue drafted, approved, published and adjusted; each decision's
// steps through the procedure's gates (the rules are internal/decision's),
// each with its documents; the public's comments on a draft and the
// 采纳情况; publication with its 政策解读, and the 执行 and 后评估 then
// scheduled as tasks of the ledger through the 督办件 entry.
package decisionsvc
