package records

import (
	"time"
)

// Session is a signed-in browser or an API token. Only the token's hash
// is stored.
type Session struct {
	TokenHash  string
	UserID     int64
	Kind       string
	Name       string // the API token's name, or the browser
	IP         string
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
}

// Session kinds.
const (
	SessionWeb = "web" // a browser's sign-in, in a cookie
	SessionAPI = "api" // a script's bearer token
)
