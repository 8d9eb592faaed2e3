// Package supervisionsvc is the office's supervision as use cases: the
// 督办单 issued by hand, the supervision rules per plan, the office's desk
// of what waits for it, and each unit's inbox of what was sent to it.
// Each method checks who may do it, validates, and writes with its audit.
package supervisionsvc

import (
	"time"

	"github.com/duban/duban/internal/supervise"
)

// Service runs supervision's use cases.
type Service struct {
	Store Store
	// RulesBase are the built-in supervision rules, which the office's
	// stored rules override per plan.
	RulesBase supervise.Rules
	Now       func() time.Time
}
