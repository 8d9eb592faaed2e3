// Package supervisionsvc is the office's supervision as use cases: the
// 督办单 issued by hand, the supervision rules per plan, the office's desk
// of what waits for it, and each unit's inbox of what was sent to it.
// Each method checks who may do it, validates, and writes with its audit.
package supervisionsvc

import (
	"time"

	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

// Service runs supervision's use cases.
type Service struct {
	Store Store
	// RulesBase are the built-in supervision rules, which the office's
	// stored rules override per plan.
	RulesBase supervise.Rules
	// Calendar is the working-day calendar in force: a 督办单's deadline
	// counts working days.
	Calendar workday.Source
	// Notices says how a 督办单 issued by hand is sent: worded and
	// addressed as the scheduler's own (cli sets it to the scheduler).
	// Nil: no 督办单 is issued by hand.
	Notices Notifier
	Now     func() time.Time
}

// today is the date in China.
func (s *Service) today() time.Time {
	return workday.DateOf(s.Now().In(workday.Zone))
}
