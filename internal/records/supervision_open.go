package records

import (
	"time"
)

// OpenNotice is a 督办单 that no 整改反馈 has answered yet, on a task still
// in the ledger, with what the supervision desk shows beside it.
type OpenNotice struct {
	Key       string
	TaskID    int64
	TaskTitle string
	PlanID    int64
	PlanTitle string
	// PlanSource is the plan's source (Sources): a 督办件's register or a plan.
	PlanSource string
	Label      string    // 蓝色督办单…
	On         time.Time // issued (a civil date)
	Deadline   time.Time // 限期整改 to
	Units      []UnitLink
}
