// Package portalsvc is what duban shows as a whole rather than task by
// task: the leaders' dashboard and the public portal of published plans.
package portalsvc

import "time"

// Service reads the dashboard and the portal.
type Service struct {
	Store Store
	Now   func() time.Time
}
