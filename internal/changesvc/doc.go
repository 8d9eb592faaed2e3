// Package changesvc is how a registered task changes with its history
// kept (issue 15): a unit's 延期申请 and the office's decision on it, the
// office's 调整 (units, deadline, content) and 撤销. Each change is one
// row of the task's 变更记录 (task_changes) with who, when, why, before
// and after and the day it applies, written with its audit entry in one
// transaction. The deadline a change moves is the task's own, so the
// lights, the ladder and the assessment follow from that day on.
package changesvc
