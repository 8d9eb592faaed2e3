package records

import (
	"time"

	"github.com/duban/duban/internal/supervise"
)

// StoredRules is one stored set of supervision rules: the default
// (PlanID 0) or a plan's own.
type StoredRules struct {
	PlanID    int64           `json:"plan_id"`
	Rules     supervise.Rules `json:"rules"`
	UpdatedBy string          `json:"updated_by"`
	UpdatedAt time.Time       `json:"updated_at"`
}
