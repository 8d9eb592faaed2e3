package records

import (
	"time"
)

// AuditFilter selects audit entries; zero fields select everything.
type AuditFilter struct {
	Actor  string
	Action string // a prefix: "user." selects every user change
	From   time.Time
	To     time.Time
	Limit  int // 0 means 100
	Offset int
}
